// The nvcc personality: nvcc's option table, how a call is read (argv with
// NVCC_PREPEND_FLAGS before and NVCC_APPEND_FLAGS after, options files and
// @files), the real nvcc, and the rules in the order they run.
#include "NvccExplain.h"
#include "NvccInvocation.h"
#include "NvccRules.h"
#include "RuleNames.h"

namespace cuwrap::nvcc {

namespace {

// Order matters where rules meet: the host compiler is settled before
// anything reads it, -Wl becomes -Xlinker before the quoting rule looks at
// -Xlinker values, and the RUNPATH words come last so that no user word can
// take them for its value.
const Rule<Invocation> Rules[] = {
    {rule::HostCompiler,
     "one host compiler for every nvcc run: -ccbin, --compiler-bindir and "
     "NVCC_CCBIN against the configured one, by host_policy",
     hostCompilerRule},
    {rule::WlToXlinker,
     "gcc's -Wl,a,b (which nvcc rejects) as -Xlinker a -Xlinker b",
     wlToXlinkerRule},
    {rule::HostQuoting,
     "-Xcompiler/-Xlinker values quoted for the /bin/sh -c that nvcc runs "
     "host steps through",
     hostOptionQuotingRule},
    {rule::CompressFatbin,
     "-Xfatbin=-compress-all, as Nixpkgs does, unless the call already "
     "decides compression or compress_fatbin=0",
     compressFatbinRule},
    {rule::OuterNvccEnv,
     "unset INCLUDES, SYSTEM_INCLUDES, LIBRARIES exported by an outer nvcc",
     outerNvccEnvironmentRule},
    {rule::Runpath,
     "the final link's RUNPATH: compat, driver, cudart and library "
     "directories (RunpathPolicy), as -Xlinker -rpath; a stubs entry the "
     "user gave is replaced by them in place",
     runpathRule},
    {rule::ChildPath,
     "the wrappers directory first on the PATH nvcc's host link sees, so "
     "that link goes through the ld personality too",
     childPathRule},
};

class NvccPersonality final : public RuleListPersonality<Invocation> {
public:
  explicit NvccPersonality(const PersonalityInfo &info)
      : RuleListPersonality(info, Rules) {}
  const llvm::opt::OptTable &optTable() const override {
    return nvcc::optTable();
  }
  std::vector<llvm::StringRef> phaseNames() const override {
    std::vector<llvm::StringRef> out;
    for (Phase ph : {Phase::Query, Phase::Preprocess, Phase::DeviceOutput,
                     Phase::Compile, Phase::DeviceCompile, Phase::DeviceLink,
                     Phase::Library, Phase::Link})
      out.push_back(nvcc::phaseName(ph));
    return out;
  }
  std::unique_ptr<ToolCall> parse(llvm::StringRef,
                                  llvm::ArrayRef<std::string> args,
                                  const RuleContext &ctx) const override {
    return nvcc::parse(args, ctx.env);
  }
  RealTool realTool(llvm::StringRef, const Config &config) const override {
    return {"nvcc", &config.nvcc, "CUWRAP_NVCC", "nvcc.profile"};
  }
  bool translatesResponseFiles() const override { return true; }
  // Compiles only, as CMake's CMAKE_CUDA_COMPILER_LAUNCHER: a cache keeps
  // objects. Links, device links and queries run nvcc itself (a query's
  // output, CMake's `nvcc -v` identification, must be nvcc's own).
  bool takesLauncher(const ToolCall &call) const override {
    Phase ph = static_cast<const Invocation &>(call).phase;
    return ph == Phase::Compile || ph == Phase::DeviceCompile;
  }
  const explain::Explainer *explainer() const override {
    return &nvcc::explainer();
  }
};

} // namespace

std::unique_ptr<Personality> create(const PersonalityInfo &info) {
  return std::make_unique<NvccPersonality>(info);
}

} // namespace cuwrap::nvcc
