// The record of one invocation: what the user wrote (with origins), what
// runs, and every edit with its rule and reason. One format at every debug
// level (design.md invariant 4); `cuwrap plan` prints the same thing.
#pragma once

#include "CommandLine.h"
#include "ParsedArgs.h"
#include "Plan.h"

#include "llvm/Support/JSON.h"

namespace cuwrap {

struct InvocationSummary {
  std::string personality;  // "nvcc", "ld", ...
  std::string phase;
  std::vector<std::string> modifiers;
  const CommandLine *cmd = nullptr;
  std::vector<std::string> warnings; // from parsing
  // How the words were read; described only when a record is made, so
  // the hot path without logging pays nothing for it.
  const ParsedArgs *parsed = nullptr;
  unsigned listFlag = 0;              // see ParsedArgs::describe
  std::string output; // the file the call writes, as written; empty if none
};

// Bumped when a key changes meaning; readers (`cuwrap log`, `cuwrap explain
// --from-log`) accept records without it as version 1.
constexpr int RecordVersion = 1;

struct RecordContext {
  std::string time;  // ISO 8601, UTC
  std::string cwd;
  long pid = 0;
};

// A JSON string, or {"bytes": "<hex>"} for text that is not UTF-8, so the
// record stays valid JSON without losing a byte.
llvm::json::Value jsonText(llvm::StringRef s);
std::string textOf(const llvm::json::Value &v);
llvm::json::Array jsonTexts(llvm::ArrayRef<std::string> words);
// The edits as the record writes them: rule, action, removed, added,
// origin, reason (cuwrap explain prints them the same way).
llvm::json::Array editsJson(llvm::ArrayRef<Edit> edits);

llvm::json::Object makeRecord(const InvocationSummary &inv, const Plan &plan,
                              const RecordContext *ctx);
// One edit in words: "ACTION REMOVED -> ADDED [ORIGIN]: REASON".
std::string describeEdit(const Edit &e);
// Human form: the command on one shell-quoted line, then the edits.
std::string planText(const InvocationSummary &inv, const Plan &plan);

// The human view of a record (as read back from a log): header, the command
// before and after, then each edit as a diff with its rule and reason. Used
// by `cuwrap log` and by the text log format, so both read the same.
std::string renderRecord(const llvm::json::Object &record, bool color);

} // namespace cuwrap
