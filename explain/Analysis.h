// Pieces every explain analyser uses: where each planned argument came from
// (the user's words, or a rule of cuwrap's), and the hazards of a host link
// line that any route to the linker shares.
#pragma once

#include "Report.h"

#include "Config.h"
#include "Personality.h"

#include "llvm/ADT/StringMap.h"

#include <map>

namespace cuwrap::explain {

// A sub-step's argv, indexed by word: whether a run of words stands in it,
// found from the places of its first word, so that looking up each of
// 100,000 arguments in a link line of 100,000 words stays linear.
class WordIndex {
public:
  explicit WordIndex(llvm::ArrayRef<std::string> argv);
  bool containsRun(llvm::ArrayRef<std::string> run) const;

private:
  llvm::ArrayRef<std::string> Argv;
  llvm::StringMap<std::vector<size_t>> At;
};

// The words an argument occupies, as the tool reads them.
std::vector<std::string> spanTexts(const ToolCall &call, const llvm::opt::Arg &a);

// The origins of the words as written, to name where each planned argument
// came from; what is left over afterwards is what the rules removed.
class ArgumentOrigins {
public:
  ArgumentOrigins(const ToolCall &original, const std::vector<Edit> &edits);
  // The origin of a planned argument: the user's word it matches (each used
  // once), else the rule that added it.
  std::string take(llvm::ArrayRef<std::string> words);
  // The user's arguments no planned argument took, each with the edit that
  // removed it, or null when none did (gone some other way).
  std::vector<std::pair<ArgumentReport, const Edit *>> leftovers() const;

private:
  std::multimap<std::string, std::string> ByKey;
  const std::vector<Edit> &Edits;
};

// A check of a call for one kind of hazard. Each analyser keeps a list of
// them, run in order; `Facts` is what the analyser found out.
template <typename Facts> struct HazardCheck {
  llvm::StringLiteral kind;
  void (*check)(const Facts &, Report &);
};
template <typename Facts>
void runChecks(llvm::ArrayRef<HazardCheck<Facts>> checks, const Facts &f,
               Report &r) {
  for (const HazardCheck<Facts> &c : checks)
    c.check(f, r);
}

// Directories a host-compiler or linker command line puts into RUNPATH:
// -rpath X, -rpath=X, -R X, and through -Wl,... and -Xlinker ... when
// `compilerDriver`.
std::vector<std::string> rpathsOf(llvm::ArrayRef<std::string> argv,
                                  bool compilerDriver);

// An option only a host linker understands (nvlink rejects it).
bool isHostLinkerOnly(llvm::StringRef word);

// What nvcc's /bin/sh -c does to an -Xcompiler/-Xlinker value pasted in
// unquoted, or empty when nothing.
std::string shellTrouble(llvm::StringRef value);

// Who runs a link line, which decides how a missing -rpath is added: on
// the line itself (an ld call), through nvcc's -Xlinker, or through a
// compiler driver's -Wl, (or by letting it run cuwrap's ld).
enum class LinkRoute { Linker, Nvcc, CompilerDriver };

// The RUNPATH hazards of a link line: a stubs directory in it, and, for a
// final link, no driver directory. `where` names the line in messages.
void hostLinkHazards(Report &r, llvm::ArrayRef<std::string> rpaths,
                     const Config &config, bool finalLink,
                     llvm::StringRef where, LinkRoute route);

} // namespace cuwrap::explain
