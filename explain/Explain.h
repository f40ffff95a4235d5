// `cuwrap explain`: for one planned call, which sub-step received each
// argument the user gave or cuwrap injected, in what form, or why none did,
// and the hazards nvcc's routing rules make of the command. Pure: the dry
// run's output is handed in (ExplainCommand runs nvcc).
#pragma once

#include "DeviceCode.h"
#include "DryRun.h"
#include "Hazard.h"

#include "Config.h"
#include "LdInvocation.h"
#include "NvccInvocation.h"
#include "Plan.h"

#include "llvm/Support/JSON.h"

namespace cuwrap::explain {

struct Reach {
  unsigned step = 0;  // 0: predicted from nvcc's rules, no dry run
  std::string tool;
  std::string as;     // the words that step received, space-joined
};

struct ArgumentReport {
  std::vector<std::string> words;  // as nvcc or ld reads them
  std::string origin;              // "argv[3]", "$NVCC_APPEND_FLAGS word 1", "cuwrap (rule)"
  std::vector<Reach> reached;
  std::string droppedReason;       // set when nothing received it
};

struct Report {
  std::string personality, phase, program;
  std::vector<std::string> args;   // the planned argv[1..]
  bool dryRun = false;             // steps come from `nvcc --dryrun`
  int dryRunStatus = 0;
  std::string noDryRun;            // why none ran, when that was tried
  DryRun run;
  std::vector<ArgumentReport> arguments;
  std::vector<Hazard> hazards;
  devcode::LinkAnalysis linkInputs; // links: device code in the inputs
  std::vector<Edit> edits;
  std::vector<EnvEdit> envEdits;
};

// `original` is the call as written, `planned` the planned argv parsed again
// with the planned environment (what the real nvcc reads), `run` the dry
// run's output or null to predict routing from nvcc's rules alone.
Report analyzeNvcc(const nvcc::Invocation &original,
                   const nvcc::Invocation &planned, const Plan &plan,
                   const Config &config, const Environment &plannedEnv,
                   const DryRun *run);

// `cwd`, when given, is the directory the link runs in: the link's input
// files are read from there for device code (DeviceCode.h). Empty: they
// are not read.
Report analyzeLd(const ld::Invocation &original, const ld::Invocation &planned,
                 const Plan &plan, const Config &config,
                 llvm::StringRef cwd = {});

// The inputs of a linker call in order, -l libraries looked up in the -L
// directories the way GNU ld does (lib<name>.so before lib<name>.a unless
// -Bstatic/-static; -l:<file> by name), --whole-archive regions marked.
std::vector<devcode::LinkInput> linkInputsOf(const ld::Invocation &inv,
                                             llvm::StringRef cwd);

// Directories a host-compiler or linker command line puts into RUNPATH:
// -rpath X, -rpath=X, -R X, through -Wl,... and -Xlinker ... when
// `compilerDriver`.
std::vector<std::string> rpathsOf(llvm::ArrayRef<std::string> argv,
                                  bool compilerDriver);

llvm::json::Object toJSON(const Report &r);
std::string toText(const Report &r);
// Graphviz DOT: the call's steps (nvcc's sub-steps from the dry run, or the
// linker), the files between them, the flags that reached each step on
// the edges, the link's inputs with their device code, hazards in red.
std::string toDot(const Report &r);

} // namespace cuwrap::explain
