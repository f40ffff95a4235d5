// One nvcc call understood: every word nvcc will read (argv, its *_FLAGS
// variables, options files, translated response files) parsed with nvcc's
// own option table, and what kind of call it is.
#pragma once

#include "Environment.h"
#include "NvccOptTable.h"
#include "Personality.h"

#include <memory>
#include <optional>

namespace cuwrap::nvcc {

// What the call produces, which decides what it may be given.
enum class Phase {
  Query,         // --version, --help, --list-gpu-arch, ...
  Preprocess,    // -E, -M, -MM
  DeviceOutput,  // -ptx, -cubin, -fatbin, -optix-ir, -ltoir, -cuda
  Compile,       // -c
  DeviceCompile, // -dc, -rdc=true -c
  DeviceLink,    // -dlink: nvlink and fatbinary, no host link
  Library,       // -lib
  Link,          // the default: ends in a host link
};
const char *phaseName(Phase p);

struct Invocation : ToolCall {
  Phase phase = Phase::Link;
  bool dryrun = false, verbose = false;
  std::optional<std::string> ccbinVariable; // $NVCC_CCBIN

  std::string phaseName() const override { return nvcc::phaseName(phase); }
  std::vector<std::string> modifiers() const override;
  std::string output() const override;
  unsigned listFlag() const override { return ListValue; }
  // -forward-unknown-to-host-linker (or -forward-unknown-opts): nvcc hands
  // options it does not know, -Wl, ones among them, to the host linker.
  // Without it nvcc rejects -Wl, (docs/nvcc.md), which wl-to-xlinker, the
  // runpath rule and explain each answer.
  bool forwardsUnknownToHostLinker() const {
    return args().hasArg(OPT_forward_unknown_to_host_linker,
                         OPT_forward_unknown_opts);
  }
};

// A single-value option (SingleValue in NvccOptions.td) given different
// values: each with where it came from, in the order nvcc reads them, and
// the one nvcc uses (the last; for the host compiler, $NVCC_CCBIN counts
// only when no -ccbin is given).
struct Redefinition {
  struct Value {
    std::string value, origin;
  };
  std::string option;   // nvcc's long name, as its warning says it: "std"
  std::string spelling; // as first written: "-std"
  std::vector<Value> values;
  size_t used = 0;      // index into values
};
std::vector<Redefinition> redefinitions(const Invocation &inv);
// "-std is given different values: c++14 (argv[2]), c++17
// ($NVCC_APPEND_FLAGS word 2); nvcc uses the last, c++17 ..."
std::string describe(const Redefinition &r);

// argv without argv[0]. Problems reading files become warnings: nvcc itself
// reports them in its own words.
std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv,
                                  const Environment &env);

} // namespace cuwrap::nvcc
