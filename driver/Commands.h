// cuwrap's entry points: the wrapper hot path and the subcommands.
#pragma once

#include "Session.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Option/ArgList.h"

#include <memory>
#include <string>

namespace cuwrap {

class Personality;
struct PlannedCall;
struct Plan;

// Called as one of the tools (argv[0] names an installed personality).
int runWrapper(const Personality &p, llvm::StringRef invokedAs,
               llvm::ArrayRef<std::string> args, const Session &session);
// Called as cuwrap.
int runCuwrap(llvm::ArrayRef<std::string> args, const Session &session);

// What a subcommand receives: its options (parsed with its own table), the
// words that are not options, and everything after "--" (a tool and its
// arguments).
struct CommandArgs {
  llvm::StringRef command; // "plan", "explain", ...
  llvm::StringRef usage;   // what follows "cuwrap COMMAND" in its usage
  const llvm::opt::InputArgList &opts;
  std::vector<std::string> positional;
  std::vector<std::string> tool;
  bool hasDashDash = false;
  const Session &session;
};

int planCommand(const CommandArgs &);
int configCommand(const CommandArgs &);
int listOptionsCommand(const CommandArgs &);
int rulesCommand(const CommandArgs &);
int explainCommand(const CommandArgs &);
int checkRunpathCommand(const CommandArgs &);
int doctorCommand(const CommandArgs &);
int logCommand(const CommandArgs &);

// Exit statuses: 1 for a failure of the work asked for, 2 for a command
// line cuwrap cannot use (as LLVM's tools and most of Unix do).
constexpr int UsageError = 2;

// "cuwrap <command>: error: <msg>" on stderr (command "" for cuwrap
// itself: "cuwrap: error: <msg>"); returns `status`. Never fails, even with
// stderr closed.
int commandError(llvm::StringRef command, const llvm::Twine &msg,
                 int status = 1);
// The same with "warning".
void commandWarning(llvm::StringRef command, const llvm::Twine &msg);

// The settings, or an error line for `command` (status 1) in `status`.
const Config *requireConfig(const CommandArgs &a, int &status);

// The tool and arguments after "--", planned exactly as the wrapper would
// plan them (plan and explain share this). On failure the error is printed
// and `status` holds the exit status (2 usage, 1 policy, 127 no tool).
std::unique_ptr<PlannedCall> planToolArgs(const CommandArgs &a,
                                          const Config &config, int &status);

// The ld personality with strict_runpath=1: run the real linker as a child,
// then check the output's RUNPATH (RunpathCheck.h).
int runAndCheckRunpath(const Plan &plan, const Environment &env,
                       llvm::StringRef personality, const Config &cfg);

} // namespace cuwrap
