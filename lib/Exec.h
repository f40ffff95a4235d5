// The one place a wrapper hands over to the real tool.
#pragma once

#include "Environment.h"
#include "Personality.h"
#include "Plan.h"

#include "llvm/Support/Error.h"

namespace cuwrap {

// Creates each generated file as a memfd the tool inherits (never on
// descriptor 0, 1 or 2, even when the caller closed one) and puts its
// /dev/fd/N path where plan.fileUses says (or, for a plan without uses,
// such as one rebuilt from a log, wherever the placeholder text stands).
llvm::Error materializeFiles(Plan &plan);

// materializeFiles, then makes the command fit the kernel's argument
// limit: when cuwrap's additions would make execve fail with E2BIG (or a
// word is longer than one argument may be), whole arguments move into an
// nvcc options file (personality nvcc) or a response file (ld), each move
// recorded as an edit.
llvm::Error materializeFiles(Plan &plan, const Environment &env,
                             llvm::StringRef personality);

// The bytes execve counts against the argument limit for this command
// (strings with their NULs, the pointers, the file name), and the limit.
size_t execSize(const std::string &program, llvm::ArrayRef<std::string> args,
                llvm::ArrayRef<std::string> env);
size_t execLimit();

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

// The environment the tool gets: env with the plan's edits and the guard.
Environment execEnvironment(const Plan &plan, const Environment &env,
                            llvm::StringRef personality);

// execve(plan.program, [plan.program, args...], env + plan.env). Returns
// only on failure.
llvm::Error execPlan(const Plan &plan, const Environment &env,
                     llvm::StringRef invokedAs, const Personality &p);

} // namespace cuwrap
