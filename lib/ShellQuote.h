#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace cuwrap {

// A POSIX shell word that reads back as `s`: bare when safe, single-quoted
// otherwise, and $'...' with \xNN escapes for control characters and bytes
// that are not UTF-8, so a plan line can be pasted into a shell.
std::string shellQuote(llvm::StringRef s);
bool isUTF8(llvm::StringRef s);
std::string shellJoin(llvm::ArrayRef<std::string> words);

} // namespace cuwrap
