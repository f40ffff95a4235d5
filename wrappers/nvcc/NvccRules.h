// The nvcc personality's rules, one file each, listed with their summaries
// in NvccPersonality.cpp.
#pragma once

#include "NvccInvocation.h"
#include "PlanBuilder.h"
#include "RuleContext.h"

namespace cuwrap::nvcc {

llvm::Error outerNvccEnvironmentRule(const Invocation &, const RuleContext &,
                                     PlanBuilder &);
llvm::Error hostCompilerRule(const Invocation &, const RuleContext &,
                             PlanBuilder &);
llvm::Error wlToXlinkerRule(const Invocation &, const RuleContext &,
                            PlanBuilder &);
// gcc's -Wl, elements as wl-to-xlinker writes them: `-Xlinker E` each,
// quoted for nvcc's shell where the word is on argv. The runpath rule
// writes a -Wl it changed the same way.
std::vector<std::string> xlinkerForWl(llvm::ArrayRef<std::string> elements,
                                      Origin::Kind origin);
llvm::Error hostOptionQuotingRule(const Invocation &, const RuleContext &,
                                  PlanBuilder &);
llvm::Error compressFatbinRule(const Invocation &, const RuleContext &,
                               PlanBuilder &);
llvm::Error runpathRule(const Invocation &, const RuleContext &, PlanBuilder &);
llvm::Error childPathRule(const Invocation &, const RuleContext &,
                          PlanBuilder &);

} // namespace cuwrap::nvcc
