#include "NvccPlanner.h"
#include "CommandEditor.h"
#include "NvccRules.h"
#include "ToolLookup.h"

namespace cuwrap::nvcc {

// Each rule edits the command through the editor, and may add environment
// edits and warnings to the plan. Order matters where rules meet: the host
// compiler is settled before anything reads it.
static const NvccRule Rules[] = {
    hostCompilerRule,
    wlToXlinkerRule,
    hostOptionQuotingRule,
    compressFatbinRule,
    outerNvccEnvironmentRule,
    runpathRule,
    childPathRule,
};

llvm::Expected<Plan> makePlan(const Invocation &inv, const RuleContext &ctx) {
  Plan plan;
  auto program = findTool("nvcc", ctx.config.nvcc.value, ctx.config.nvcc.source,
                          ctx.env, ctx.paths.self, /*resolve=*/true);
  if (!program)
    return program.takeError();
  plan.program = *program;
  CommandEditor editor(inv.cmd, /*translateResponseFiles=*/true);
  for (NvccRule rule : Rules)
    if (auto e = rule(inv, ctx, editor, plan))
      return std::move(e);
  editor.render(plan);
  return plan;
}

InvocationSummary summarize(const Invocation &inv) {
  return InvocationSummary{"nvcc", phaseName(inv.phase), inv.modifiers(),
                           &inv.cmd, inv.warnings, &inv.parsed, ListValue};
}

} // namespace cuwrap::nvcc
