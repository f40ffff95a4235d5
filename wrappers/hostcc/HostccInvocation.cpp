#include "HostccInvocation.h"

#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap::hostcc {

const char *kindName(Kind k) {
  switch (k) {
  case Kind::Query: return "query";
  case Kind::Preprocess: return "preprocess";
  case Kind::Assembly: return "assembly";
  case Kind::Compile: return "compile";
  case Kind::Relocatable: return "relocatable";
  case Kind::Static: return "static";
  case Kind::Shared: return "shared";
  case Kind::Executable: return "executable";
  }
  return "?";
}

bool links(Kind k) {
  return k == Kind::Relocatable || k == Kind::Static || k == Kind::Shared ||
         k == Kind::Executable;
}

std::vector<std::string> Invocation::modifiers() const {
  if (dryRun)
    return {"dryrun"};
  return {};
}

// -o if given, else the driver's default: a.out for a link, <stem>.o or
// <stem>.s in the current directory for -c or -S of one source; nothing
// for -E (standard output) and for -c of several sources without -o.
std::string Invocation::output() const {
  if (const llvm::opt::Arg *o = args().getLastArg(OPT_output))
    return o->getValue();
  if (links(kind))
    return "a.out";
  if (kind != Kind::Compile && kind != Kind::Assembly)
    return {};
  auto inputs = args().getAllArgValues(OPT_INPUT);
  if (inputs.size() != 1)
    return {};
  return (llvm::sys::path::stem(inputs.front()) +
          (kind == Kind::Compile ? ".o" : ".s"))
      .str();
}

static Kind kindOf(const llvm::opt::InputArgList &args) {
  bool inputs = args.hasArg(OPT_INPUT);
  if (args.hasArg(OPT_version, OPT_help, OPT_dumpversion, OPT_dumpmachine,
                  OPT_print_prefixed) ||
      (args.hasArg(OPT_verbose) && !inputs))
    return Kind::Query;
  // The driver stops at the earliest of -E, -S, -c that is given.
  if (args.hasArg(OPT_preprocess, OPT_deps_only, OPT_deps_only_user))
    return Kind::Preprocess;
  if (args.hasArg(OPT_assemble))
    return Kind::Assembly;
  if (args.hasArg(OPT_compile))
    return Kind::Compile;
  if (args.hasArg(OPT_relocatable))
    return Kind::Relocatable;
  if (args.hasArg(OPT_shared))
    return Kind::Shared;
  if (args.hasArg(OPT_static, OPT_static_pie))
    return Kind::Static;
  return Kind::Executable;
}

std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv) {
  auto inv = std::make_unique<Invocation>();
  inv->cmd.appendArgv(argv);
  inv->parsed.parse(inv->cmd, optTable(), {OPT_INPUT});
  inv->warnings = inv->cmd.warnings;
  for (std::string &w : inv->parsed.danglingWarnings(inv->cmd))
    inv->warnings.push_back(std::move(w));
  inv->kind = kindOf(inv->args());
  inv->dryRun = inv->args().hasArg(OPT_dry_run);
  return inv;
}

} // namespace cuwrap::hostcc
