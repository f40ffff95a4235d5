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

// One host compiler: -ccbin, --compiler-bindir and $NVCC_CCBIN against
// the configured one, by host_policy (design.md, invariant 2).
llvm::Error hostCompilerRule(const Invocation &, const RuleContext &,
                             CommandEditor &, Plan &);

// gcc's -Wl,a,b as nvcc's -Xlinker a -Xlinker b.
llvm::Error wlToXlinkerRule(const Invocation &, const RuleContext &,
                            CommandEditor &, Plan &);

// -Xcompiler/-Xlinker elements quoted for the shell nvcc runs them through.
llvm::Error hostOptionQuotingRule(const Invocation &, const RuleContext &,
                                  CommandEditor &, Plan &);

// -Xfatbin=-compress-all unless present or configured off.
llvm::Error compressFatbinRule(const Invocation &, const RuleContext &,
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
