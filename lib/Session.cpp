#include "Session.h"

#include "llvm/Support/FileSystem.h"

#include <fmt/format.h>

#include <ctime>
#include <unistd.h>

namespace cuwrap {

std::string selfExecutable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, n) : std::string();
}

RecordContext currentRecordContext() {
  RecordContext ctx;
  struct timespec ts;
  ::clock_gettime(CLOCK_REALTIME, &ts);
  struct tm tm;
  ::gmtime_r(&ts.tv_sec, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  ctx.time = fmt::format("{}.{:03}Z", buf, ts.tv_nsec / 1000000);
  llvm::SmallString<256> cwd;
  if (!llvm::sys::fs::current_path(cwd))
    ctx.cwd = cwd.str().str();
  ctx.pid = ::getpid();
  return ctx;
}

Session::Session(Paths paths, Environment env,
                 llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs)
    : ThePaths(std::move(paths)), Env(std::move(env)), FS(std::move(fs)) {
  auto cfg = loadConfig(Env, ThePaths);
  if (cfg)
    Cfg = std::move(*cfg);
  else
    CfgError = llvm::toString(cfg.takeError());
}

Session Session::forProcess(char **envp) {
  return Session(Paths::fromSelf(selfExecutable()), Environment::fromEnvp(envp),
                 llvm::vfs::getRealFileSystem());
}

llvm::Expected<const Config &> Session::config() const {
  if (Cfg)
    return *Cfg;
  return llvm::createStringError(llvm::inconvertibleErrorCode(), CfgError);
}

} // namespace cuwrap

#include "RuleContext.h"

cuwrap::RuleContext::RuleContext(const Session &session, const Config &config)
    : config(config), env(session.env()), paths(session.paths()),
      fs(session.fs()) {}
