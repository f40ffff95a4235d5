// `cuwrap list-options nvcc|ld`: every spelling the option tables accept,
// one a line, so a test can compare them with the real tool's --help.
#include "Commands.h"
#include "LdOptTable.h"
#include "NvccOptTable.h"

#include <fmt/format.h>

namespace cuwrap {

int listOptionsCommand(const CommandArgs &a) {
  if (a.positional.size() != 1 ||
      (a.positional[0] != "nvcc" && a.positional[0] != "ld"))
    return commandError("list-options", "usage: cuwrap list-options nvcc|ld", 2);
  const llvm::opt::OptTable &table =
      a.positional[0] == "nvcc" ? nvcc::optTable() : ld::optTable();
  for (unsigned id = 1; id <= table.getNumOptions(); ++id) {
    llvm::opt::Option opt = table.getOption(id);
    if (opt.getKind() == llvm::opt::Option::InputClass ||
        opt.getKind() == llvm::opt::Option::UnknownClass)
      continue;
    llvm::opt::Option canon = opt.getUnaliasedOption();
    fmt::print("{} {}\n", opt.getPrefixedName(), canon.getPrefixedName());
  }
  return 0;
}

} // namespace cuwrap
