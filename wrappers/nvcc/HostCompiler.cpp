#include "HostCompiler.h"

#include "ToolLookup.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"

namespace cuwrap::nvcc {

static std::string realPath(llvm::vfs::FileSystem &fs, llvm::StringRef p) {
  llvm::SmallString<256> real;
  if (fs.getRealPath(p, real))
    return {};
  return real.str().str();
}

static bool isDirectory(llvm::vfs::FileSystem &fs, llvm::StringRef p) {
  auto st = fs.status(p);
  return st && st->isDirectory();
}

std::string resolveHostCompiler(llvm::StringRef value, const RuleContext &ctx) {
  if (value.empty())
    return {};
  std::string path;
  if (value.contains('/')) {
    path = value.str();
  } else {
    path = searchPath(value, ctx,
                      [&](llvm::StringRef cand) { return ctx.fs.exists(cand); });
  }
  if (path.empty())
    return {};
  if (isDirectory(ctx.fs, path))
    path += "/g++";
  return realPath(ctx.fs, path);
}

bool isCDriver(llvm::StringRef value) {
  llvm::StringRef base = llvm::sys::path::filename(value);
  // A version suffix (gcc-12, clang-14.0) does not change the kind.
  auto stripVersion = [](llvm::StringRef s) {
    size_t dash = s.rfind('-');
    if (dash != llvm::StringRef::npos && dash + 1 < s.size() &&
        s.substr(dash + 1).find_first_not_of("0123456789.") ==
            llvm::StringRef::npos)
      return s.substr(0, dash);
    return s;
  };
  llvm::StringRef stem = stripVersion(base);
  return stem == "gcc" || stem == "cc" || stem == "clang" ||
         stem.endswith("-gcc");
}

bool sameHostCompiler(llvm::StringRef a, llvm::StringRef b,
                      const RuleContext &ctx) {
  if (a == b)
    return true;
  auto kind = [&](llvm::StringRef v) {
    // A directory stands for the g++ inside it.
    return isDirectory(ctx.fs, v) ? false : isCDriver(v);
  };
  if (kind(a) != kind(b))
    return false;
  std::string ra = resolveHostCompiler(a, ctx), rb = resolveHostCompiler(b, ctx);
  return !ra.empty() && ra == rb;
}

} // namespace cuwrap::nvcc
