// Every personality cuwrap has, from wrappers/Personalities.def.
#pragma once

#include "Personality.h"

#include <vector>

namespace cuwrap {

// In the registry's order.
const std::vector<const Personality *> &personalities();
const Personality &personality(PersonalityID id);
// The personality a program name (a path or a basename) calls for: its name
// or one of its aliases; `installedOnly` is what the wrapper's argv[0]
// counts against. Otherwise a driver's cross or versioned spelling counts
// too ([TRIPLE-]NAME[-VERSION]: x86_64-linux-gnu-g++-12, clang++-14).
const Personality *personalityFor(llvm::StringRef programName,
                                  bool installedOnly = false);
// "nvcc, ld, ld.bfd, ..." for messages and help.
std::string personalityNames(bool installedOnly = false);

} // namespace cuwrap
