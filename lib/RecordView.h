// The ways a Record is shown to people: `cuwrap plan`'s plan text, `cuwrap
// log`'s before/after view (also the text log format), and the facts view
// the tests check one line at a time. All read the typed Record (Record.h).
#pragma once

#include "Record.h"

namespace cuwrap {

// One edit in words: "ACTION REMOVED -> ADDED [WHERE]: REASON".
std::string describeEdit(const Edit &e);

// What runs on one shell-quoted line, then the edits, files and warnings,
// each as a `# ` line.
std::string planText(const Record &r);

// The view of a logged call: a header, the command before and after, then
// each edit as a diff with its rule and reason. A call nothing changed takes
// two lines; a long command is not printed twice.
std::string renderRecord(const Record &r, bool color);

// One fact a line, for tests: the phase, each parsed argument with its
// words and origin, what runs, the edits, files, variables and warnings.
std::string factsText(const Record &r);

} // namespace cuwrap
