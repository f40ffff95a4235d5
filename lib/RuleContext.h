// What every rule may look at besides the invocation itself: the settings,
// the environment the wrapper was started with, where cuwrap lives, and the
// filesystem (an llvm::vfs::FileSystem, as clang's driver takes one), so
// that rules are pure functions of their inputs and unit tests can hand in
// an in-memory tree. Rules read nothing else (docs/design.md).
#pragma once

#include "Config.h"
#include "Environment.h"
#include "Paths.h"

#include "llvm/Support/VirtualFileSystem.h"

namespace cuwrap {

class Session;

struct RuleContext {
  const Config &config;
  const Environment &env;
  const Paths &paths;
  llvm::vfs::FileSystem &fs;

  RuleContext(const Config &config, const Environment &env, const Paths &paths,
              llvm::vfs::FileSystem &fs)
      : config(config), env(env), paths(paths), fs(fs) {}
  RuleContext(const Session &session, const Config &config);
};

} // namespace cuwrap
