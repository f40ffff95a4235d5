// The ld personality's rules, listed with their summaries in
// LdPersonality.cpp.
#pragma once

#include "LdInvocation.h"
#include "PlanBuilder.h"
#include "RuleContext.h"

namespace cuwrap::ld {

llvm::Error runpathRule(const Invocation &, const RuleContext &, PlanBuilder &);

} // namespace cuwrap::ld
