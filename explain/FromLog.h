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

// One record explained without running anything: its edits, and where
// nvcc's routing rules send each flag of what ran.
Report explainRecord(const LogRecord &rec, const Config &config);

// "/a/b/../c" relative to `cwd`, dots removed.
std::string absolutePath(llvm::StringRef path, llvm::StringRef cwd);

} // namespace cuwrap::explain
