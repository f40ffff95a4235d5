// The one channel through which rules change what runs. A rule removes,
// replaces or adds words (wherever the user put them: argv, a variable, an
// options file), sets or unsets variables the tool will see, and adds
// warnings; every change is recorded with the rule's name and reason. The
// words no rule touched reach the tool exactly as written (CommandEditor).
#pragma once

#include "CommandEditor.h"
#include "Plan.h"

#include "llvm/ADT/StringRef.h"

namespace cuwrap {

class PlanBuilder {
public:
  PlanBuilder(const CommandLine &cmd, bool translateResponseFiles)
      : Editor(cmd, translateResponseFiles) {}

  // The rule whose edits follow (set by applyRules).
  void beginRule(llvm::StringRef name) { Rule = name.str(); }
  const std::string &currentRule() const { return Rule; }

  void remove(llvm::ArrayRef<unsigned> span, llvm::StringRef reason) {
    Editor.remove(span, Rule, reason);
  }
  // The span's first word becomes `with`, the others go.
  void replace(llvm::ArrayRef<unsigned> span, std::vector<std::string> with,
               llvm::StringRef reason) {
    Editor.replace(span, std::move(with), Rule, reason);
  }
  void insertBefore(unsigned word, std::vector<std::string> add,
                    llvm::StringRef reason) {
    Editor.insertBefore(word, std::move(add), Rule, reason);
  }
  void append(std::vector<std::string> add, llvm::StringRef reason) {
    Editor.append(std::move(add), Rule, reason);
  }
  bool removed(unsigned word) const { return Editor.removed(word); }

  void setEnv(llvm::StringRef name, llvm::StringRef value,
              llvm::StringRef reason);
  void unsetEnv(llvm::StringRef name, llvm::StringRef reason);
  // A variable whose value the tool would have read as a word (nvcc's
  // NVCC_CCBIN): unset, and recorded as an edit of the user's word.
  void removeVariable(llvm::StringRef name, llvm::StringRef value,
                      llvm::StringRef reason);
  void warn(std::string message) { Warnings.push_back(std::move(message)); }
  // strict_runpath: check this output's RUNPATH after the tool succeeds.
  void checkRunpathOf(std::string output) { CheckRunpath = std::move(output); }

  // The plan: `program` with the edited words, variables and files.
  Plan finish(std::string program) const;

private:
  CommandEditor Editor;
  std::string Rule;
  std::vector<EnvEdit> Env;
  std::vector<std::string> Warnings;
  std::string CheckRunpath;
};

} // namespace cuwrap
