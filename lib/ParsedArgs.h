// A CommandLine parsed with a personality's option table, every options
// file and response file read where it is named. Both personalities parse
// this way; they differ in which options name files and in how the tool
// reads them.
#pragma once

#include "CommandLine.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

#include <deque>
#include <optional>

namespace cuwrap {

struct FileOptions {
  unsigned inputID;           // the table's OPT_INPUT: `@file` is one
  unsigned optionsFileID = 0; // an option whose value lists files (nvcc -optf)
  // Which `@file` words are response files. GNU tools expand every word
  // that starts with `@` and names a file they can seek in, wherever it
  // stands (`-o @f` too), before they parse options: its words take its
  // place. nvcc cannot read them at all; cuwrap reads one where nvcc
  // would take it for an input file, since `-Xlinker @f` is meant for the
  // host linker.
  enum class AtFiles { Everywhere, Inputs } atFiles = AtFiles::Everywhere;
};

// One parsed argument as the record shows it, so that a log (and a test)
// can tell how a word was read: the option's canonical long name
// ("compiler-bindir" for `-ccbin=X`), "<input>" or "<unknown>", its values
// with comma lists split as the tool splits them, and the words it spans.
struct ParsedOption {
  std::string option;
  std::vector<std::string> values;
  std::vector<unsigned> words;
};

class ParsedArgs {
public:
  // Reads every file where it is named, in one pass: each word is read and
  // parsed once, however many files there are. nvcc reads an options file
  // as a list of its own (an option at its end lacks its value even if
  // words follow the file); problems reading files become warnings in cmd.
  // The arguments point into copies of the words that ParsedArgs keeps.
  void parse(CommandLine &cmd, const llvm::opt::OptTable &table,
             FileOptions files, ReadLimits limits = {});

  const llvm::opt::InputArgList &list() const { return Args; }
  // The words an argument occupies, in order (a GNU @file named where a
  // value was expected lies between an option and its value).
  std::vector<unsigned> span(const llvm::opt::Arg &a) const;
  // Where an argument's value sits: its word and the value's offset there.
  std::pair<unsigned, size_t> valueLocation(const llvm::opt::Arg &a) const;
  // Every argument in order; `listFlag` marks options whose values are
  // comma lists (0: none are).
  std::vector<ParsedOption> describe(unsigned listFlag) const;
  static unsigned id(const llvm::opt::Arg &a) {
    return a.getOption().getUnaliasedOption().getID();
  }
  // Options left without their value at the end of a list the tool reads
  // on its own (the command line, an nvcc options file): the first word of
  // each. The tool reports them ("argument expected after '-o'").
  const std::vector<unsigned> &danglingWords() const { return Dangling; }
  // A warning for each of them, naming the word and where it came from:
  // what the record keeps (the tool's own error is left to the tool).
  std::vector<std::string> danglingWarnings(const CommandLine &cmd) const;

private:
  std::deque<std::string> Texts; // the words' text; elements never move
  llvm::opt::InputArgList Args;
  std::vector<llvm::SmallVector<unsigned, 2>> Spans; // in the order of Args
  llvm::DenseMap<const llvm::opt::Arg *, unsigned> SpanOf;
  std::vector<unsigned> Dangling;
};

// The elements of a comma list as nvcc splits them (`a\,b` is one).
std::vector<std::string> splitList(llvm::StringRef value);

} // namespace cuwrap
