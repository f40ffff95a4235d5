// A CommandLine parsed with a personality's option table, every options
// file and response file read where it is named. Both personalities parse
// this way; they differ only in which options name files.
#pragma once

#include "CommandLine.h"

#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

#include <optional>

namespace cuwrap {

struct FileOptions {
  unsigned inputID;          // the table's OPT_INPUT: `@file` is one
  unsigned optionsFileID = 0; // an option whose value lists files (nvcc -optf)
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
  // Reads files until none is left unread; problems reading them become
  // warnings in cmd. The words must not change afterwards: the argument
  // list points into their text.
  void parse(CommandLine &cmd, const llvm::opt::OptTable &table,
             FileOptions files);

  const llvm::opt::InputArgList &list() const { return Args; }
  // The words an argument occupies, in order.
  std::vector<unsigned> span(const llvm::opt::Arg &a) const;
  // Where an argument's value sits: its word and the value's offset there.
  std::pair<unsigned, size_t> valueLocation(const llvm::opt::Arg &a) const;
  // Every argument in order; `listFlag` marks options whose values are
  // comma lists (0: none are).
  std::vector<ParsedOption> describe(unsigned listFlag) const;
  static unsigned id(const llvm::opt::Arg &a) {
    return a.getOption().getUnaliasedOption().getID();
  }
  // A word at the end whose option lacks its value, if any.
  std::optional<unsigned> dangling() const {
    return ParsedEnd < NumWords ? std::optional<unsigned>(ParsedEnd) : std::nullopt;
  }

private:
  void parseOnce(const CommandLine &cmd, const llvm::opt::OptTable &table);

  llvm::opt::InputArgList Args;
  std::vector<unsigned> ArgStarts; // first word of each argument, in order
  size_t ParsedEnd = 0, NumWords = 0;
};

// The elements of a comma list as nvcc splits them (`a\,b` is one).
std::vector<std::string> splitList(llvm::StringRef value);

} // namespace cuwrap
