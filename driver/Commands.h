// cuwrap's entry points: the wrapper hot path and the subcommands.
#pragma once

#include "Environment.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Option/ArgList.h"

#include <memory>
#include <string>

namespace cuwrap {

int runWrapper(llvm::StringRef personality, llvm::ArrayRef<std::string> args,
               const Environment &env);
int runCuwrap(llvm::ArrayRef<std::string> args, const Environment &env);

// What a subcommand receives: its options, the words that are not options,
// and everything after "--" (a tool and its arguments).
struct CommandArgs {
  const llvm::opt::InputArgList &opts;
  std::vector<std::string> positional;
  std::vector<std::string> tool;
  const Environment &env;
};

int planCommand(const CommandArgs &);
int configCommand(const CommandArgs &);
int listOptionsCommand(const CommandArgs &);
int explainCommand(const CommandArgs &);
int checkRunpathCommand(const CommandArgs &);

// The ld personality with strict_runpath=1: run the real linker as a child,
// then check the output's RUNPATH (RunpathCheck.h).
struct Plan;
struct Config;
int runAndCheckRunpath(const Plan &plan, const Environment &env,
                       llvm::StringRef personality, const Config &cfg);
int doctorCommand(const CommandArgs &);
int logCommand(const CommandArgs &);

// The tool and arguments after "--", planned exactly as the wrapper would
// plan them (plan and explain share this). On failure the error is printed
// and `status` holds the exit status (2 usage, 1 policy, 127 no tool).
struct PlannedCall;
struct RuleContext;
std::unique_ptr<PlannedCall> planToolArgs(llvm::StringRef command,
                                          const CommandArgs &a,
                                          const RuleContext &ctx, int &status);

// "cuwrap <cmd>: error: <msg>" on stderr; returns `status`.
int commandError(llvm::StringRef command, const llvm::Twine &msg, int status = 1);

} // namespace cuwrap
