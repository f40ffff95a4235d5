// Rules change a CommandLine only through this editor: it records each
// change with its reason and renders the result back into the places the
// words came from (argv, a variable, a rewritten copy of a file), keeping
// every word no rule touched exactly as the user wrote it.
#pragma once

#include "CommandLine.h"
#include "Plan.h"

#include <optional>

namespace cuwrap {

class CommandEditor {
public:
  // nvcc cannot read `@file`: with translateResponseFiles each one becomes
  // an nvcc options file. ld reads them itself, so they stay.
  CommandEditor(const CommandLine &cmd, bool translateResponseFiles);

  void remove(llvm::ArrayRef<unsigned> span, llvm::StringRef rule,
              llvm::StringRef reason);
  // The span's first word becomes `with`, the others go.
  void replace(llvm::ArrayRef<unsigned> span, std::vector<std::string> with,
               llvm::StringRef rule, llvm::StringRef reason);
  void insertBefore(unsigned word, std::vector<std::string> add,
                    llvm::StringRef rule, llvm::StringRef reason);
  void append(std::vector<std::string> add, llvm::StringRef rule,
              llvm::StringRef reason);
  void note(Edit edit) { Edits.push_back(std::move(edit)); }

  bool removed(unsigned word) const { return State[word].removed; }
  const std::vector<Edit> &edits() const { return Edits; }

  // Fills plan.args, plan.env, plan.files and plan.edits.
  void render(Plan &plan) const;

private:
  struct WordState {
    bool removed = false;
    std::optional<std::vector<std::string>> replacement;
    std::vector<std::string> before, after;
  };
  std::vector<std::string> texts(llvm::ArrayRef<unsigned> span) const;

  const CommandLine &Cmd;
  bool TranslateResponseFiles;
  std::vector<WordState> State;
  std::vector<std::string> Appended;
  std::vector<Edit> Edits;
};

} // namespace cuwrap
