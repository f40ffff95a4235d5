// The wrapped tools cuwrap can stand in for, behind one interface shared by
// the wrapper hot path and the subcommands that plan without running.
#pragma once

#include "Plan.h"
#include "Record.h"
#include "RuleContext.h"

#include "LdInvocation.h"
#include "NvccInvocation.h"

#include <memory>
#include <optional>

namespace cuwrap {

// "nvcc", "ld", "ld.bfd", "ld.gold", "ld.lld" for a program name (a path
// or a basename), or nothing when cuwrap is not called as a tool.
std::optional<std::string> personalityFor(llvm::StringRef programName);

struct PlannedCall {
  std::string personality;
  std::unique_ptr<nvcc::Invocation> nvcc; // exactly one of these is set
  std::unique_ptr<ld::Invocation> ld;
  InvocationSummary summary;
  Plan plan;
};

llvm::Expected<PlannedCall> planCall(llvm::StringRef personality,
                                     llvm::ArrayRef<std::string> args,
                                     const RuleContext &ctx);

// Where the running binary is, from /proc/self/exe.
std::string selfExecutable();
RecordContext recordContext();

} // namespace cuwrap
