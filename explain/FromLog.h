// `cuwrap explain --from-log LOG OUTPUT`: the records of one build (JSON
// Lines, as the wrappers log them) followed back from the call that wrote
// OUTPUT through the calls that wrote its inputs: the host link, the
// device link, the -dc compiles.
#pragma once

#include "Explainer.h"

#include "Record.h"

#include "llvm/Support/Error.h"

namespace cuwrap::explain {

struct LogRecord {
  unsigned line = 0; // in the log, 1-based
  Record record;
  const Personality *personality = nullptr; // of record.personality
  std::string cwd;
  std::string output;              // absolute
  std::vector<std::string> inputs; // absolute
};

// Lines that are not records are skipped (a log may hold other lines); a
// log with no record at all is an error.
llvm::Expected<std::vector<LogRecord>> readLog(llvm::StringRef text,
                                               const RuleContext &ctx);

// The records that produced `output` (absolute), producers first, the
// record writing `output` last. Empty when no record wrote it.
std::vector<const LogRecord *> followChain(const std::vector<LogRecord> &records,
                                           llvm::StringRef output);

// The words of a call as its tool read them, with their origins: a file's
// words where it is named, and the words that named it left out when the
// record holds the file's words (they follow them), so that nothing is
// read twice and no file has to exist any more.
std::vector<RecordWord> wordsAsRead(llvm::ArrayRef<RecordWord> words);
// The planned argv `args` of a logged call, with each file it names as the
// user did (an @file, nvcc's -optf) replaced by the words the record holds
// for it; other words are argv's.
std::vector<RecordWord> plannedWords(const LogRecord &rec,
                                     llvm::ArrayRef<std::string> args);

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
// from the tool's listing of `plan` when there is one, else by its rules.
Report explainRecord(const LogRecord &rec, const RuleContext &ctx,
                     const Plan &plan, const Environment &env,
                     const DryRunOutput *run);

} // namespace cuwrap::explain
