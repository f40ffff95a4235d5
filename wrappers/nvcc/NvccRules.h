// The nvcc personality's rules, one file each.
#pragma once

#include "CommandEditor.h"
#include "NvccInvocation.h"
#include "RuleContext.h"

namespace cuwrap::nvcc {

using NvccRule = llvm::Error (*)(const Invocation &, const RuleContext &,
                                 CommandEditor &, Plan &);

// INCLUDES, SYSTEM_INCLUDES and LIBRARIES exported by an outer nvcc.
llvm::Error outerNvccEnvironmentRule(const Invocation &, const RuleContext &,
                                     CommandEditor &, Plan &);

} // namespace cuwrap::nvcc
