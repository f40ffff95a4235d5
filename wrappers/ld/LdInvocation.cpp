#include "LdInvocation.h"

#include <fmt/format.h>

namespace cuwrap::ld {

const char *kindName(Kind k) {
  switch (k) {
  case Kind::Query: return "query";
  case Kind::Relocatable: return "relocatable";
  case Kind::Static: return "static";
  case Kind::Shared: return "shared";
  case Kind::Executable: return "executable";
  }
  return "?";
}

std::vector<std::string> Invocation::values(unsigned id) const {
  std::vector<std::string> out;
  for (const llvm::opt::Arg *a : args())
    if (ParsedArgs::id(*a) == id)
      out.push_back(a->getValue());
  return out;
}

std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv) {
  auto inv = std::make_unique<Invocation>();
  inv->cmd.appendArgv(argv);
  inv->parsed.parse(inv->cmd, optTable(), {OPT_INPUT});
  inv->warnings = inv->cmd.warnings;
  for (std::string &w : inv->parsed.danglingWarnings(inv->cmd))
    inv->warnings.push_back(std::move(w));
  const auto &args = inv->args();
  if (args.hasArg(OPT_version, OPT_help))
    inv->kind = Kind::Query;
  else if (args.hasArg(OPT_relocatable))
    inv->kind = Kind::Relocatable;
  else if (args.hasArg(OPT_static) && !args.hasArg(OPT_shared))
    inv->kind = Kind::Static;
  else if (args.hasArg(OPT_shared))
    inv->kind = Kind::Shared;
  if (auto *o = args.getLastArg(OPT_output))
    inv->outputFile = o->getValue();
  return inv;
}

} // namespace cuwrap::ld
