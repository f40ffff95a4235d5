// The record of one invocation, and its JSON schema in one place: what the
// user wrote (each word with its origin), how it was parsed, what runs, and
// every edit with its rule and reason. One format at every debug level
// (docs/design.md, invariant 4). The wrappers write it, `cuwrap plan
// --json` prints it, and `cuwrap log`, `cuwrap explain --from-log` and the
// tests' views read it back through fromJSON below.
//
// Text that is not UTF-8 (a path, an argument) is written as
// {"bytes": "<hex>"} wherever a string may stand, so the record stays valid
// JSON without losing a byte (docs/logging.md).
#pragma once

#include "Origin.h"
#include "ParsedArgs.h"
#include "Plan.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>
#include <vector>

namespace cuwrap {

struct PlannedCall;

// Version 2: origins are objects (version 1 wrote them as text, which
// readers still accept).
constexpr int RecordVersion = 2;

struct RecordWord {
  std::string text;
  Origin origin;
};

struct RecordContext {
  std::string time; // ISO 8601, UTC
  std::string cwd;
  long pid = 0;
};

struct Record {
  int version = RecordVersion;
  std::optional<RecordContext> context;
  std::string personality; // the name called by: "nvcc", "ld.bfd", ...
  std::string phase;
  std::vector<std::string> modifiers;
  std::string output; // the file the call writes, as written; empty if none
  std::vector<RecordWord> original;
  std::optional<std::vector<ParsedOption>> parsed;
  // The launcher run in front of `program` (Plan::launcher); written only
  // when there is one, so a record without it reads as before.
  std::vector<std::string> launcher;
  std::string program;
  std::vector<std::string> argv;
  std::vector<EnvEdit> env;
  std::vector<GeneratedFile> files;
  std::vector<Edit> edits;
  std::vector<std::string> warnings;
};

// The record of a planned call. `describeParse` adds how every word was
// read (`parsed`); the wrapper's log and `plan --json` do.
Record makeRecord(const PlannedCall &call, std::optional<RecordContext> ctx,
                  bool describeParse = true);

// One line of JSON, keys in a fixed (sorted) order, written as a stream:
// a call of 100,000 words costs no tree of JSON values.
std::string recordJSON(const Record &r);
// The same as a value, for pretty-printing (`plan --json`).
llvm::json::Value toJSON(const Record &r);
// Edits as a record writes them, for other reports (explain).
llvm::json::Value editsToJSON(llvm::ArrayRef<Edit> edits);

bool fromJSON(const llvm::json::Value &v, Record &r, llvm::json::Path p);
// A line of a log: JSON (depth-checked), then the schema; errors say where.
llvm::Expected<Record> parseRecord(llvm::StringRef line);

} // namespace cuwrap
