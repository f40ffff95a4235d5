#include "HostShellWord.h"
#include "NvccRules.h"

#include <fmt/format.h>

namespace cuwrap::nvcc {

// -Xcompiler and -Xlinker values reach the host compiler through nvcc's
// `/bin/sh -c` unquoted, so `-Xlinker -rpath,'/dir with space'` links with
// `-rpath /dir` and two stray inputs (docs/nvcc.md). Each element the
// shell would split or expand is wrapped in double quotes, which nvcc keeps
// and the shell removes (see HostShellWord.h). Commas still split, as nvcc
// documents: `-Xlinker -rpath,/x` stays two linker words.
llvm::Error hostOptionQuotingRule(const Invocation &inv, const RuleContext &,
                                  PlanBuilder &builder) {
  for (const llvm::opt::Arg *a : inv.args()) {
    unsigned id = ParsedArgs::id(*a);
    if (id != OPT_compiler_options && id != OPT_linker_options)
      continue;
    llvm::StringRef value = a->getValue();
    // An escaped comma or a double quote: the user already wrote for nvcc's
    // own syntax; a second layer of quoting would change what they meant.
    if (value.contains('"') || value.contains("\\,"))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> elems;
    value.split(elems, ',');
    std::string out;
    bool changed = false;
    for (size_t i = 0; i < elems.size(); ++i) {
      if (i)
        out += ',';
      if (auto q = shellSafeElement(elems[i])) {
        out += *q;
        changed = true;
      } else {
        out += elems[i].str();
      }
    }
    if (!changed)
      continue;
    auto [word, offset] = inv.parsed.valueLocation(*a);
    const Word &w = inv.cmd.words[word];
    if (w.origin.kind != Origin::Kind::Argv) {
      // Options files and NVCC_*_FLAGS cannot hold a double quote.
      builder.warn(fmt::format(
          "'{}' ({}) will be split or expanded by the shell nvcc runs; "
          "cuwrap cannot quote it outside the command line",
          value.str(), w.origin.str()));
      continue;
    }
    builder.replace({word}, {w.text.substr(0, offset) + out},
                    "nvcc pastes this value unquoted into `/bin/sh -c`, which "
                   "would split or expand it; double quotes make it arrive "
                   "whole");
  }
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
