// One per process, built once in main: where cuwrap lives, the environment
// it was started with, the filesystem the rules look at, and the settings.
// Everything below main receives what it needs from here; nothing reads
// the process environment or the configuration on its own.
#pragma once

#include "Config.h"
#include "Environment.h"
#include "Paths.h"
#include "Record.h"

#include "llvm/Support/VirtualFileSystem.h"

#include <optional>

namespace cuwrap {

class Session {
public:
  // The running process: /proc/self/exe, envp, the real filesystem, and the
  // configuration those give.
  static Session forProcess(char **envp);
  // Anything else (tests): the settings are loaded from `env` and `paths`.
  Session(Paths paths, Environment env,
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs);

  const Paths &paths() const { return ThePaths; }
  const Environment &env() const { return Env; }
  llvm::vfs::FileSystem &fs() const { return *FS; }
  // The settings, or why they could not be read (a broken config file, a
  // bad CUWRAP_* value): only the commands that need them fail for it.
  llvm::Expected<const Config &> config() const;

private:
  Paths ThePaths;
  Environment Env;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
  std::optional<Config> Cfg;
  std::string CfgError;
};

// Where the running binary is, from /proc/self/exe.
std::string selfExecutable();

// When, where and who: the context a log record carries.
RecordContext currentRecordContext();

} // namespace cuwrap
