// Where a word the tool reads came from: the command line, one of nvcc's
// *_FLAGS variables, an options or response file (and its line), or a rule
// of cuwrap's. Records carry it as a JSON object (Record.h).
#pragma once

#include <string>

namespace cuwrap {

struct Origin {
  enum class Kind {
    Argv,         // position: argv index
    EnvVar,       // source: variable name; position: word number, 0 = the whole variable
    OptionsFile,  // source: the file as named; position: line
    ResponseFile, // likewise
    Injected,     // source: the rule that added it
    Text,         // a place in words: a range of the planned command, or a
                  // version 1 record's origin kept as written there
  };
  Kind kind = Kind::Argv;
  std::string source;
  unsigned position = 0;

  // "argv[3]", "$NVCC_APPEND_FLAGS word 2", "$NVCC_CCBIN",
  // "options file f.optf:4", "response file x.rsp:1", "cuwrap (rule)".
  std::string str() const;
  // The place without the position ("" for argv): what `cuwrap log` groups
  // the words of a command by.
  std::string place() const;
  bool operator==(const Origin &o) const {
    return kind == o.kind && source == o.source && position == o.position;
  }
};

const char *originKindName(Origin::Kind k);

} // namespace cuwrap
