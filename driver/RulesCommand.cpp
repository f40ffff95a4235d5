// `cuwrap rules [TOOL]`: each personality's rules, in the order they run,
// with what each does and why.
#include "Commands.h"
#include "Registry.h"

#include <fmt/format.h>

namespace cuwrap {

int rulesCommand(const CommandArgs &a) {
  const Personality *only = nullptr;
  if (a.positional.size() > 1 ||
      (a.positional.size() == 1 && !(only = personalityFor(a.positional[0]))))
    return commandError(a.command,
                        fmt::format("usage: cuwrap rules [TOOL] (one of {})",
                                    personalityNames()),
                        UsageError);
  bool first = true;
  for (const Personality *p : personalities()) {
    if (only && p != only)
      continue;
    fmt::print("{}{}:\n", first ? "" : "\n", p->name());
    first = false;
    auto rules = p->rules();
    if (rules.empty())
      fmt::print("  (no rules: calls run as written)\n");
    for (const RuleInfo &r : rules)
      fmt::print("  {:<16} {}\n", r.name, r.summary);
  }
  return 0;
}

} // namespace cuwrap
