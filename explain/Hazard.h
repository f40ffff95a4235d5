// One thing explain warns about: what kind, what it will do to the build,
// and how to fix it. Shared by every analysis (flag routing, device code).
#pragma once

#include <string>
#include <vector>

namespace cuwrap::explain {

struct Hazard {
  std::string kind, message, fix;
  // The files the hazard is about, as the report names them (for pictures).
  std::vector<std::string> subjects = {};
};

} // namespace cuwrap::explain
