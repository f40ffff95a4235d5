#include "NvccInvocation.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <set>

namespace cuwrap::nvcc {

const char *phaseName(Phase p) {
  switch (p) {
  case Phase::Query: return "query";
  case Phase::Preprocess: return "preprocess";
  case Phase::DeviceOutput: return "device-output";
  case Phase::Compile: return "compile";
  case Phase::DeviceCompile: return "device-compile";
  case Phase::DeviceLink: return "device-link";
  case Phase::Library: return "library";
  case Phase::Link: return "link";
  }
  return "?";
}

std::vector<std::string> Invocation::modifiers() const {
  std::vector<std::string> out;
  if (dryrun)
    out.push_back("dryrun");
  if (verbose)
    out.push_back("verbose");
  if (args().hasArg(OPT_keep, OPT_save_temps))
    out.push_back("keep");
  return out;
}

// The file an nvcc call writes, for the record and `cuwrap log --output`:
// -o if given, else nvcc's own default for the phase (observed: a.out for a
// link, a_dlink.o for -dlink, <stem>.o in the cwd for -c/-dc of one
// source). Empty when the call writes no file that can be named.
std::string Invocation::output() const {
  if (const llvm::opt::Arg *o = args().getLastArg(OPT_output_file))
    return o->getValue();
  switch (phase) {
  case Phase::Link:
    return "a.out";
  case Phase::DeviceLink:
    return "a_dlink.o";
  case Phase::Compile:
  case Phase::DeviceCompile: {
    auto inputs = args().getAllArgValues(OPT_INPUT);
    if (inputs.size() == 1)
      return (llvm::sys::path::stem(inputs.front()) + ".o").str();
    return {};
  }
  default:
    return {};
  }
}

// nvcc picks one phase; when several phase options are given the most
// restrictive wins, queries first (nvcc answers --version and stops).
static Phase phaseOf(const llvm::opt::InputArgList &args) {
  if (args.hasArg(OPT_version, OPT_help, OPT_list_gpu_arch, OPT_list_gpu_code))
    return Phase::Query;
  if (args.hasArg(OPT_preprocess, OPT_generate_dependencies,
                  OPT_generate_nonsystem_dependencies))
    return Phase::Preprocess;
  if (args.hasArg(OPT_cuda, OPT_cubin, OPT_fatbin, OPT_ptx, OPT_optix_ir,
                  OPT_ltoir))
    return Phase::DeviceOutput;
  if (args.hasArg(OPT_device_link))
    return Phase::DeviceLink;
  if (args.hasArg(OPT_lib))
    return Phase::Library;
  if (args.hasArg(OPT_device_c) ||
      (args.hasArg(OPT_compile) &&
       args.getLastArgValue(OPT_relocatable_device_code) == "true"))
    return Phase::DeviceCompile;
  if (args.hasArg(OPT_compile))
    return Phase::Compile;
  return Phase::Link;
}

// How the user spelled an option: `-std=c++17` and `-std c++17` give
// "-std", `-O3` gives "-O".
static std::string spellingOf(const Invocation &inv, const llvm::opt::Arg &a) {
  llvm::StringRef first = inv.cmd.words[inv.parsed.span(a).front()].text;
  llvm::StringRef value = a.getValue();
  if (inv.parsed.span(a).size() == 1 && first.endswith(value))
    first = first.drop_back(value.size());
  return first.rtrim('=').str();
}

std::vector<Redefinition> redefinitions(const Invocation &inv) {
  std::vector<Redefinition> all;
  std::vector<unsigned> ids; // per entry of `all`
  auto entry = [&](unsigned id, llvm::StringRef name) -> Redefinition & {
    size_t i = llvm::find(ids, id) - ids.begin();
    if (i == ids.size()) {
      ids.push_back(id);
      all.push_back({});
      all.back().option = name.str();
    }
    return all[i];
  };
  // $NVCC_CCBIN is a default: any -ccbin comes after it.
  if (inv.ccbinVariable && !inv.ccbinVariable->empty())
    entry(OPT_compiler_bindir, "compiler-bindir")
        .values.push_back({*inv.ccbinVariable, "$NVCC_CCBIN"});
  for (const llvm::opt::Arg *a : inv.args()) {
    llvm::opt::Option opt = a->getOption().getUnaliasedOption();
    if (!opt.hasFlag(SingleValue) || a->getNumValues() != 1)
      continue;
    Redefinition &r = entry(opt.getID(), opt.getName());
    if (r.spelling.empty())
      r.spelling = spellingOf(inv, *a);
    const Word &w = inv.cmd.words[inv.parsed.span(*a).front()];
    r.values.push_back({a->getValue(), w.origin.str()});
  }
  std::vector<Redefinition> out;
  for (Redefinition &r : all) {
    bool differ = llvm::any_of(r.values, [&](const Redefinition::Value &v) {
      return v.value != r.values.front().value;
    });
    if (!differ)
      continue;
    r.used = r.values.size() - 1;
    out.push_back(std::move(r));
  }
  return out;
}

std::string describe(const Redefinition &r) {
  // A generated command line may repeat an option thousands of times: the
  // warning names the first values and the last, and counts the others.
  constexpr size_t Shown = 8;
  std::vector<std::string> given;
  for (size_t i = 0; i < r.values.size(); ++i) {
    if (r.values.size() > Shown && i == Shown - 1)
      given.push_back(fmt::format("{} more", r.values.size() - Shown));
    if (r.values.size() > Shown && i >= Shown - 1 && i + 1 < r.values.size())
      continue;
    given.push_back(fmt::format("{} ({})", r.values[i].value,
                                r.values[i].origin));
  }
  // nvcc warns when its option's own values differ; $NVCC_CCBIN is only a
  // default that a -ccbin replaces without a word.
  std::set<std::string> optionValues;
  for (const Redefinition::Value &v : r.values)
    if (v.origin != "$NVCC_CCBIN")
      optionValues.insert(v.value);
  const Redefinition::Value &used = r.values[r.used];
  std::string out = fmt::format(
      "{} is given different values: {}; nvcc uses the last, {} from {}", r.spelling,
      llvm::join(given, ", "), used.value, used.origin);
  if (optionValues.size() > 1)
    out += fmt::format(", and warns \"incompatible redefinition for option "
                       "'{}'\"",
                       r.option);
  else
    out += ", without a warning (a -ccbin replaces $NVCC_CCBIN)";
  if (r.option == "compiler-bindir")
    out += "; cuwrap's host-compiler rule decides which host compiler runs";
  return out;
}

std::unique_ptr<Invocation> parse(llvm::ArrayRef<std::string> argv,
                                  const Environment &env) {
  auto inv = std::make_unique<Invocation>();
  CommandLine &cmd = inv->cmd;
  // nvcc reads NVCC_PREPEND_FLAGS before argv and NVCC_APPEND_FLAGS after.
  if (auto v = env.get("NVCC_PREPEND_FLAGS"))
    cmd.appendVariable("NVCC_PREPEND_FLAGS", *v);
  cmd.appendArgv(argv);
  if (auto v = env.get("NVCC_APPEND_FLAGS"))
    cmd.appendVariable("NVCC_APPEND_FLAGS", *v);
  if (auto v = env.get("NVCC_CCBIN"))
    inv->ccbinVariable = v->str();

  inv->parsed.parse(cmd, optTable(),
                    {OPT_INPUT, OPT_options_file,
                     FileOptions::AtFiles::Inputs});
  inv->warnings = cmd.warnings;
  for (std::string &w : inv->parsed.danglingWarnings(cmd))
    inv->warnings.push_back(std::move(w));
  // nvcc itself warns about these on stderr; the wrapper only records
  // where each value came from (design.md, invariant 4).
  for (const Redefinition &r : redefinitions(*inv))
    inv->warnings.push_back(describe(r));
  inv->phase = phaseOf(inv->args());
  inv->dryrun = inv->args().hasArg(OPT_dryrun);
  inv->verbose = inv->args().hasArg(OPT_verbose);
  return inv;
}

} // namespace cuwrap::nvcc
