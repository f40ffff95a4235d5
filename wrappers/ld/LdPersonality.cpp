// The ld personality: GNU ld's command line (bfd, gold and lld share it),
// the real linker found by the name it was called by, and its rules.
#include "LdExplain.h"
#include "LdInvocation.h"
#include "LdRules.h"
#include "RuleNames.h"

namespace cuwrap::ld {

namespace {

const Rule<Invocation> Rules[] = {
    {rule::Runpath,
     "a link that brings in a CUDA library gets the RUNPATH entries nvcc's "
     "final link gets (RunpathPolicy), as -rpath; a stubs entry the user "
     "gave is replaced by them in place",
     runpathRule},
};

class LdPersonality final : public RuleListPersonality<Invocation> {
public:
  explicit LdPersonality(const PersonalityInfo &info)
      : RuleListPersonality(info, Rules) {}
  const llvm::opt::OptTable &optTable() const override { return ld::optTable(); }
  std::vector<llvm::StringRef> phaseNames() const override {
    std::vector<llvm::StringRef> out;
    for (Kind k : {Kind::Query, Kind::Relocatable, Kind::Static, Kind::Shared,
                   Kind::Executable})
      out.push_back(kindName(k));
    return out;
  }
  std::unique_ptr<ToolCall> parse(llvm::StringRef,
                                  llvm::ArrayRef<std::string> args,
                                  const RuleContext &) const override {
    return ld::parse(args);
  }
  // CUWRAP_LD names the real `ld`; ld.bfd, ld.gold and ld.lld are looked up
  // by their own names, since gcc's -fuse-ld= asks for one of them. The
  // name found is kept: lld picks its flavour from argv[0].
  RealTool realTool(llvm::StringRef invokedAs,
                    const Config &config) const override {
    if (invokedAs == name())
      return {invokedAs.str(), &config.ld, "CUWRAP_LD"};
    return {invokedAs.str(), nullptr, ""};
  }
  const explain::Explainer *explainer() const override {
    return &ld::explainer();
  }
};

} // namespace

std::unique_ptr<Personality> create(const PersonalityInfo &info) {
  return std::make_unique<LdPersonality>(info);
}

} // namespace cuwrap::ld
