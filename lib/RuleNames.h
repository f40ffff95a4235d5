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
// A variable whose words cannot be written back in its syntax: they move
// onto argv (docs/quoting.md).
inline constexpr llvm::StringLiteral Quoting = "quoting";
// A pipe or device read by cuwrap, handed to nvcc as a copy.
inline constexpr llvm::StringLiteral ReadOnce = "read-once";
// Words moved into a file so the command fits the kernel's argument limit.
inline constexpr llvm::StringLiteral ArgumentLimit = "argument-limit";

} // namespace cuwrap::rule
