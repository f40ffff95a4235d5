// What cuwrap will run: the program, its arguments, the environment edits
// and the files it must create first, with every change and its reason.
#pragma once

#include "Environment.h"
#include "Origin.h"

#include <optional>
#include <string>
#include <vector>

namespace cuwrap {

// One change a rule made to the command line.
struct Edit {
  enum class Action {
    Add,       // words inserted (before a word, or at the end of argv)
    Remove,    // words taken out
    Replace,   // words taken out, others put in their place
    Translate, // a response file handed to nvcc as an options file
    Env,       // a variable the tool would read is unset
  };
  // Where the edit applies, relative to `origin`.
  enum class Placement { At, Before, End };

  std::string rule; // e.g. "host-compiler"
  Action action = Action::Add;
  std::vector<std::string> removed;
  std::vector<std::string> added;
  std::optional<Origin> origin; // the first word touched; none at the end
  Placement placement = Placement::At;
  std::string reason;

  // "argv[3]", "before argv[3]", "end of argv".
  std::string where() const;
};
const char *actionName(Edit::Action a);

// A file made at exec time (an options file that had to be rewritten, a
// response file translated for nvcc). It lives in a memfd that the real
// tool inherits: nothing is left on disk after a wrapper that execs.
struct GeneratedFile {
  std::string placeholder; // stands for "/dev/fd/N" in args and env
  std::string content;
  std::string replaces;    // the file the user wrote
};

// Where a generated file's /dev/fd path goes, kept beside the text rather
// than found by searching it for the placeholder: a word the user wrote
// that happens to read "<generated-1>" is never mistaken for one.
struct FileUse {
  enum class In { Arg, Env, File, Edit } in;
  size_t index;    // into args, env, files or edits
  size_t word = 0; // In::Edit: which added word
  size_t offset;   // where the placeholder starts in that text
  size_t file;     // into files
};

struct Plan {
  // The `launcher` setting's words, run in front of the tool (nvcc
  // compiles only): the first is an absolute path; `program` and its
  // arguments follow them. Empty: the tool runs itself.
  std::vector<std::string> launcher;
  std::string program;            // absolute path; also argv[0]
  std::vector<std::string> args;  // argv[1..]
  std::vector<EnvEdit> env;
  std::vector<GeneratedFile> files;
  std::vector<FileUse> fileUses;
  // args.size() + 1 entries: whether an argument starts at args[i], and
  // (last) whether args end between arguments. Words are moved into a file
  // only as whole arguments, when the line would be too long to exec.
  std::vector<bool> argumentStarts;
  std::vector<Edit> edits;
  std::vector<std::string> warnings;
  // strict_runpath: the output file whose RUNPATH is checked after the tool
  // succeeds (the wrapper then runs the tool as a child instead of exec).
  std::string checkRunpath;
};

} // namespace cuwrap
