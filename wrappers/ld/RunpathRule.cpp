#include "LdRules.h"
#include "LinkFacts.h"

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
      llvm::SmallVector<llvm::StringRef, 4> parts;
      llvm::StringRef(a->getValue()).split(parts, ':', -1, false);
      for (llvm::StringRef p : parts)
        line.userRpaths.push_back(p.str());
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
  if (facts.linksCuda && ctx.config.strictRunpath.value)
    builder.checkRunpathOf(inv.output());
  for (const RunpathEntry &e : entries)
    builder.append({"-rpath", e.dir}, e.reason);
  return llvm::Error::success();
}

} // namespace cuwrap::ld
