// One thing explain warns about: what kind, what it will do to the build,
// and how to fix it. Shared by every analysis (flag routing, device code).
#pragma once

#include <string>

namespace cuwrap::explain {

struct Hazard {
  std::string kind, message, fix;
};

} // namespace cuwrap::explain
