// Reading a linked ELF file's RUNPATH and NEEDED entries, and what is wrong
// with them for a CUDA program (docs/design.md, invariant 3). Used by
// `cuwrap check-runpath` and, with strict_runpath=1, by the ld personality
// after a link it ran as a child.
#pragma once

#include "Config.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cuwrap {

struct DynamicInfo {
  std::vector<std::string> runpath; // DT_RUNPATH (or DT_RPATH), split at ':'
  std::vector<std::string> needed;  // DT_NEEDED, in order
  bool isRunpath = true;            // false: only an old DT_RPATH
  bool isDynamic = false;           // has a dynamic section at all
  // Why the file is a CUDA program or library (it needs libcudart or
  // libcuda, or carries device code, which static cudart registers and
  // which makes it dlopen libcuda.so.1); empty when it is neither.
  std::string cudaBecause;
};

llvm::Expected<DynamicInfo> readDynamicInfo(llvm::StringRef file);

// One line each; empty when all is well. `file` expands $ORIGIN.
std::vector<std::string> checkRunpath(llvm::StringRef file,
                                      const DynamicInfo &info,
                                      const Config &cfg);

} // namespace cuwrap
