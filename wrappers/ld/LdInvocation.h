// One linker call understood: inputs, output, -L/-l, -rpath and the kind of
// link, with `@file` response files read for analysis (ld reads them
// itself, so they are never rewritten).
#pragma once

#include "LdOptTable.h"
#include "Personality.h"

#include <memory>

namespace cuwrap::ld {

enum class Kind {
  Query,       // --version, -v, --help
  Relocatable, // -r: an object, not a program
  Static,      // -static: no dynamic section, so no RUNPATH
  Shared,      // -shared
  Executable,
};
const char *kindName(Kind k);

struct Invocation : ToolCall {
  Kind kind = Kind::Executable;
  std::string outputFile = "a.out";

  std::string phaseName() const override { return kindName(kind); }
  std::string output() const override { return outputFile; }
  // Values of an option, joined and separate spellings alike, in order.
  std::vector<std::string> values(unsigned id) const;
};

std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv);

} // namespace cuwrap::ld
