// What `nvcc --dryrun` says it would run: its `#$ NAME=value` environment
// lines and one shell command line per sub-step, split into words the way
// nvcc's /bin/sh -c would split them (nvcc-facts.md: every sub-step runs
// through the shell), each sub-step named by the tool it runs.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace cuwrap::explain {

// A POSIX-ish word splitter for one command line: blanks separate words,
// '...' is literal, "..." keeps blanks and honours \" \\ \$ \`, a backslash
// outside quotes escapes the next character. `$VAR` and `...` are kept as
// text (nothing is expanded: explain reports what the shell would see).
// Unquoted redirections (`> f`, `2>&1`, `<f`) are set aside, not words.
struct ShellCommand {
  std::vector<std::string> words;
  std::vector<std::string> redirections;
};
ShellCommand splitShellWords(llvm::StringRef line);

struct SubStep {
  unsigned index = 0;       // 1-based, in nvcc's order
  std::string tool;         // "host-cpp", "cicc", "nvlink", "host-link", ...
  std::vector<std::string> argv;
  std::vector<std::string> redirections;
  std::string line;         // as nvcc printed it
};

struct DryRun {
  std::vector<std::pair<std::string, std::string>> env;
  std::vector<SubStep> steps;
  std::vector<std::string> messages; // anything else nvcc printed
};

// Parses nvcc's stderr. A `#$ ` line is an environment line when it reads
// NAME=... with NAME an identifier; otherwise it is a sub-step.
DryRun parseDryRun(llvm::StringRef output);

// The sub-step's tool, from argv[0]'s basename and the flags: the host
// compiler is "host-cpp"/"device-cpp" with -E (device when __CUDA_ARCH__ is
// defined), "link-stub-compile" for crt/link.stub, "host-compile" with -c,
// and "host-link" without either (nvcc's final g++ link).
std::string classifyStep(const std::vector<std::string> &argv);

// Whether a tool name is one of the host compiler's roles.
bool isHostCompilerTool(llvm::StringRef tool);

} // namespace cuwrap::explain
