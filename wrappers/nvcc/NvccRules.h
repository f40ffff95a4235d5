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

namespace cuwrap::nvcc {

// RUNPATH entries on the final host link (RunpathPolicy), as -Xlinker.
llvm::Error runpathRule(const Invocation &, const RuleContext &,
                        CommandEditor &, Plan &);
// The wrappers directory first on the PATH nvcc's children see, so the
// host link nvcc runs goes through the ld personality too.
llvm::Error childPathRule(const Invocation &, const RuleContext &,
                          CommandEditor &, Plan &);

} // namespace cuwrap::nvcc
