// The host-compiler personality: gcc, g++, clang, clang++, cc and c++ as
// `cuwrap explain` and `cuwrap plan` read them. It has no rules and is not
// installed in the wrappers directory (a wrapper there would shadow the
// compiler for the whole build): what it offers is the analysis of the
// link route CMake takes, the driver running ld itself.
#include "HostccExplain.h"
#include "HostccInvocation.h"

namespace cuwrap::hostcc {

namespace {

class HostccPersonality final : public Personality {
public:
  using Personality::Personality;
  const llvm::opt::OptTable &optTable() const override {
    return hostcc::optTable();
  }
  std::vector<llvm::StringRef> phaseNames() const override {
    std::vector<llvm::StringRef> out;
    for (Kind k : {Kind::Query, Kind::Preprocess, Kind::Assembly,
                   Kind::Compile, Kind::Relocatable, Kind::Static,
                   Kind::Shared, Kind::Executable})
      out.push_back(kindName(k));
    return out;
  }
  std::unique_ptr<ToolCall> parse(llvm::StringRef,
                                  llvm::ArrayRef<std::string> args,
                                  const RuleContext &) const override {
    return hostcc::parse(args);
  }
  // The compiler the call names, looked up on PATH (cuwrap is never a
  // compiler, so nothing is skipped in practice). Kept as found: clang
  // picks its mode (clang or clang++) from argv[0].
  RealTool realTool(llvm::StringRef invokedAs,
                    const Config &) const override {
    return {invokedAs.str(), nullptr, ""};
  }
  std::vector<RuleInfo> rules() const override { return {}; }
  llvm::Error applyRules(const ToolCall &, const RuleContext &,
                         PlanBuilder &) const override {
    return llvm::Error::success();
  }
  const explain::Explainer *explainer() const override {
    return &hostcc::explainer();
  }
};

} // namespace

std::unique_ptr<Personality> create(const PersonalityInfo &info) {
  return std::make_unique<HostccPersonality>(info);
}

} // namespace cuwrap::hostcc
