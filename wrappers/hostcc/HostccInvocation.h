// One call of a C/C++ compiler driver (g++, gcc, clang++, ...) understood:
// its inputs, its output and what kind of call it is, with `@file`
// response files read where they are named (the driver reads them itself,
// as libiberty does).
#pragma once

#include "HostccOptTable.h"
#include "Personality.h"

#include <memory>

namespace cuwrap::hostcc {

enum class Kind {
  Query,       // --version, --help, -dumpversion, -print-*, -v alone
  Preprocess,  // -E, -M, -MM
  Assembly,    // -S
  Compile,     // -c
  Relocatable, // -r
  Static,      // -static, -static-pie: no RUNPATH to speak of
  Shared,      // -shared
  Executable,  // the default: the driver links a program
};
const char *kindName(Kind k);
// The kinds whose call runs the linker.
bool links(Kind k);

struct Invocation : ToolCall {
  Kind kind = Kind::Executable;
  bool dryRun = false; // -###

  std::string phaseName() const override { return kindName(kind); }
  std::vector<std::string> modifiers() const override;
  std::string output() const override;
};

std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv);

} // namespace cuwrap::hostcc
