// nvcc runs every sub-step through `/bin/sh -c` with -Xcompiler and
// -Xlinker values pasted in unquoted (docs/nvcc.md). Observed with nvcc
// 13.0 (values reaching a recording host compiler): nvcc itself escapes `$`
// and `'`, but not blanks, backslashes, backquotes or the shell's operators,
// and it keeps double quotes, which group words both for its own comma
// split and for the shell. So `-rpath,/dir with space` splits at the blanks,
// while `-rpath,"/dir with space"` arrives as one word.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace cuwrap::nvcc {

// One element of a comma list, written so that the shell nvcc runs hands it
// to the host tool whole; nothing when it needs no change or when the user
// already quoted for the shell (it holds a double quote). An element that
// starts with '-' and holds blanks is left as is: `-Xcompiler "-O2 -g"` is a
// common way to pass several flags, and relies on the shell's split.
std::optional<std::string> shellSafeElement(llvm::StringRef element);

} // namespace cuwrap::nvcc
