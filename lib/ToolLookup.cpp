#include "ToolLookup.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

namespace cuwrap {

bool sameFile(llvm::StringRef a, llvm::StringRef b) {
  struct stat sa, sb;
  return ::stat(a.str().c_str(), &sa) == 0 && ::stat(b.str().c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static bool executable(const std::string &p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ::access(p.c_str(), X_OK) == 0;
}

static std::string finish(const std::string &found, bool resolve) {
  if (!resolve)
    return found;
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(found, real))
    return found;
  return real.str().str();
}

llvm::Expected<std::string> findTool(llvm::StringRef name,
                                     llvm::StringRef configured,
                                     llvm::StringRef configuredSource,
                                     const Environment &env,
                                     llvm::StringRef self, bool resolve) {
  auto fail = [](std::string msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  llvm::StringRef want = configured.empty() ? name : configured;
  if (want.contains('/')) {
    std::string p = want.str();
    if (!executable(p))
      return fail(fmt::format("real {} not found: {} (from {}) is not an "
                              "executable file",
                              name.str(), p, configuredSource.str()));
    if (sameFile(p, self))
      return fail(fmt::format("real {} {} (from {}) is cuwrap itself; "
                              "configure the real tool",
                              name.str(), p, configuredSource.str()));
    return finish(p, resolve);
  }
  llvm::StringRef path = env.get("PATH").value_or("");
  llvm::SmallVector<llvm::StringRef, 16> dirs;
  path.split(dirs, ':');
  std::vector<std::string> skipped;
  for (llvm::StringRef dir : dirs) {
    llvm::SmallString<256> cand(dir.empty() ? "." : dir);
    llvm::sys::path::append(cand, want);
    std::string c = cand.str().str();
    if (!executable(c))
      continue;
    if (sameFile(c, self)) {
      skipped.push_back(c);
      continue;
    }
    if (!llvm::sys::path::is_absolute(c)) {
      llvm::SmallString<256> abs(c);
      llvm::sys::fs::make_absolute(abs);
      c = abs.str().str();
    }
    return finish(c, resolve);
  }
  std::string msg = fmt::format("real {} not found: no '{}' on PATH", name.str(),
                                want.str());
  if (!skipped.empty())
    msg += fmt::format(" other than cuwrap itself ({})", fmt::join(skipped, ", "));
  if (!configured.empty())
    msg += fmt::format(" (named by {})", configuredSource.str());
  else
    msg += fmt::format("; set {} or put the real {} on PATH",
                       name == "nvcc" ? "CUWRAP_NVCC" : "CUWRAP_LD", name.str());
  return fail(msg);
}

} // namespace cuwrap
