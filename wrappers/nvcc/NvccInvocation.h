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
};

// argv without argv[0]. Problems reading files become warnings: nvcc itself
// reports them in its own words.
std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv,
                                  const Environment &env);

} // namespace cuwrap::nvcc
