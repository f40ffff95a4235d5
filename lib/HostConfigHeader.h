// Which `#error` of the toolkit's crt/host_config.h a host compiler would
// reach, given the compiler's predefined macros. nvcc's host preprocessing
// fails there for an unsupported compiler (docs/nvcc.md); reading the
// limits from the header itself keeps `cuwrap doctor` right for every CUDA
// release, with no version table in cuwrap. Pure: text and macros in.
#pragma once

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cuwrap {

// Predefined macros, as `CXX -dM -E -x c++ /dev/null` reports them.
using Macros = llvm::StringMap<std::string>;

struct Reached {
  unsigned line;
  std::string message;
  std::string condition; // the #if that guards it
};

std::vector<Reached> reachedErrors(llvm::StringRef headerText, Macros macros);

} // namespace cuwrap
