// From a parsed linker call to the Plan that runs.
#pragma once

#include "LdInvocation.h"
#include "Plan.h"
#include "Record.h"
#include "RuleContext.h"

namespace cuwrap::ld {

llvm::Expected<Plan> makePlan(const Invocation &inv, const RuleContext &ctx);
InvocationSummary summarize(const Invocation &inv);

} // namespace cuwrap::ld
