#include "NvccRules.h"

namespace cuwrap::nvcc {

// nvcc runs its host link as `g++ ...`, and g++'s collect2 finds `ld` on
// PATH (docs/nvcc.md). With the wrappers directory first on the PATH nvcc
// passes down, that link goes through the ld personality as well, so a
// link nvcc runs and a link CMake runs with the host compiler end with the
// same RUNPATH. nvcc's profile appends its own directories to PATH, so the
// wrappers stay first. Only final links run a host link.
llvm::Error childPathRule(const Invocation &inv, const RuleContext &ctx,
                          PlanBuilder &builder) {
  if (inv.phase != Phase::Link || ctx.paths.wrapperDir.empty())
    return llvm::Error::success();
  auto path = ctx.env.get("PATH");
  if (!path)
    return llvm::Error::success();
  if (path->split(':').first == ctx.paths.wrapperDir)
    return llvm::Error::success();
  builder.setEnv(
      "PATH", ctx.paths.wrapperDir + ":" + path->str(),
      "the host link nvcc runs must find the ld personality first, so it "
      "gets the same RUNPATH rules as a link the build runs itself");
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
