// What nvcc's -ccbin value names, so that two spellings of one compiler
// (`g++`, `/usr/bin/g++`, a symlink, the directory holding it) count as the
// same and a C driver is recognised. Only stat and readlink: the hot path
// runs no child. The filesystem is the rule context's.
#pragma once

#include "RuleContext.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace cuwrap::nvcc {

// The driver nvcc will run for the link: `value` itself, or `value/g++`
// when it is a directory (nvcc's directory form), found on PATH when it has
// no slash, symlinks resolved. Empty when it names nothing that exists.
std::string resolveHostCompiler(llvm::StringRef value, const RuleContext &ctx);

// gcc, gcc-12, cc, clang, clang-14, x86_64-linux-gnu-gcc-12: drivers that
// compile C++ but do not link libstdc++, so nvcc's host link fails.
bool isCDriver(llvm::StringRef value);

// Same string, or the same executable file reached under a name of the same
// kind (clang++ and clang are one file but not one driver).
bool sameHostCompiler(llvm::StringRef a, llvm::StringRef b,
                      const RuleContext &ctx);

} // namespace cuwrap::nvcc
