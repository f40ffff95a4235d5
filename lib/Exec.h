// The one place a wrapper hands over to the real tool.
#pragma once

#include "Environment.h"
#include "Personality.h"
#include "Plan.h"

#include "llvm/Support/Error.h"

namespace cuwrap {

// Creates each generated file as a memfd the tool inherits and puts its
// /dev/fd/N path where the placeholder stood (args and env values).
llvm::Error materializeFiles(Plan &plan);

// The guard against a wrapper running itself again: through another copy
// of cuwrap (two installs on PATH), or through a shim configured as the
// real tool that calls `nvcc` from PATH instead of exec'ing the real one.
// Before exec we note "NAME:PID" in the environment. exec keeps the pid, so
// a cuwrap started as the same personality whose own pid, or an ancestor's,
// is noted was started by the tool we handed over to: a loop, stopped at
// its first turn. (Other personalities are legitimate: nvcc's host link
// runs the ld personality.)
inline constexpr const char *ExecGuardVar = "CUWRAP_EXEC_GUARD";
llvm::Error checkExecLoop(const Environment &env, llvm::StringRef invokedAs,
                          const Personality &p);

// execve(plan.program, [plan.program, args...], env + plan.env). Returns
// only on failure.
llvm::Error execPlan(const Plan &plan, const Environment &env,
                     llvm::StringRef invokedAs, const Personality &p);

} // namespace cuwrap
