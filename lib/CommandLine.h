// The words a tool will read, each remembering where it came from (argv, an
// environment variable, an options or response file and its line), so that
// a rule can remove or replace a word wherever it lives and the log can say
// where the user put it.
#pragma once

#include "Origin.h"
#include "Quoting.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
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
  // A pipe, socket or character device (`-optf <(...)`, `-optf
  // /dev/stdin`) can be read once only. cuwrap must read it to know its
  // words (a -ccbin there is a host compiler request like any other), and
  // nvcc would then find it empty; so nvcc gets an exact copy of what
  // cuwrap read, in a memfd, recorded as a `read-once` translation.
  // (Passing it on unread would keep it whole, but leave its words out of
  // every rule and of the record.)
  bool readOnce = false;
  std::string copy;       // readOnce: the bytes read
  // nvcc: an @file whose words do not form whole arguments (it ends in
  // `-o` and the value follows it). nvcc reads an options file on its own,
  // so such a file cannot become one: its words are inlined instead.
  bool straddles = false;
  // A variable read before argv (NVCC_PREPEND_FLAGS).
  bool beforeArgv = false;
};

struct Word {
  std::string text;
  Origin origin;
  int source = 0;
  bool expanded = false;  // names a file whose words were already read
  bool startsArgument = false; // set by ParsedArgs::parse
};

// How much file text one call makes cuwrap read, all files together: an
// endless file (`-optf /dev/zero`, `-optf <(yes)`) stops there with a
// warning that names it, and the tool gets the command as written. Far
// above any real build (nvcc runs each step through `sh -c` with the whole
// step in one argument, which the kernel caps at 128 KiB; response files
// of the biggest links are a few MiB), and low enough that the words read
// fit in memory (a Word costs about 150 bytes).
struct ReadLimits {
  size_t bytes = size_t(64) << 20;
  size_t words = 1'000'000;
};

enum class FileSyntax { NvccOptions, GnuResponse };

// A file read the way its reader reads it.
struct FileWords {
  std::vector<quoting::ReadWord> words; // none if `unread`
  // Read, but its words are not known (nvcc rejects its syntax, or it holds
  // too many): only a read-once file comes back this way, since the tool
  // must still get its copy.
  bool unread = false;
  bool readOnce = false;
  std::string copy;                   // readOnce: the bytes read
  std::pair<uint64_t, uint64_t> id{}; // device and inode: the same file
                                      // under another name is the same
};

// Reads `path` as `syntax`'s reader would, or explains in `warnings` why
// not (the real tool then reports it in its own words). GNU tools read an
// @file only if they can seek in it (libiberty takes its size with
// fseek/ftell): a pipe stays a word, /dev/zero holds nothing. nvcc reads
// any file to its end, a directory as empty.
std::optional<FileWords> readFileWords(FileSyntax syntax, llvm::StringRef path,
                                       ReadLimits &left,
                                       std::vector<std::string> &warnings);

struct CommandLine {
  std::vector<Word> words;       // in the order the tool reads them
  std::vector<Source> sources;   // sources[0] is argv
  std::vector<std::string> warnings;
  // Words cuwrap adds "at the end of argv" go before this word instead,
  // when the end of argv is inside an argument: nvcc reads
  // NVCC_PREPEND_FLAGS, argv and NVCC_APPEND_FLAGS as one list, so `-o`
  // ending argv takes its value from NVCC_APPEND_FLAGS, and a `-o` ending
  // the list must keep nvcc's "argument expected after '-o'". -1: after
  // the last argv word; -2: nowhere (that argument starts before argv, in
  // NVCC_PREPEND_FLAGS). Set by ParsedArgs::parse.
  int appendBefore = -1;
  // Where argv's words were put by appendArgv (indices into words before
  // files are read).
  size_t argvBegin = 0, argvEnd = 0;
  bool argvSeen = false;

  CommandLine();
  void appendArgv(llvm::ArrayRef<std::string> args);
  // nvcc's NVCC_PREPEND_FLAGS / NVCC_APPEND_FLAGS, split as nvcc splits
  // them. A value nvcc rejects ("Stray '\"' character") gives no words and
  // a warning, and stays as it is.
  void appendVariable(llvm::StringRef name, llvm::StringRef value);
  // Reads `path` (named by word `referrer`, list element `element`) and
  // inserts its words right after `insertAt`. Unreadable files become
  // warnings. ParsedArgs reads files itself; this is for tests and tools
  // that build a CommandLine by hand.
  void insertFile(Source::Kind kind, llvm::StringRef path, int referrer,
                  unsigned element, size_t valueOffset, size_t insertAt);

  std::vector<const char *> cstrs() const;
  // Words that come from `source`, in order.
  std::vector<unsigned> wordsOf(int source) const;
};

} // namespace cuwrap
