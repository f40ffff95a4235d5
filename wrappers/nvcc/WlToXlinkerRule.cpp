#include "HostShellWord.h"
#include "NvccRules.h"

namespace cuwrap::nvcc {

// Makefiles and setup.py pass gcc's `-Wl,a,b` to nvcc too, and nvcc 13.0
// stops with "Unknown option '-Wl,...'" unless -forward-unknown-to-host-linker
// is given. `-Xlinker` is nvcc's spelling of the same thing, one linker word
// each; gcc splits -Wl at every comma, so the words are the same.
std::vector<std::string> xlinkerForWl(llvm::ArrayRef<std::string> elements,
                                      Origin::Kind origin) {
  std::vector<std::string> with;
  for (const std::string &e : elements) {
    with.push_back("-Xlinker");
    // The same shell stands between nvcc and the linker as for -Xlinker;
    // only argv can carry the double quotes that get a word through it.
    auto q = origin == Origin::Kind::Argv ? shellSafeElement(e) : std::nullopt;
    with.push_back(q ? *q : e);
  }
  return with;
}

llvm::Error wlToXlinkerRule(const Invocation &inv, const RuleContext &,
                            PlanBuilder &builder) {
  if (inv.forwardsUnknownToHostLinker())
    return llvm::Error::success();
  for (const llvm::opt::Arg *a : inv.args()) {
    if (ParsedArgs::id(*a) != OPT_UNKNOWN)
      continue;
    std::vector<unsigned> span = inv.parsed.span(*a);
    const Word &w = inv.cmd.words[span.front()];
    llvm::StringRef text = w.text;
    if (!text.startswith("-Wl,"))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> elems;
    text.drop_front(4).split(elems, ',', -1, /*KeepEmpty=*/false);
    std::vector<std::string> with = xlinkerForWl(
        std::vector<std::string>(elems.begin(), elems.end()), w.origin.kind);
    if (with.empty())
      builder.remove(span, "an empty -Wl, passes nothing to the linker, and nvcc "
                    "rejects it");
    else
      builder.replace(span, std::move(with),
                      "nvcc rejects gcc's -Wl, (unknown option); -Xlinker is "
                     "its spelling of the same linker words");
  }
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
