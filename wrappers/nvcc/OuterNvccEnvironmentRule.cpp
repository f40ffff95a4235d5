#include "NvccRules.h"

namespace cuwrap::nvcc {

// nvcc exports its profile variables (INCLUDES, SYSTEM_INCLUDES, LIBRARIES)
// to every child it runs. A wrapper started from inside an nvcc run (a host
// compiler script, a test) would hand them to a fresh nvcc, which then
// prepends the outer profile's paths to its own (docs/nvcc.md). Nixpkgs'
// nvcc-wrapper.sh unsets them for the same reason.
llvm::Error outerNvccEnvironmentRule(const Invocation &, const RuleContext &ctx,
                                     PlanBuilder &builder) {
  for (const char *name : {"INCLUDES", "SYSTEM_INCLUDES", "LIBRARIES"})
    if (ctx.env.get(name))
      builder.unsetEnv(name, "exported by an outer nvcc's profile; nvcc "
                             "would add its paths to its own");
  return llvm::Error::success();
}

} // namespace cuwrap::nvcc
