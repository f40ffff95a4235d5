// A personality's explain analyser (docs/design.md, "Adding a personality"): what
// to append to a planned command so that the real tool lists its sub-steps
// without running them, and how to read a call, its plan and that listing
// into a Report. Pure: the command that runs the tool lives in driver/.
#pragma once

#include "Report.h"

#include "Config.h"
#include "Personality.h"

#include <optional>

namespace cuwrap::explain {

// What the tool printed when asked for its sub-steps.
struct DryRunOutput {
  std::string text;
  int status = 0;
};

struct ExplainInput {
  const ToolCall &original;       // the call as written
  const ToolCall &planned;        // the planned argv, read again as the tool will
  const Plan &plan;
  const Config &config;
  const Environment &plannedEnv;  // the environment the tool gets
  const DryRunOutput *dryRun;     // null: predict from the tool's rules
  std::string invokedAs;          // the name the tool was called by
  std::string cwd;                // where the call runs (input files are relative to it)
};

class Explainer {
public:
  virtual ~Explainer() = default;
  // Words appended to the planned command so the tool only lists what it
  // would run (`--dryrun` for nvcc, `-###` for a compiler driver); none:
  // the call is analysed as it stands.
  virtual std::vector<std::string> dryRunArgs() const { return {}; }
  // The arguments the listing runs with: the planned ones and dryRunArgs().
  // A compiler driver gets its response files' words in their place: gcc
  // would hand collect2 a temporary @file that -### deletes as it exits.
  virtual std::vector<std::string> dryRunCommand(const ToolCall &planned,
                                                 const Plan &plan) const {
    (void)planned;
    std::vector<std::string> args = plan.args;
    for (std::string &a : dryRunArgs())
      args.push_back(std::move(a));
    return args;
  }
  virtual Report analyze(const ExplainInput &in) const = 0;
};

} // namespace cuwrap::explain
