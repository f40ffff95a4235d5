// What `nvcc --dryrun` says it would run: its `#$ NAME=value` environment
// lines and one shell command line per sub-step, split into words the way
// nvcc's /bin/sh -c would split them (docs/nvcc.md: every sub-step runs
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

// The tools a sub-step of nvcc (or of a host compiler's link) runs. The
// host compiler plays several roles, told apart by its flags.
enum class StepTool : unsigned {
  HostCpp,         // host compiler -E
  DeviceCpp,       // host compiler -E -D__CUDA_ARCH__=...
  Cudafe,          // cudafe++
  Cicc,            // cicc
  Ptxas,           // ptxas
  Fatbinary,       // fatbinary
  HostCompile,     // host compiler -c
  Nvlink,          // nvlink
  LinkStubCompile, // host compiler -c .../crt/link.stub
  HostLink,        // host compiler without -E or -c: nvcc's final link
  Archiver,        // ar (nvcc -lib)
  Bin2c,
  Cleanup,         // rm of nvcc's temporaries
  Linker,          // ld, as a host compiler's link runs it (collect2/ld)
  Other,           // anything else: shown by its program's name
};
constexpr unsigned NumStepTools = unsigned(StepTool::Other) + 1;
// "host-cpp", "cicc", "nvlink", "host-link", ... as reports show them.
const char *stepToolName(StepTool t);

// A set of StepTools, for the routing of an option.
class StepSet {
public:
  constexpr StepSet() = default;
  constexpr StepSet(std::initializer_list<StepTool> tools) {
    for (StepTool t : tools)
      Bits |= 1u << unsigned(t);
  }
  bool contains(StepTool t) const { return Bits & (1u << unsigned(t)); }
  bool empty() const { return Bits == 0; }
  StepSet &operator|=(StepSet o) {
    Bits |= o.Bits;
    return *this;
  }
  std::vector<StepTool> tools() const;

private:
  unsigned Bits = 0;
};

struct SubStep {
  unsigned index = 0;       // 1-based, in nvcc's order
  StepTool tool = StepTool::Other;
  std::string program;      // argv[0]'s name, shown for StepTool::Other
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
// NAME=... with NAME made of letters, digits, '_' and '-' (nvcc.profile's
// keys, compiler-bindir among them); otherwise it is a sub-step.
DryRun parseDryRun(llvm::StringRef output);

// The sub-step's tool, from argv[0]'s basename and the flags: the host
// compiler is HostCpp/DeviceCpp with -E (device when __CUDA_ARCH__ is
// defined), LinkStubCompile for crt/link.stub, HostCompile with -c, and
// HostLink without either (nvcc's final g++ link).
StepTool classifyStep(const std::vector<std::string> &argv);
// How a report names a step: its tool, or its program for Other.
std::string stepName(const SubStep &s);

// The host compiler's roles.
extern const StepSet HostCompilerTools;
bool isHostCompilerTool(StepTool tool);

} // namespace cuwrap::explain
