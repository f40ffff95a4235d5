// The three syntaxes in which words reach nvcc and ld besides argv, each
// modelled as its real reader reads it (measured with nvcc 13.0, GCC 12 and
// GNU ld 2.40 / libiberty 20230104: docs/quoting.md has the tables), with a
// writer that the reader reads back into exactly the same words.
//
// Pure functions on bytes: no I/O, no locale, no UTF-8 assumptions.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace cuwrap::quoting {

struct ReadWord {
  std::string text;
  unsigned line = 1; // the line the word starts on (files); 1 for variables
};

struct ReadResult {
  std::vector<ReadWord> words;
  // The reader's own fatal error, e.g. nvcc's "Stray '\"' character": the
  // real tool stops there, so the words are not to be trusted.
  std::optional<std::string> error;
};

// Where a generated file's name will go inside a written text: `offset` in
// the input word on the way in, in the output text on the way out.
struct Mark {
  size_t offset;
  size_t id;
};

// ---- nvcc options files (-optf / --options-file) --------------------------
// Text up to the first NUL; space, tab, CR and LF separate words outside
// double quotes; `\` takes the next character literally (a `\` ending the
// text is fatal: "Stray '' character"); `"` groups. Then, in each word, a
// `"` survives only right after a `\`: `""` is an empty word, `a\"` is
// `a`, `a\\\"b` is `a\"b`. An unbalanced `"` is fatal.
ReadResult readNvccOptionsFile(llvm::StringRef text);
// False when the word holds a `"` that does not follow a `\`: nvcc's
// options files cannot express it.
bool nvccOptionsFileCanHold(llvm::StringRef word);
// Appends the word (which must pass nvccOptionsFileCanHold) in a form the
// reader reads back as exactly that one word; marks are moved with it.
void appendNvccOptionsFileWord(std::string &out, llvm::StringRef word,
                               std::vector<Mark> *marks = nullptr);

// ---- NVCC_PREPEND_FLAGS / NVCC_APPEND_FLAGS -------------------------------
// Space and tab separate words (newline, CR, \f, \v do not); a `"` opens a
// group that the next `"` not preceded by `\` closes; the quotes stay in
// the word and `\` is an ordinary character. An open group is fatal.
ReadResult readNvccVariable(llvm::StringRef text);
// True when the variable can hold the word as written (the syntax has no
// escapes: the word is written verbatim or not at all). Never true for the
// empty word, nor for one with a space or tab outside a group.
bool nvccVariableCanHold(llvm::StringRef word);
// The words joined so that readNvccVariable gives them back, or nothing if
// one of them cannot be held.
std::optional<std::string> writeNvccVariable(llvm::ArrayRef<std::string> words);

// ---- GNU @file (libiberty's buildargv: gcc, GNU ld, gold) -----------------
// Text up to the first NUL; ' ', \t, \n, \v, \f, \r separate words outside
// quotes; `'` and `"` quote (the other one is literal inside); `\` takes
// the next character literally, inside quotes too; a `\` ending the text
// is dropped; `""` and `''` are empty words; an open quote runs to the end
// of the text. A text that is only whitespace holds no word.
ReadResult readGnuResponseFile(llvm::StringRef text);
// Appends the word in a form libiberty reads back as exactly that word.
// LLVM's reader (lld) reads it the same, except that it drops an empty
// word.
void appendGnuResponseFileWord(std::string &out, llvm::StringRef word,
                               std::vector<Mark> *marks = nullptr);

} // namespace cuwrap::quoting
