#include "HostShellWord.h"

namespace cuwrap::nvcc {

std::optional<std::string> shellSafeElement(llvm::StringRef e) {
  if (e.contains('"'))
    return std::nullopt;
  const char *blanks = " \t\n";
  if (e.startswith("-") && e.find_first_of(blanks) != llvm::StringRef::npos)
    return std::nullopt;
  // What /bin/sh splits at or expands that nvcc does not escape itself.
  if (e.find_first_of(" \t\n`\\;&|<>()*?[") == llvm::StringRef::npos)
    return std::nullopt;
  std::string out = "\"";
  for (char c : e) {
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '`': out += "\\`"; break;
    // nvcc turns ' into \' even inside double quotes, where the shell keeps
    // the backslash: close the quotes around it instead.
    case '\'': out += "\"'\""; break;
    default: out += c;
    }
  }
  out += '"';
  return out;
}

} // namespace cuwrap::nvcc
