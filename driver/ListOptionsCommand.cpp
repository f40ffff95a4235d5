// `cuwrap list-options TOOL`: every spelling a personality's option table
// accepts, one a line with the option it stands for, so a test can compare
// them with the real tool's --help.
#include "Commands.h"
#include "Registry.h"

#include <fmt/format.h>

namespace cuwrap {

int listOptionsCommand(const CommandArgs &a) {
  const Personality *p =
      a.positional.size() == 1 ? personalityFor(a.positional[0]) : nullptr;
  if (!p)
    return commandError(a.command,
                        fmt::format("usage: cuwrap list-options TOOL (one of "
                                    "{})",
                                    personalityNames()),
                        UsageError);
  const llvm::opt::OptTable &table = p->optTable();
  for (unsigned id = 1; id <= table.getNumOptions(); ++id) {
    llvm::opt::Option opt = table.getOption(id);
    if (opt.getKind() == llvm::opt::Option::InputClass ||
        opt.getKind() == llvm::opt::Option::UnknownClass ||
        opt.getKind() == llvm::opt::Option::GroupClass)
      continue;
    llvm::opt::Option canon = opt.getUnaliasedOption();
    fmt::print("{} {}\n", opt.getPrefixedName(), canon.getPrefixedName());
  }
  return 0;
}

} // namespace cuwrap
