// What `cuwrap explain` says of one call: the planned command, cuwrap's
// edits, the sub-steps the tool would run, where each argument went (or why
// nowhere), and the hazards found. Built by a personality's Explainer,
// shown as text or JSON (ExplainReport.cpp).
#pragma once

#include "DeviceCode.h"
#include "DryRun.h"
#include "Hazard.h"

#include "Plan.h"

#include "llvm/Support/JSON.h"

namespace cuwrap::explain {

struct Reach {
  unsigned step = 0;  // 0: predicted from the tool's rules, no dry run
  std::string tool;   // stepName() of the step
  std::string as;     // the words that step received, space-joined
};

struct ArgumentReport {
  std::vector<std::string> words;  // as the tool reads them
  std::string origin;              // "argv[3]", "$NVCC_APPEND_FLAGS word 1", "cuwrap (rule)"
  std::vector<Reach> reached;
  std::string droppedReason;       // set when nothing received it
};

struct Report {
  std::string personality, phase, program;
  std::vector<std::string> args;   // the planned argv[1..]
  bool listsSubSteps = false;      // the tool runs sub-steps (a driver), shown as such
  // How the sub-steps were listed ("nvcc --dryrun", "g++ -###"), who says
  // the listing's other lines, and whether routing is predicted from the
  // tool's rules when there is no listing.
  std::string lister = "nvcc --dryrun", speaker = "nvcc";
  bool predicts = true;
  bool dryRun = false;             // steps come from the tool's own listing
  int dryRunStatus = 0;
  std::string noDryRun;            // why none ran, when that was tried
  DryRun run;
  std::vector<std::string> notes;  // what the analyser adds about the steps
  std::vector<ArgumentReport> arguments;
  std::vector<Hazard> hazards;
  devcode::LinkAnalysis linkInputs; // links: device code in the inputs
  std::vector<Edit> edits;
  std::vector<EnvEdit> envEdits;

  // A hazard once: the same kind and message are not repeated.
  void addHazard(std::string kind, std::string message, std::string fix);
};

llvm::json::Object toJSON(const Report &r);
std::string toText(const Report &r);
// Graphviz DOT: the call's steps (nvcc's sub-steps from the dry run, or the
// linker), the files between them, the flags that reached each step on
// the edges, the link's inputs with their device code, hazards in red.
// With the call's directory, the link's inputs from outside it that carry
// no device code (the C runtime, system libraries) are one node.
std::string toDot(const Report &r, llvm::StringRef cwd = "");

// One call of a chain (explain --from-log) for the picture.
struct ChainCall {
  const Report *report;
  std::string cwd;   // where it ran: its files are relative to it
  std::string title; // "[1] nvcc device-compile (log line 8)"
};
// The chain that produced `output` (absolute) as one graph: each call's
// steps in a box of its own, the files between calls shared, so that the
// sources lead through the -dc compiles and the device link to the link.
std::string chainToDot(llvm::ArrayRef<ChainCall> calls, llvm::StringRef output);

// "/a/b/../c" relative to `cwd`, dots removed.
std::string absolutePath(llvm::StringRef path, llvm::StringRef cwd);

} // namespace cuwrap::explain
