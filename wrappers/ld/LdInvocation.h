// One linker call understood: inputs, output, -L/-l, -rpath and the kind of
// link, with `@file` response files read for analysis (ld reads them
// itself, so they are never rewritten).
#pragma once

#include "CommandLine.h"
#include "Environment.h"
#include "LdOptTable.h"
#include "ParsedArgs.h"

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

struct Invocation {
  std::string personality; // ld, ld.bfd, ld.gold, ld.lld
  CommandLine cmd;
  ParsedArgs parsed;
  Kind kind = Kind::Executable;
  std::string output = "a.out";
  std::vector<std::string> warnings;

  const llvm::opt::InputArgList &args() const { return parsed.list(); }
  // Values of an option, joined and separate spellings alike, in order.
  std::vector<std::string> values(unsigned id) const;
};

std::unique_ptr<Invocation> parse(llvm::StringRef personality,
                                  llvm::ArrayRef<std::string> argv);

} // namespace cuwrap::ld
