// What every rule may look at besides the invocation itself: the
// configuration, the environment the wrapper was started with, and where
// cuwrap lives. Rules read nothing else (design.md: the core is pure).
#pragma once

#include "Config.h"
#include "Environment.h"

namespace cuwrap {

struct RuleContext {
  const Config &config;
  const Environment &env;
  const Paths &paths;
};

} // namespace cuwrap
