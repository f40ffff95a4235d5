// The one place a wrapper hands over to the real tool.
#pragma once

#include "Environment.h"
#include "Plan.h"

#include "llvm/Support/Error.h"

namespace cuwrap {

// Creates each generated file as a memfd the tool inherits and puts its
// /dev/fd/N path where the placeholder stood (args and env values).
llvm::Error materializeFiles(Plan &plan);

// The guard against a wrapper exec'ing itself through another copy of
// cuwrap (two installs on PATH): before exec we note "personality:pid" in
// the environment; exec keeps the pid, so a cuwrap that starts as the same
// personality with its own pid noted is the program we just exec'd.
inline constexpr const char *ExecGuardVar = "CUWRAP_EXEC_GUARD";
llvm::Error checkExecLoop(const Environment &env, llvm::StringRef personality);

// execve(plan.program, [plan.program, args...], env + plan.env). Returns
// only on failure.
llvm::Error execPlan(const Plan &plan, const Environment &env,
                     llvm::StringRef personality);

} // namespace cuwrap
