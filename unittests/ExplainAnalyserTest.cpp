// The explain analysers of nvcc and of the compiler drivers, reached
// through the personality registry, on real listings captured once
// (ExplainTranscripts.h): where each argument went, and the hazards. No
// CUDA and no compiler runs here; most of what explain says can be tested
// this way.
#include "ExplainTranscripts.h"
#include "Explainer.h"
#include "HostccExplain.h"
#include "Registry.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <gtest/gtest.h>

using namespace cuwrap;
using namespace cuwrap::explain;

namespace {

// One call explained from a canned listing, as `cuwrap explain` would with
// no rule changing anything: the planned command is the call itself.
struct Canned {
  Config config;
  Environment env;
  Paths paths;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs =
      llvm::vfs::getRealFileSystem();

  Canned() { config.driverDir.value = "/run/opengl-driver/lib"; }

  Report explain(PersonalityID id, llvm::StringRef invokedAs,
                 std::vector<std::string> args, const char *listing,
                 int status = 0) {
    const Personality &p = personality(id);
    RuleContext ctx(config, env, paths, *fs);
    auto original = p.parse(invokedAs, args, ctx);
    Plan plan;
    plan.program = "/usr/bin/" + invokedAs.str();
    plan.args = args;
    auto planned = p.parse(invokedAs, plan.args, ctx);
    DryRunOutput out{listing, status};
    return p.explainer()->analyze(ExplainInput{*original, *planned, plan,
                                               config, env, &out,
                                               invokedAs.str(), ""});
  }
};

std::string steps(const Report &r) {
  std::vector<std::string> out;
  for (const SubStep &s : r.run.steps)
    out.push_back(stepName(s));
  return llvm::join(out, " ");
}

// "[1] host-cpp as: -I/inc; ..." for the argument written `text`, or its
// dropped reason.
std::string routed(const Report &r, llvm::StringRef text) {
  for (const ArgumentReport &a : r.arguments) {
    if (llvm::join(a.words, " ") != text)
      continue;
    if (a.reached.empty())
      return "none: " + a.droppedReason;
    std::vector<std::string> out;
    for (const Reach &re : a.reached)
      out.push_back("[" + std::to_string(re.step) + "] " + re.tool + " as: " +
                    re.as);
    return llvm::join(out, "; ");
  }
  return "(no such argument)";
}

std::string hazardKinds(const Report &r) {
  std::vector<std::string> out;
  for (const Hazard &h : r.hazards)
    out.push_back(h.kind);
  return llvm::join(out, " ");
}

const Hazard *hazard(const Report &r, llvm::StringRef kind) {
  for (const Hazard &h : r.hazards)
    if (h.kind == kind)
      return &h;
  return nullptr;
}

} // namespace

TEST(NvccAnalyser, CompileRoutesEachArgumentToItsSteps) {
  Canned c;
  Report r = c.explain(PersonalityID::Nvcc, "nvcc",
                       {"-c", "saxpy.cu", "-o", "saxpy.o", "-O3", "-I/inc",
                        "-Xcompiler", "-Wall", "-Xlinker", "-rpath,/x",
                        "-ccbin", "/usr/bin/g++", "-Xfatbin=-compress-all"},
                       transcripts::NvccCompile);
  EXPECT_EQ(r.phase, "compile");
  EXPECT_EQ(steps(r), "host-cpp cudafe++ device-cpp cicc ptxas fatbinary "
                      "cleanup host-compile");
  EXPECT_EQ(routed(r, "-I/inc"), "[1] host-cpp as: -I/inc; [3] device-cpp as: "
                                 "-I/inc; [8] host-compile as: -I/inc");
  EXPECT_EQ(routed(r, "-Xcompiler -Wall"),
            "[1] host-cpp as: -Wall; [3] device-cpp as: -Wall; "
            "[8] host-compile as: -Wall");
  EXPECT_EQ(routed(r, "-O3"), "[1] host-cpp as: -O3; [3] device-cpp as: -O3; "
                              "[8] host-compile as: -O3");
  EXPECT_EQ(routed(r, "-Xfatbin=-compress-all"),
            "[6] fatbinary as: -compress-all");
  EXPECT_EQ(routed(r, "-ccbin /usr/bin/g++"),
            "[1] host-cpp as: /usr/bin/g++; [3] device-cpp as: /usr/bin/g++; "
            "[8] host-compile as: /usr/bin/g++");
  EXPECT_EQ(routed(r, "-Xlinker -rpath,/x"),
            "none: nvcc passes -Xlinker only to the final host link; a -c "
            "compile has none, so nvcc drops it silently");
  EXPECT_EQ(hazardKinds(r), "linker-option-without-link");
}

TEST(NvccAnalyser, DeviceLinkTranslatesAndWarnsOfHostLinkerOptions) {
  Canned c;
  Report r = c.explain(PersonalityID::Nvcc, "nvcc",
                       {"-shared", "-dlink", "main.o", "axpy.o", "-o", "dl.o",
                        "-Xnvlink", "-rpath,/opt/x", "-arch=sm_75", "-ccbin",
                        "/usr/bin/g++"},
                       transcripts::NvccDeviceLink);
  EXPECT_EQ(r.phase, "device-link");
  EXPECT_EQ(steps(r), "nvlink fatbinary cleanup link-stub-compile");
  // nvcc's own words for the user's.
  EXPECT_EQ(routed(r, "-shared"), "[1] nvlink as: --shared; "
                                  "[4] link-stub-compile as: -fPIC");
  EXPECT_EQ(routed(r, "-arch=sm_75"),
            "[1] nvlink as: --arch=sm_75; [2] fatbinary as: "
            "--image3=kind=elf,sm=75,file=/tmp/"
            "tmpxft_000036dc_00000000-5_dl.sm_75.cubin; [4] link-stub-compile "
            "as: -D__CUDA_ARCH_LIST__=750");
  EXPECT_EQ(routed(r, "main.o"), "[1] nvlink as: main.o");
  EXPECT_EQ(routed(r, "-Xnvlink -rpath,/opt/x"), "[1] nvlink as: -rpath /opt/x");
  const Hazard *h = hazard(r, "linker-option-to-nvlink");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->message, "nvlink (step 1) receives the host-linker option "
                        "-rpath: nvlink fails with \"Unknown option\"");
}

TEST(NvccAnalyser, LinkWithTheStubsInRunpath) {
  Canned c;
  Report r = c.explain(PersonalityID::Nvcc, "nvcc",
                       {"saxpy.o", "-o", "app", "-Xlinker",
                        "-rpath,/usr/local/cuda/lib64/stubs", "-L/lib1",
                        "-lfoo", "-ccbin", "/usr/bin/g++"},
                       transcripts::NvccLink);
  EXPECT_EQ(steps(r), "nvlink fatbinary cleanup link-stub-compile host-link");
  EXPECT_EQ(routed(r, "-L/lib1"),
            "[1] nvlink as: -L/lib1; [5] host-link as: -L/lib1");
  EXPECT_EQ(routed(r, "-Xlinker -rpath,/usr/local/cuda/lib64/stubs"),
            "[5] host-link as: -rpath /usr/local/cuda/lib64/stubs");
  EXPECT_EQ(hazardKinds(r), "stubs-runpath missing-driver-runpath");
  EXPECT_EQ(hazard(r, "missing-driver-runpath")->fix,
            "add -Xlinker -rpath,/run/opengl-driver/lib to the link (or put "
            "cuwrap's ld wrapper first on PATH)");
}

TEST(NvccAnalyser, SingleValueOptionGivenTwice) {
  Canned c;
  Report r = c.explain(PersonalityID::Nvcc, "nvcc",
                       {"-c", "saxpy.cu", "-std=c++14", "-rdc=true",
                        "-std=c++17", "-ccbin", "/usr/bin/g++"},
                       transcripts::NvccRedefined);
  // nvcc's own warning is among what it printed ...
  ASSERT_EQ(r.run.messages.size(), 1u);
  EXPECT_EQ(r.run.messages[0],
            "nvcc warning : incompatible redefinition for option 'std', the "
            "last value of this option was used");
  // ... the hazard names the values, their places and the one used.
  const Hazard *h = hazard(r, "option-redefined");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->message,
            "-std is given different values: c++14 (argv[3]), c++17 "
            "(argv[5]); nvcc uses the last, c++17 from argv[5], and warns "
            "\"incompatible redefinition for option 'std'\"");
  EXPECT_EQ(h->fix, "give -std once, where the build means it to come from: "
                    "drop it from argv[3]");
  EXPECT_EQ(routed(r, "-std=c++17"),
            "[1] host-cpp as: -std=c++17; [2] cudafe++ as: --c++17; "
            "[3] device-cpp as: -std=c++17; [4] cicc as: --c++17; "
            "[8] host-compile as: -std=c++17");
  EXPECT_EQ(routed(r, "-rdc=true"),
            "[1] host-cpp as: -D__CUDACC_RDC__; [2] cudafe++ as: --device-c; "
            "[3] device-cpp as: -D__CUDACC_RDC__; [4] cicc as: --device-c; "
            "[5] ptxas as: --compile-only");
}

TEST(NvccAnalyser, FailedDryRunIsPredictedFromTheRoutes) {
  Canned c;
  Report r = c.explain(PersonalityID::Nvcc, "nvcc",
                       {"-c", "saxpy.cu", "--bogus", "-Xlinker", "-rpath,/x"},
                       transcripts::NvccUnknownOption, 1);
  EXPECT_TRUE(r.run.steps.empty());
  EXPECT_EQ(r.dryRunStatus, 1);
  EXPECT_EQ(r.run.messages,
            std::vector<std::string>{"nvcc fatal   : Unknown option '--bogus'"});
  EXPECT_EQ(routed(r, "--bogus").substr(0, 42),
            "none: nvcc does not know this option and s");
  EXPECT_EQ(hazardKinds(r), "linker-option-without-link");
  std::string text = toText(r);
  EXPECT_NE(text.find("sub-steps: nvcc --dryrun failed (status 1) before "
                      "printing any; routing predicted from nvcc's rules"),
            std::string::npos);
}

TEST(HostccAnalyser, TheRegistryHasTheDriversAndDoesNotInstallThem) {
  for (llvm::StringRef name : {"g++", "gcc", "c++", "cc", "clang++", "clang"}) {
    const Personality *p = personalityFor(name);
    ASSERT_TRUE(p) << name.str();
    EXPECT_EQ(p->id(), PersonalityID::HostCompiler);
    EXPECT_FALSE(p->installed());
    EXPECT_TRUE(p->rules().empty());
    EXPECT_EQ(p->explainer()->dryRunArgs(), std::vector<std::string>{"-###"});
  }
  EXPECT_FALSE(personalityFor("g++", /*installedOnly=*/true));
}

TEST(HostccAnalyser, ListingParsed) {
  DryRun run = hostcc::parseListing(transcripts::GxxCompile);
  ASSERT_EQ(run.steps.size(), 2u);
  EXPECT_EQ(stepName(run.steps[0]), "host-compile");
  EXPECT_EQ(run.steps[0].argv.front(),
            "/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus");
  EXPECT_EQ(stepName(run.steps[1]), "as");
  // The banner is left out; the NAME=value lines are the environment.
  EXPECT_TRUE(run.messages.empty());
  std::vector<std::string> names;
  for (const auto &[k, v] : run.env)
    names.push_back(k);
  EXPECT_EQ(llvm::join(names, " "),
            "COLLECT_GCC OFFLOAD_TARGET_NAMES OFFLOAD_TARGET_DEFAULT "
            "COLLECT_GCC_OPTIONS COLLECT_GCC_OPTIONS COMPILER_PATH "
            "LIBRARY_PATH COLLECT_GCC_OPTIONS");
  // clang: its "(in-process)" marker is no step, its ld is the linker.
  DryRun clang = hostcc::parseListing(transcripts::ClangxxLink);
  ASSERT_EQ(clang.steps.size(), 1u);
  EXPECT_EQ(stepName(clang.steps[0]), "linker");
  EXPECT_EQ(clang.steps[0].argv.front(), "/usr/bin/ld");
}

TEST(HostccAnalyser, LinkRoutesToTheLinkerAndReadsItsLine) {
  Canned c;
  Report r = c.explain(PersonalityID::HostCompiler, "g++",
                       {"-o", "app", "main.o", "axpy.o", "-L/x", "-lfoo",
                        "-Wl,-rpath,/opt/x"},
                       transcripts::GxxLink);
  EXPECT_EQ(r.phase, "executable");
  EXPECT_EQ(r.lister, "g++ -###");
  EXPECT_EQ(steps(r), "linker");
  EXPECT_EQ(r.run.steps[0].program, "collect2");
  EXPECT_EQ(routed(r, "main.o"), "[1] linker as: main.o");
  EXPECT_EQ(routed(r, "-o app"), "[1] linker as: -o app");
  EXPECT_EQ(routed(r, "-lfoo"), "[1] linker as: -lfoo");
  EXPECT_EQ(routed(r, "-Wl,-rpath,/opt/x"), "[1] linker as: -rpath /opt/x");
  EXPECT_EQ(hazardKinds(r), "missing-driver-runpath");
  EXPECT_EQ(hazard(r, "missing-driver-runpath")->message.substr(0, 66),
            "the link (step 1) passes no -rpath /run/opengl-driver/lib: the "
            "pro");
  EXPECT_EQ(hazard(r, "missing-driver-runpath")->fix.substr(0, 56),
            "add -Wl,-rpath,/run/opengl-driver/lib to the link, or le");
}

TEST(HostccAnalyser, CompileStepsAndLinkerOptionsWithoutALink) {
  Canned c;
  Report r = c.explain(PersonalityID::HostCompiler, "g++",
                       {"-c", "m.cpp", "-o", "m.o", "-DFOO=1", "-I", "/inc",
                        "-Wl,-z,now"},
                       transcripts::GxxCompile);
  EXPECT_EQ(r.phase, "compile");
  EXPECT_EQ(steps(r), "host-compile as");
  EXPECT_EQ(routed(r, "m.cpp"), "[1] host-compile as: m.cpp");
  EXPECT_EQ(routed(r, "-DFOO=1"), "[1] host-compile as: -D FOO=1");
  // gcc hands -I to the assembler too.
  EXPECT_EQ(routed(r, "-I /inc"),
            "[1] host-compile as: -I /inc; [2] as as: -I /inc");
  EXPECT_EQ(routed(r, "-o m.o"), "[2] as as: -o m.o");
  EXPECT_EQ(routed(r, "-c"),
            "none: the driver consumes this option itself: it decides which "
            "programs run and how, and no sub-step receives it verbatim");
  EXPECT_EQ(routed(r, "-Wl,-z,now"),
            "none: a -c compile runs no link: the driver ignores linker "
            "options (gcc without a word, clang with \"argument unused\")");
  EXPECT_EQ(hazardKinds(r), "linker-option-without-link");
}

TEST(HostccAnalyser, ClangRunsLdItselfWithTheStubsInRunpath) {
  Canned c;
  Report r = c.explain(PersonalityID::HostCompiler, "clang++",
                       {"-o", "app", "main.o",
                        "-Wl,-rpath,/usr/local/cuda/lib64/stubs"},
                       transcripts::ClangxxLink);
  EXPECT_EQ(routed(r, "-Wl,-rpath,/usr/local/cuda/lib64/stubs"),
            "[1] linker as: -rpath /usr/local/cuda/lib64/stubs");
  EXPECT_EQ(hazardKinds(r), "stubs-runpath missing-driver-runpath");
}

TEST(HostccAnalyser, FailedListing) {
  Canned c;
  Report r = c.explain(PersonalityID::HostCompiler, "g++",
                       {"-c", "m.cpp", "--bogus"},
                       transcripts::GxxUnknownOption, 1);
  EXPECT_TRUE(r.run.steps.empty());
  EXPECT_EQ(r.run.messages,
            std::vector<std::string>{
                "g++: error: unrecognized command-line option \xE2\x80\x98--bogus\xE2\x80\x99"});
  EXPECT_EQ(routed(r, "--bogus"), "none: the driver listed no sub-steps");
  std::string text = toText(r);
  EXPECT_NE(text.find("sub-steps: g++ -### failed (status 1) before printing "
                      "any; nothing to route by"),
            std::string::npos);
  EXPECT_NE(text.find("  g++ says: g++: error: unrecognized"),
            std::string::npos);
}
