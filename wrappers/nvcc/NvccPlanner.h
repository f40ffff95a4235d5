// From a parsed nvcc call to the Plan that runs: the real nvcc, and the
// rules applied in a fixed order.
#pragma once

#include "NvccInvocation.h"
#include "Plan.h"
#include "Record.h"
#include "RuleContext.h"

namespace cuwrap::nvcc {

llvm::Expected<Plan> makePlan(const Invocation &inv, const RuleContext &ctx);
InvocationSummary summarize(const Invocation &inv);

} // namespace cuwrap::nvcc
