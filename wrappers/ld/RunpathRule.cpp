#include "LdRules.h"
#include "LinkFacts.h"

#include "llvm/ADT/StringExtras.h"

namespace cuwrap::ld {

// CMake links CUDA executables and shared libraries with the host compiler
// (`g++ ... -lcudadevrt -lcudart_static -L<cuda>/lib/stubs -L<cuda>/lib`),
// and `nvcc -dlink` is followed by a plain host link: nvcc never sees
// those links, the ld that gcc's collect2 finds on PATH does
// (docs/nvcc.md, CMake). So this personality gives every link that brings
// in a CUDA library the same RUNPATH entries nvcc's final link gets.
llvm::Error runpathRule(const Invocation &inv, const RuleContext &ctx,
                        PlanBuilder &builder) {
  // -r makes an object, -static has no dynamic section, queries link
  // nothing; Nixpkgs' switch turns all rpath additions off.
  if (inv.kind == Kind::Query || inv.kind == Kind::Relocatable ||
      inv.kind == Kind::Static)
    return llvm::Error::success();
  if (auto v = ctx.env.getNonEmpty("NIX_DONT_SET_RPATH"); v && *v != "0")
    return llvm::Error::success();

  using Item = LinkLine::Item;
  LinkLine line;
  std::vector<std::vector<unsigned>> rpathSpans; // beside line.userRpaths
  for (const llvm::opt::Arg *a : inv.args()) {
    switch (ParsedArgs::id(*a)) {
    case OPT_Bstatic:
      line.items.push_back({Item::Kind::Static, ""});
      break;
    case OPT_Bdynamic:
      line.items.push_back({Item::Kind::Dynamic, ""});
      break;
    case OPT_push_state:
      line.items.push_back({Item::Kind::PushState, ""});
      break;
    case OPT_pop_state:
      line.items.push_back({Item::Kind::PopState, ""});
      break;
    case OPT_library_path:
      line.items.push_back({Item::Kind::LibraryDir, a->getValue()});
      break;
    case OPT_library:
      line.items.push_back({Item::Kind::Library, a->getValue()});
      break;
    case OPT_INPUT:
      line.items.push_back({Item::Kind::Input, a->getValue()});
      break;
    case OPT_rpath:
    case OPT_rpath_R: {
      auto [word, offset] = inv.parsed.valueLocation(*a);
      std::vector<unsigned> span = inv.parsed.span(*a);
      line.userRpaths.push_back(
          {a->getValue(), word, 0, offset, span.front(), 0});
      rpathSpans.push_back(std::move(span));
      break;
    }
    default:
      break;
    }
  }

  LinkFacts facts = gatherLinkFacts(line, ctx.config, ctx.fs);
  auto entries =
      runpathEntries(RunpathConfig::from(ctx.config), facts,
                     [&](llvm::StringRef d) { return canonicalDir(ctx.fs, d); });
  // A stubs directory the line names: the compat and driver directories
  // take its place, in the same word (RunpathPolicy: replaceStubs).
  for (const StubsReplacement &r : facts.stubsReplaced) {
    const LinkLine::Rpath &u = line.userRpaths[r.option];
    std::string reason = stubsReason(r);
    if (r.dirs.empty()) {
      builder.remove(rpathSpans[r.option], reason);
      continue;
    }
    const std::string &text = inv.cmd.words[u.word].text;
    builder.replace({u.word},
                    {text.substr(0, u.offset) + llvm::join(r.dirs, ":")},
                    reason);
  }
  if (facts.linksCuda && ctx.config.strictRunpath.value)
    builder.checkRunpathOf(inv.output());
  for (const RunpathEntry &e : entries)
    builder.append({"-rpath", e.dir}, e.reason);
  return llvm::Error::success();
}

} // namespace cuwrap::ld
