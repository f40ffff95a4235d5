// The process environment, passed into the core as a value so that rules
// never read globals and tests can hand in any environment they like.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace cuwrap {

// One change to the environment the real tool receives.
struct EnvEdit {
  enum class Op { Set, Unset } op;
  std::string name;
  std::string value; // Set only
  std::string rule;
  std::string reason;
};

class Environment {
public:
  Environment() = default;
  explicit Environment(std::vector<std::string> entries)
      : Entries(std::move(entries)) {}
  static Environment fromEnvp(char **envp);

  std::optional<llvm::StringRef> get(llvm::StringRef name) const;
  // Set and not empty: how Nix and nvcc treat most of their variables.
  std::optional<llvm::StringRef> getNonEmpty(llvm::StringRef name) const;
  const std::vector<std::string> &entries() const { return Entries; }

  // The environment after the edits, in the original order, edited
  // variables in place and new ones at the end.
  Environment apply(const std::vector<EnvEdit> &edits) const;
  // The same as an exec passes it, without copying what stays: pointers to
  // this environment's entries, and to the edited ones, kept in `made`.
  std::vector<const char *> applyForExec(const std::vector<EnvEdit> &edits,
                                         std::deque<std::string> &made) const;

private:
  std::vector<std::string> Entries; // "NAME=VALUE"
};

} // namespace cuwrap
