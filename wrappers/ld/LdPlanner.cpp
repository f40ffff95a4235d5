#include "LdPlanner.h"
#include "CommandEditor.h"
#include "LdRules.h"
#include "ToolLookup.h"

namespace cuwrap::ld {

// The ld personality's rules, in order.
static const LdRule Rules[] = {
    runpathRule,
};

llvm::Expected<Plan> makePlan(const Invocation &inv, const RuleContext &ctx) {
  Plan plan;
  // CUWRAP_LD names the real `ld`; ld.bfd, ld.gold and ld.lld are looked up
  // by their own names, since gcc's -fuse-ld= asks for one of them.
  bool plain = inv.personality == "ld";
  auto program = findTool(inv.personality, plain ? ctx.config.ld.value : "",
                          ctx.config.ld.source, ctx.env, ctx.paths.self,
                          /*resolve=*/false);
  if (!program)
    return program.takeError();
  plan.program = *program;
  CommandEditor editor(inv.cmd, /*translateResponseFiles=*/false);
  for (LdRule rule : Rules)
    if (auto e = rule(inv, ctx, editor, plan))
      return std::move(e);
  editor.render(plan);
  return plan;
}

InvocationSummary summarize(const Invocation &inv) {
  return InvocationSummary{inv.personality, kindName(inv.kind), {}, &inv.cmd,
                           inv.warnings, &inv.parsed};
}

} // namespace cuwrap::ld
