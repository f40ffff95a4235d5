// The words a tool will read, each remembering where it came from (argv, an
// environment variable, an options or response file and its line), so that
// a rule can remove or replace a word wherever it lives and the log can say
// where the user put it.
#pragma once

#include "Origin.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cuwrap {

// A place words are read from. Files are read where they are named, so a
// file's words follow the word that names it in CommandLine::words.
struct Source {
  enum class Kind { Argv, EnvVar, OptionsFile, ResponseFile };
  Kind kind = Kind::Argv;
  std::string name;       // variable name or file path as written
  int referrer = -1;      // the word that names this file
  unsigned element = 0;   // its position in that word's comma list
  size_t valueOffset = 0; // where the list starts in the referrer's text
};

struct Word {
  std::string text;
  Origin origin;
  int source = 0;
  bool expanded = false;  // names a file whose words were already read
};

struct CommandLine {
  std::vector<Word> words;       // in the order the tool reads them
  std::vector<Source> sources;   // sources[0] is argv
  std::vector<std::string> warnings;

  CommandLine();
  void appendArgv(llvm::ArrayRef<std::string> args);
  // nvcc's NVCC_PREPEND_FLAGS / NVCC_APPEND_FLAGS, split as nvcc splits them.
  void appendVariable(llvm::StringRef name, llvm::StringRef value);
  // Reads `path` (named by word `referrer`, list element `element`) and
  // inserts its words right after `insertAt`. Unreadable files and cycles
  // become warnings: the real tool reports them in its own words.
  void insertFile(Source::Kind kind, llvm::StringRef path, int referrer,
                  unsigned element, size_t valueOffset, size_t insertAt);

  std::vector<const char *> cstrs() const;
  // Words that come from `source`, in order.
  std::vector<unsigned> wordsOf(int source) const;
};

// nvcc's options-file syntax (also used for its *_FLAGS variables): words
// split at whitespace, double quotes group and are removed, everything else
// (backslash, single quote, '#') is literal. Observed with nvcc 13.0.
std::vector<std::pair<std::string, unsigned>> splitNvccWords(llvm::StringRef);
// The inverse: a word nvcc reads back unchanged, or false when the word
// holds a double quote, which nvcc's syntax cannot express.
bool quoteNvccWord(llvm::StringRef word, std::string &out);

} // namespace cuwrap
