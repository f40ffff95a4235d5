// The names of cuwrap's rules, as records, `cuwrap plan` and `cuwrap
// explain` show them. One constant each, so that a rule, the code that
// looks for its edits and the tests agree on one spelling.
#pragma once

#include "llvm/ADT/StringRef.h"

namespace cuwrap::rule {

// nvcc
inline constexpr llvm::StringLiteral HostCompiler = "host-compiler";
inline constexpr llvm::StringLiteral WlToXlinker = "wl-to-xlinker";
inline constexpr llvm::StringLiteral HostQuoting = "host-quoting";
inline constexpr llvm::StringLiteral CompressFatbin = "compress-fatbin";
inline constexpr llvm::StringLiteral OuterNvccEnv = "outer-nvcc-env";
inline constexpr llvm::StringLiteral ChildPath = "child-path";
// nvcc and ld: one RUNPATH policy, one name.
inline constexpr llvm::StringLiteral Runpath = "runpath";
// The plan's own bookkeeping, not a rule a personality lists: a variable or
// options file rendered again after its words changed, and an @file handed
// to nvcc as an options file.
inline constexpr llvm::StringLiteral Rewrite = "rewrite";
inline constexpr llvm::StringLiteral ResponseFile = "response-file";

} // namespace cuwrap::rule
