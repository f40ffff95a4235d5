// A rule, declared: its name (RuleNames.h), one line on what it does and
// why, and the function that applies it to a parsed call. Each personality
// lists its rules in the order they run; `cuwrap rules` prints the lists.
#pragma once

#include "PlanBuilder.h"
#include "RuleContext.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace cuwrap {

struct RuleInfo {
  llvm::StringRef name;
  llvm::StringRef summary;
};

template <typename Call> struct Rule {
  llvm::StringLiteral name;
  llvm::StringLiteral summary;
  llvm::Error (*apply)(const Call &, const RuleContext &, PlanBuilder &);
};

// Applies `rules` in order; the first error stops the plan (a policy
// refusal, a tool that cannot be found).
template <typename Call>
llvm::Error applyRules(llvm::ArrayRef<Rule<Call>> rules, const Call &call,
                       const RuleContext &ctx, PlanBuilder &builder) {
  for (const Rule<Call> &r : rules) {
    builder.beginRule(r.name);
    if (auto e = r.apply(call, ctx, builder))
      return e;
  }
  builder.beginRule("");
  return llvm::Error::success();
}

template <typename Call>
std::vector<RuleInfo> ruleInfos(llvm::ArrayRef<Rule<Call>> rules) {
  std::vector<RuleInfo> out;
  for (const Rule<Call> &r : rules)
    out.push_back({r.name, r.summary});
  return out;
}

} // namespace cuwrap
