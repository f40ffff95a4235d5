// Finding the real tool behind a personality without finding ourselves.
#pragma once

#include "Environment.h"

#include "llvm/Support/Error.h"

namespace cuwrap {

// `configured` (absolute path, or a name looked up on PATH) or else `name`
// on PATH, skipping every candidate that is the same file as `self` (a
// symlink or hard link to cuwrap: files are compared, not names). Errors name
// what was tried. With `resolve`, the result is a realpath: nvcc finds its
// nvcc.profile through argv[0] (nvcc-facts.md), while lld picks its flavour
// from argv[0] and must keep the name it was found by.
llvm::Expected<std::string> findTool(llvm::StringRef name,
                                     llvm::StringRef configured,
                                     llvm::StringRef configuredSource,
                                     const Environment &env,
                                     llvm::StringRef self, bool resolve);

bool sameFile(llvm::StringRef a, llvm::StringRef b);

} // namespace cuwrap
