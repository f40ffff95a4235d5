#include "NvccInvocation.h"

#include "llvm/Support/Path.h"

#include <fmt/format.h>

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
  for (unsigned w : inv->parsed.danglingWords())
    inv->warnings.push_back(fmt::format("'{}' ({}) lacks its value",
                                        cmd.words[w].text,
                                        cmd.words[w].origin.str()));
  inv->phase = phaseOf(inv->args());
  inv->dryrun = inv->args().hasArg(OPT_dryrun);
  inv->verbose = inv->args().hasArg(OPT_verbose);
  return inv;
}

} // namespace cuwrap::nvcc
