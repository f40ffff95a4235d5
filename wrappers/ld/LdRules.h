// The ld personality's rules, one file each.
#pragma once

#include "CommandEditor.h"
#include "LdInvocation.h"
#include "RuleContext.h"

namespace cuwrap::ld {

using LdRule = llvm::Error (*)(const Invocation &, const RuleContext &,
                               CommandEditor &, Plan &);

// RUNPATH entries for links that bring in a CUDA library (RunpathPolicy).
llvm::Error runpathRule(const Invocation &, const RuleContext &,
                        CommandEditor &, Plan &);

} // namespace cuwrap::ld
