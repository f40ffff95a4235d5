#include "ToolLookup.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap {

bool sameFile(llvm::vfs::FileSystem &fs, llvm::StringRef a, llvm::StringRef b) {
  auto sa = fs.status(a), sb = fs.status(b);
  return sa && sb && sa->getUniqueID() == sb->getUniqueID();
}

bool isExecutable(llvm::vfs::FileSystem &fs, llvm::StringRef path) {
  auto st = fs.status(path);
  using llvm::sys::fs::perms;
  return st && st->getType() == llvm::sys::fs::file_type::regular_file &&
         (st->getPermissions() & (perms::owner_exe | perms::group_exe |
                                  perms::others_exe)) != 0;
}

std::string searchPath(llvm::StringRef name, const RuleContext &ctx,
                       llvm::function_ref<bool(llvm::StringRef)> take) {
  llvm::SmallVector<llvm::StringRef, 16> dirs;
  ctx.env.get("PATH").value_or("").split(dirs, ':');
  for (llvm::StringRef dir : dirs) {
    llvm::SmallString<256> cand(dir.empty() ? "." : dir);
    llvm::sys::path::append(cand, name);
    if (take(cand))
      return cand.str().str();
  }
  return "";
}

static std::string finish(llvm::vfs::FileSystem &fs, std::string found,
                          llvm::StringRef needsBeside) {
  if (needsBeside.empty())
    return found;
  // Absolute (the plan's program is), without resolving symlinks.
  llvm::SmallString<256> abs(found);
  fs.makeAbsolute(abs);
  found = abs.str().str();
  llvm::SmallString<256> beside(llvm::sys::path::parent_path(found));
  llvm::sys::path::append(beside, needsBeside);
  if (fs.exists(beside))
    return found;
  llvm::SmallString<256> real;
  if (fs.getRealPath(found, real))
    return found;
  return real.str().str();
}

llvm::Expected<std::string> findTool(llvm::StringRef name,
                                     llvm::StringRef configured,
                                     llvm::StringRef configuredSource,
                                     llvm::StringRef variable,
                                     const RuleContext &ctx,
                                     llvm::StringRef needsBeside) {
  auto fail = [](std::string msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  llvm::vfs::FileSystem &fs = ctx.fs;
  const std::string &self = ctx.paths.self;
  llvm::StringRef want = configured.empty() ? name : configured;
  if (want.contains('/')) {
    std::string p = want.str();
    if (!isExecutable(fs, p))
      return fail(fmt::format("real {} not found: {} (from {}) is not an "
                              "executable file",
                              name.str(), p, configuredSource.str()));
    if (sameFile(fs, p, self))
      return fail(fmt::format("real {} {} (from {}) is cuwrap itself; "
                              "configure the real tool",
                              name.str(), p, configuredSource.str()));
    return finish(fs, p, needsBeside);
  }
  std::vector<std::string> skipped;
  std::string found = searchPath(want, ctx, [&](llvm::StringRef cand) {
    if (!isExecutable(fs, cand))
      return false;
    if (sameFile(fs, cand, self)) {
      skipped.push_back(cand.str());
      return false;
    }
    return true;
  });
  if (!found.empty()) {
    llvm::SmallString<256> abs(found);
    fs.makeAbsolute(abs);
    return finish(fs, abs.str().str(), needsBeside);
  }
  std::string msg = fmt::format("real {} not found: no '{}' on PATH", name.str(),
                                want.str());
  if (!skipped.empty())
    msg += fmt::format(" other than cuwrap itself ({})", fmt::join(skipped, ", "));
  if (!configured.empty())
    msg += fmt::format(" (named by {})", configuredSource.str());
  else if (!variable.empty())
    msg += fmt::format("; set {} or put the real {} on PATH", variable.str(),
                       name.str());
  return fail(msg);
}

llvm::Expected<std::string> findLauncher(llvm::StringRef command,
                                         llvm::StringRef source,
                                         const RuleContext &ctx) {
  auto fail = [&](const std::string &why) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("launcher '{}' (from {}) {}", command.str(), source.str(),
                    why));
  };
  llvm::vfs::FileSystem &fs = ctx.fs;
  std::string found;
  if (command.contains('/')) {
    if (!isExecutable(fs, command))
      return fail("is not an executable file");
    llvm::SmallString<256> abs(command);
    fs.makeAbsolute(abs);
    found = abs.str().str();
  } else {
    found = searchPath(command, ctx, [&](llvm::StringRef cand) {
      return isExecutable(fs, cand);
    });
    if (found.empty())
      return fail("not found on PATH");
    llvm::SmallString<256> abs(found);
    fs.makeAbsolute(abs);
    found = abs.str().str();
  }
  if (sameFile(fs, found, ctx.paths.self))
    return fail(fmt::format("is cuwrap itself ({}): the launcher must be a "
                            "compiler cache that runs the real nvcc",
                            found));
  return found;
}

} // namespace cuwrap
