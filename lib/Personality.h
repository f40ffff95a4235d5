// A wrapped tool, behind one interface (docs/design.md, "Adding a personality"):
// its names, option table, how it parses a call, where its real tool is,
// its rules, and its explain analyser. The registry (wrappers/Registry.h)
// lists them; the wrapper hot path, `cuwrap plan`, `explain`, `list-options`,
// `rules`, the help text and the links in the wrappers directory all come
// from that one list, the way lld picks a flavor from argv[0].
#pragma once

#include "CommandLine.h"
#include "ParsedArgs.h"
#include "Plan.h"
#include "PlanBuilder.h"
#include "Rule.h"
#include "RuleContext.h"

#include "llvm/Option/OptTable.h"

#include <memory>

namespace cuwrap {

enum class PersonalityID {
#define CUWRAP_PERSONALITY(ID, DIR, NAME, ALIASES, INSTALLED) ID,
#include "Personalities.def"
#undef CUWRAP_PERSONALITY
};

// What the registry says of a personality (its line in Personalities.def).
struct PersonalityInfo {
  PersonalityID id;
  llvm::StringLiteral name;    // the tool's own name: "nvcc", "ld", "g++"
  llvm::StringLiteral aliases; // ';'-separated other names it answers to
  bool installed;              // linked into the wrappers directory
};

// One call as a personality understood it: every word the tool will read,
// with its origin, parsed with the tool's option table.
class ToolCall {
public:
  virtual ~ToolCall() = default;
  CommandLine cmd;
  ParsedArgs parsed;
  std::vector<std::string> warnings; // from reading and parsing

  const llvm::opt::InputArgList &args() const { return parsed.list(); }
  // What kind of call this is, in the personality's words ("compile",
  // "device-link", "shared", ...).
  virtual std::string phaseName() const = 0;
  virtual std::vector<std::string> modifiers() const { return {}; }
  // The file the call writes, as written, or the tool's default; empty when
  // it writes no file that can be named.
  virtual std::string output() const = 0;
  // The option flag that marks comma-list values (0: none).
  virtual unsigned listFlag() const { return 0; }
};

// Where the real tool comes from: a configured setting (CUWRAP_NVCC), else
// `lookup` on PATH, skipping cuwrap itself.
struct RealTool {
  std::string lookup;
  const Setting<std::string> *configured = nullptr;
  const char *variable = ""; // the setting's variable, for messages
  // A file the tool reads from the directory argv[0] names (nvcc.profile):
  // the tool is exec'd by the path it was configured or found by when the
  // file is there, else by its realpath (findTool). Empty: always as found
  // (lld picks its flavour from the name).
  const char *needsBeside = "";
};

namespace explain {
class Explainer;
}

class Personality {
public:
  explicit Personality(const PersonalityInfo &info) : Info(info) {}
  virtual ~Personality() = default;

  PersonalityID id() const { return Info.id; }
  llvm::StringRef name() const { return Info.name; }
  std::vector<llvm::StringRef> aliases() const;
  bool installed() const { return Info.installed; }
  // `name` is this personality's name or one of its aliases.
  bool answersTo(llvm::StringRef name) const;

  virtual const llvm::opt::OptTable &optTable() const = 0;
  // Every phase its calls can have (ToolCall::phaseName), for validating
  // `cuwrap log --phase`.
  virtual std::vector<llvm::StringRef> phaseNames() const = 0;
  // argv without argv[0]; `invokedAs` is the name it was called by.
  virtual std::unique_ptr<ToolCall> parse(llvm::StringRef invokedAs,
                                          llvm::ArrayRef<std::string> args,
                                          const RuleContext &ctx) const = 0;
  virtual RealTool realTool(llvm::StringRef invokedAs,
                            const Config &config) const = 0;
  // nvcc cannot read `@file`: its personality hands each one over as an
  // options file. Linkers and compilers read them themselves.
  virtual bool translatesResponseFiles() const { return false; }
  // Whether the `launcher` setting (a compiler cache) goes in front of the
  // real tool for this call: the calls a cache can keep. None by default.
  virtual bool takesLauncher(const ToolCall &) const { return false; }
  virtual std::vector<RuleInfo> rules() const = 0;
  virtual llvm::Error applyRules(const ToolCall &call, const RuleContext &ctx,
                                 PlanBuilder &builder) const = 0;
  // What `cuwrap explain` does with this tool's calls; null: nothing yet.
  virtual const explain::Explainer *explainer() const { return nullptr; }

private:
  PersonalityInfo Info;
};

// A personality whose rules take its own call type: rules() and
// applyRules() come from the one list of declared rules.
template <typename Call> class RuleListPersonality : public Personality {
public:
  RuleListPersonality(const PersonalityInfo &info,
                      llvm::ArrayRef<Rule<Call>> rules)
      : Personality(info), RuleList(rules) {}
  std::vector<RuleInfo> rules() const override {
    return ruleInfos<Call>(RuleList);
  }
  llvm::Error applyRules(const ToolCall &call, const RuleContext &ctx,
                         PlanBuilder &builder) const override {
    return cuwrap::applyRules<Call>(RuleList, static_cast<const Call &>(call),
                                    ctx, builder);
  }

private:
  llvm::ArrayRef<Rule<Call>> RuleList;
};

// One call, planned: what the personality parsed, and what will run.
struct PlannedCall {
  const Personality *personality = nullptr;
  std::string invokedAs;
  std::unique_ptr<ToolCall> call;
  Plan plan;
};

// Parses `args`, finds the real tool, applies the personality's rules.
// Errors: PolicyError (a rule refused the call), or the tool not found.
llvm::Expected<PlannedCall> planCall(const Personality &p,
                                     llvm::StringRef invokedAs,
                                     llvm::ArrayRef<std::string> args,
                                     const RuleContext &ctx);

} // namespace cuwrap
