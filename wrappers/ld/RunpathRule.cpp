#include "LdRules.h"
#include "RunpathPolicy.h"

#include "llvm/Support/Path.h"

namespace cuwrap::ld {

// CMake links CUDA executables and shared libraries with the host compiler
// (`g++ ... -lcudadevrt -lcudart_static -L<cuda>/lib/stubs -L<cuda>/lib`),
// and `nvcc -dlink` is followed by a plain host link: nvcc never sees
// those links, the ld that gcc's collect2 finds on PATH does
// (nvcc-facts.md, CMake). So this personality gives every link that brings
// in a CUDA library the same RUNPATH entries nvcc's final link gets.
llvm::Error runpathRule(const Invocation &inv, const RuleContext &ctx,
                        CommandEditor &editor, Plan &plan) {
  // -r makes an object, -static has no dynamic section, queries link
  // nothing; Nixpkgs' switch turns all rpath additions off.
  if (inv.kind == Kind::Query || inv.kind == Kind::Relocatable ||
      inv.kind == Kind::Static)
    return llvm::Error::success();
  if (auto v = ctx.env.getNonEmpty("NIX_DONT_SET_RPATH"); v && *v != "0")
    return llvm::Error::success();

  LinkFacts facts;
  // GNU ld searches every -L directory for every -l, wherever it stands.
  std::vector<std::string> libDirs = inv.values(OPT_library_path);
  std::vector<std::string> cudaDirs;
  if (!ctx.config.cudartDir.value.empty()) {
    cudaDirs.push_back(canonicalDir(ctx.config.cudartDir.value));
    cudaDirs.push_back(canonicalDir(ctx.config.cudartDir.value + "/stubs"));
  }
  auto inCudaDir = [&](llvm::StringRef dir) {
    std::string c = canonicalDir(dir);
    for (const std::string &d : cudaDirs)
      if (c == d)
        return true;
    return false;
  };

  // -Bstatic applies to the -l options after it, until -Bdynamic.
  bool staticOnly = false;
  std::vector<bool> stateStack;
  for (const llvm::opt::Arg *a : inv.args()) {
    unsigned id = ParsedArgs::id(*a);
    if (id == OPT_Bstatic) {
      staticOnly = true;
    } else if (id == OPT_Bdynamic) {
      staticOnly = false;
    } else if (id == OPT_push_state) {
      stateStack.push_back(staticOnly);
    } else if (id == OPT_pop_state && !stateStack.empty()) {
      staticOnly = stateStack.back();
      stateStack.pop_back();
    } else if (id == OPT_rpath || id == OPT_rpath_R) {
      llvm::SmallVector<llvm::StringRef, 4> parts;
      llvm::StringRef(a->getValue()).split(parts, ':', -1, false);
      for (llvm::StringRef p : parts)
        facts.userRpaths.push_back(p.str());
    } else if (id == OPT_library) {
      llvm::StringRef name = a->getValue();
      ResolvedLibrary lib = resolveLibrary(name, libDirs, staticOnly);
      bool cuda = isCudaLibraryName(name) ||
                  (!lib.dir.empty() && inCudaDir(lib.dir));
      facts.linksCuda |= cuda;
      if (lib.shared) {
        facts.sharedLibDirs.push_back(canonicalDir(lib.dir));
        if (isCudaLibraryName(lib.file) &&
            llvm::StringRef(lib.file).startswith("libcudart"))
          facts.cudartShared = true;
      }
    } else if (id == OPT_INPUT) {
      // A library named by path (CMake does this for imported targets).
      llvm::StringRef file = a->getValue();
      llvm::StringRef base = llvm::sys::path::filename(file);
      bool shared = base.endswith(".so") || base.contains(".so.");
      bool isLib = shared || base.endswith(".a");
      if (!isLib)
        continue;
      llvm::StringRef dir = llvm::sys::path::parent_path(file);
      bool cuda = isCudaLibraryName(base) || (!dir.empty() && inCudaDir(dir));
      facts.linksCuda |= cuda;
      if (cuda && shared && base.startswith("libcudart"))
        facts.cudartShared = true;
    }
  }

  auto entries = runpathEntries(RunpathConfig::from(ctx.config), facts,
                                [](llvm::StringRef d) { return canonicalDir(d); });
  if (facts.linksCuda && ctx.config.strictRunpath.value == "1")
    plan.checkRunpath = inv.output;
  for (const RunpathEntry &e : entries)
    editor.append({"-rpath", e.dir}, "runpath", e.reason);
  return llvm::Error::success();
}

} // namespace cuwrap::ld
