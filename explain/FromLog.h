// `cuwrap explain --from-log LOG OUTPUT`: the records of one build (JSON
// Lines, as the wrapper logs them) followed back from the call that wrote
// OUTPUT through the calls that wrote its inputs: the host link, the
// device link, the -dc compiles.
#pragma once

#include "Explain.h"

#include "llvm/Support/Error.h"

namespace cuwrap::explain {

struct LogRecord {
  unsigned line = 0;  // in the log, 1-based
  std::string personality, phase, cwd, program;
  std::vector<std::string> argv;            // what ran
  std::vector<std::pair<std::string, std::string>> original; // word, origin
  std::vector<Edit> edits;
  std::vector<EnvEdit> env;                  // the plan's environment edits
  std::vector<GeneratedFile> files;          // named as they were: /dev/fd/N
  std::string output;                        // absolute
  std::vector<std::string> inputs;           // absolute
};

// Records that are not JSON objects with a personality are skipped (a log
// may hold other lines); a log with no record at all is an error.
llvm::Expected<std::vector<LogRecord>> readLog(llvm::StringRef text);

// The records that produced `output` (absolute), producers first, the
// record writing `output` last. Empty when no record wrote it.
std::vector<const LogRecord *> followChain(const std::vector<LogRecord> &records,
                                           llvm::StringRef output);

// What ran, as a Plan: the logged argv, environment edits, edits and
// generated files. The files' logged names (/dev/fd/N, gone with the call)
// become placeholders, so that materializeFiles can make them again.
Plan planOf(const LogRecord &rec);

// The environment of a logged call as far as its record tells it:
// `current` without nvcc's own variables (NVCC_PREPEND_FLAGS,
// NVCC_APPEND_FLAGS, NVCC_CCBIN), which are rebuilt from the words the
// record says came from them. The plan's edits are applied by the caller.
Environment loggedEnvironment(const LogRecord &rec, const Environment &current);

// One record explained: its edits, and where each flag of what ran went,
// from the dry run of `plan` when there is one, else by nvcc's rules.
Report explainRecord(const LogRecord &rec, const Config &config,
                     const Plan &plan, const Environment &env,
                     const DryRun *run);

// "/a/b/../c" relative to `cwd`, dots removed.
std::string absolutePath(llvm::StringRef path, llvm::StringRef cwd);

} // namespace cuwrap::explain
