// `cuwrap explain` for nvcc: for every argument of the planned command,
// which of nvcc's sub-steps received it and in what form (from the real
// `nvcc --dryrun`, or predicted from the routes declared in NvccOptions.td
// when no dry run could be made), and the hazards nvcc's routing makes of
// the command.
#include "NvccExplain.h"

#include "Analysis.h"
#include "NvccInvocation.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <optional>
#include <set>

namespace cuwrap::nvcc {

using namespace explain;

namespace {

// The sub-steps an option's route (its group in NvccOptions.td) names;
// `anyStep`: the value is a file, read by whichever step reads it.
struct Route {
  StepSet tools;
  bool anyStep = false;
};

const StepSet PreprocessTools = {StepTool::HostCpp, StepTool::DeviceCpp,
                                 StepTool::HostCompile,
                                 StepTool::LinkStubCompile};

Route routeOf(const llvm::opt::Option &opt) {
  if (opt.getKind() == llvm::opt::Option::InputClass)
    return {{}, true};
  llvm::opt::Option group = opt.getUnaliasedOption().getGroup();
  if (!group.isValid())
    return {};
  StepSet hostAndNvlink = HostCompilerTools;
  hostAndNvlink |= StepSet{StepTool::Nvlink};
  static const std::pair<unsigned, Route> Routes[] = {
      {OPT_route_any_step, {{}, true}},
      {OPT_route_preprocessor, {PreprocessTools}},
      {OPT_route_host_compiler, {HostCompilerTools}},
      {OPT_route_host_compiler_nvlink, {hostAndNvlink}},
      {OPT_route_host_link, {{StepTool::HostLink}}},
      {OPT_route_linkers, {{StepTool::Nvlink, StepTool::HostLink}}},
      {OPT_route_nvlink, {{StepTool::Nvlink}}},
      {OPT_route_ptxas, {{StepTool::Ptxas}}},
      {OPT_route_cicc, {{StepTool::Cicc}}},
      {OPT_route_fatbinary, {{StepTool::Fatbinary}}},
      {OPT_route_cudafe, {{StepTool::Cudafe}}},
      {OPT_route_archiver, {{StepTool::Archiver}}},
  };
  for (const auto &[id, route] : Routes)
    if (group.getID() == id)
      return route;
  return {};
}

// The tools a call of this phase runs, for predicting without a dry run.
StepSet toolsOfPhase(Phase p, bool hasSources) {
  StepSet compile = {StepTool::HostCpp,   StepTool::DeviceCpp,
                     StepTool::Cudafe,    StepTool::Cicc,
                     StepTool::Ptxas,     StepTool::Fatbinary,
                     StepTool::HostCompile};
  StepSet link = {StepTool::Nvlink, StepTool::Fatbinary,
                  StepTool::LinkStubCompile, StepTool::HostLink};
  switch (p) {
  case Phase::Query:
    return {};
  case Phase::Preprocess:
    return {StepTool::HostCpp};
  case Phase::DeviceOutput:
    return {StepTool::HostCpp, StepTool::DeviceCpp, StepTool::Cudafe,
            StepTool::Cicc,    StepTool::Ptxas,     StepTool::Fatbinary};
  case Phase::Compile:
  case Phase::DeviceCompile:
    return compile;
  case Phase::DeviceLink:
    return {StepTool::Nvlink, StepTool::Fatbinary, StepTool::LinkStubCompile};
  case Phase::Library:
    compile |= StepSet{StepTool::Archiver};
    return compile;
  case Phase::Link:
    if (hasSources)
      link |= compile;
    return link;
  }
  return {};
}

std::string phaseWords(Phase p) {
  switch (p) {
  case Phase::Compile: return "a -c compile";
  case Phase::DeviceCompile: return "a -dc (relocatable device code) compile";
  case Phase::DeviceLink: return "a -dlink device link";
  case Phase::Library: return "a -lib archive step";
  case Phase::Preprocess: return "a preprocessing (-E/-M) call";
  case Phase::DeviceOutput: return "a device-output (-ptx/-cubin/-fatbin) call";
  case Phase::Query: return "a query";
  case Phase::Link: return "a link";
  }
  return "this call";
}

std::string toolNames(StepSet s) {
  std::vector<std::string> names;
  for (StepTool t : s.tools())
    names.push_back(stepToolName(t));
  return llvm::join(names, "/");
}

// Why no sub-step received an argument, in nvcc's terms.
std::string droppedReason(unsigned id, const Route &route, Phase phase,
                          StepSet present) {
  if (id == OPT_UNKNOWN)
    return "nvcc does not know this option and stops (\"nvcc fatal : Unknown "
           "option\") unless -forward-unknown-to-host-compiler/-linker is given";
  if (route.tools.empty() && !route.anyStep)
    return "nvcc consumes this option itself: it decides how the sub-steps "
           "run, and no sub-step receives it verbatim";
  bool targetPresent = route.anyStep;
  for (StepTool t : route.tools.tools())
    targetPresent |= present.contains(t);
  if (!targetPresent) {
    if (id == OPT_linker_options)
      return fmt::format("nvcc passes -Xlinker only to the final host link; "
                         "{} has none, so nvcc drops it silently",
                         phaseWords(phase));
    if (id == OPT_library || id == OPT_library_path)
      return fmt::format("-L/-l reach only nvlink and the host link; {} runs "
                         "neither",
                         phaseWords(phase));
    return fmt::format("{} runs no {} step", phaseWords(phase),
                       toolNames(route.tools));
  }
  return "not found in the argv of the sub-steps it should reach (split, "
         "expanded or rewritten on the way?)";
}

// nvcc pastes -Xcompiler/-Xlinker values into `/bin/sh -c`: a value
// double-quoted to get through whole (as the host-quoting rule writes it)
// arrives without its quotes.
std::string shellUnquoted(llvm::StringRef v) {
  std::string out;
  for (char c : v)
    if (c != '"')
      out += c;
  return out;
}

std::vector<std::string> shellUnquotedAll(llvm::ArrayRef<std::string> vals) {
  std::vector<std::string> out;
  for (const std::string &v : vals)
    out.push_back(shellUnquoted(v));
  return out;
}

// One thing an argument hands a sub-step: any of `alternatives` (a run of
// consecutive words) found in the step's argv counts, shown as `display`.
struct Element {
  std::vector<std::vector<std::string>> alternatives;
  std::string display;
};

std::vector<Element> elementsOf(const llvm::opt::Arg &a,
                                llvm::ArrayRef<std::string> spanWords) {
  unsigned id = ParsedArgs::id(a);
  std::vector<Element> out;
  auto listValues = [&] {
    std::vector<std::string> vals;
    for (const char *v : a.getValues())
      for (std::string &e : splitList(v))
        vals.push_back(std::move(e));
    return vals;
  };
  auto prefixed = [&](llvm::StringRef flag, bool joinedToo) {
    for (const std::string &e : listValues()) {
      Element el;
      el.alternatives.push_back({flag.str(), e});
      if (joinedToo)
        el.alternatives.push_back({flag.str() + e});
      el.display = flag.str() + e;
      out.push_back(std::move(el));
    }
  };
  switch (id) {
  case OPT_include_path: prefixed("-I", true); break;
  case OPT_system_include: prefixed("-isystem", false); break;
  case OPT_library_path: prefixed("-L", true); break;
  case OPT_library: prefixed("-l", true); break;
  case OPT_define_macro: prefixed("-D", true); break;
  case OPT_undefine_macro: prefixed("-U", true); break;
  case OPT_output_file: {
    std::string v = a.getValue();
    out.push_back({{{"-o", v}, {"-o" + v}}, "-o " + v});
    break;
  }
  case OPT_linker_options: {
    // `-Xlinker -rpath,/x` reaches the link as `-Xlinker -rpath -Xlinker /x`.
    std::vector<std::string> vals = listValues(), viaX, viaXShell;
    for (const std::string &v : vals) {
      viaX.push_back("-Xlinker");
      viaX.push_back(v);
      viaXShell.push_back("-Xlinker");
      viaXShell.push_back(shellUnquoted(v));
    }
    out.push_back({{viaX, {"-Wl," + llvm::join(vals, ",")}, viaXShell},
                   llvm::join(shellUnquotedAll(vals), " ")});
    break;
  }
  case OPT_compiler_options: {
    std::vector<std::string> vals = listValues();
    std::vector<std::string> shell = shellUnquotedAll(vals);
    out.push_back({{vals, shell}, llvm::join(shell, " ")});
    break;
  }
  case OPT_nvlink_options:
  case OPT_ptxas_options:
  case OPT_cicc_options:
  case OPT_fatbin_options:
  case OPT_cudafe_options:
  case OPT_archive_options: {
    std::vector<std::string> vals = listValues();
    out.push_back({{vals}, llvm::join(vals, " ")});
    break;
  }
  case OPT_INPUT:
    out.push_back({{{a.getValue()}}, a.getValue()});
    break;
  case OPT_compiler_bindir:
    out.push_back({{}, std::string("runs ") + a.getValue()});
    break;
  default:
    out.push_back({{spanWords.vec()}, llvm::join(spanWords, " ")});
    break;
  }
  return out;
}

bool containsRun(llvm::ArrayRef<std::string> hay,
                 llvm::ArrayRef<std::string> needle) {
  if (needle.empty() || needle.size() > hay.size())
    return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (std::equal(needle.begin(), needle.end(), hay.begin() + i))
      return true;
  return false;
}

// How nvcc hands an option to a sub-step in words of its own (observed
// with nvcc 13.0 --dryrun; test/explain/nvcc-translations.test checks each
// against the real nvcc): `-shared` reaches nvlink as --shared, `-G`
// reaches cudafe++ as --debug_mode, `-arch=sm_80` reaches cicc as
// `-arch compute_80`. In `words`, "{}" is the value, "{sm}" the number of
// an sm_/compute_ value, "{01}" a true/false value as 1/0; a word ending
// in '*' matches a word by its start.
struct Translation {
  unsigned id;
  llvm::StringLiteral value; // "": any value
  StepSet tools;
  std::vector<llvm::StringLiteral> words;
};

const StepSet Cpp = {StepTool::HostCpp, StepTool::DeviceCpp};
const StepSet HostSteps = {StepTool::HostCpp, StepTool::DeviceCpp,
                           StepTool::HostCompile};
const StepSet FrontEnds = {StepTool::Cudafe, StepTool::Cicc};

const std::vector<Translation> &translations() {
  static const std::vector<Translation> T = {
      {OPT_std, "", FrontEnds, {"--{}"}},
      {OPT_std, "", HostSteps, {"-std={}"}},
      {OPT_optimize, "", HostSteps, {"-O{}"}},
      {OPT_device_debug, "", {StepTool::Cicc, StepTool::Ptxas, StepTool::Nvlink}, {"-g"}},
      {OPT_device_debug, "", {StepTool::Cudafe}, {"--debug_mode"}},
      {OPT_device_debug, "", Cpp, {"-D__CUDACC_DEBUG__"}},
      {OPT_generate_line_info, "", {StepTool::Cicc}, {"-generate-line-info"}},
      {OPT_generate_line_info, "", {StepTool::Ptxas}, {"--generate-line-info"}},
      {OPT_maxrregcount, "", {StepTool::Cicc}, {"-maxreg", "{}"}},
      {OPT_maxrregcount, "", {StepTool::Ptxas}, {"-maxrregcount={}"}},
      {OPT_relocatable_device_code, "true", FrontEnds, {"--device-c"}},
      {OPT_relocatable_device_code, "true", {StepTool::Ptxas}, {"--compile-only"}},
      {OPT_relocatable_device_code, "true", Cpp, {"-D__CUDACC_RDC__"}},
      {OPT_device_c, "", FrontEnds, {"--device-c"}},
      {OPT_device_c, "", {StepTool::Ptxas}, {"--compile-only"}},
      {OPT_device_c, "", Cpp, {"-D__CUDACC_RDC__"}},
      {OPT_expt_relaxed_constexpr, "", FrontEnds, {"--relaxed_constexpr"}},
      {OPT_expt_relaxed_constexpr, "", Cpp, {"-D__CUDACC_RELAXED_CONSTEXPR__"}},
      {OPT_extended_lambda, "", FrontEnds, {"--extended-lambda"}},
      {OPT_extended_lambda, "", Cpp, {"-D__CUDACC_EXTENDED_LAMBDA__"}},
      {OPT_expt_extended_lambda, "", FrontEnds, {"--extended-lambda"}},
      {OPT_expt_extended_lambda, "", Cpp, {"-D__CUDACC_EXTENDED_LAMBDA__"}},
      {OPT_default_stream, "per-thread", Cpp, {"-DCUDA_API_PER_THREAD_DEFAULT_STREAM=1"}},
      {OPT_ftemplate_depth, "", FrontEnds, {"--pending_instantiations={}"}},
      {OPT_ftemplate_depth, "", {StepTool::HostCompile}, {"-ftemplate-depth-{}"}},
      {OPT_diag_suppress, "", FrontEnds, {"--diag_suppress", "{}"}},
      {OPT_Wno_deprecated_declarations, "", FrontEnds, {"--diag_suppress", "deprecated_entity"}},
      {OPT_Werror, "all-warnings",
       {StepTool::HostCpp, StepTool::DeviceCpp, StepTool::HostCompile,
        StepTool::LinkStubCompile},
       {"-Werror"}},
      {OPT_Werror, "all-warnings", FrontEnds, {"--promote_warnings"}},
      {OPT_Werror, "all-warnings", {StepTool::Ptxas, StepTool::Nvlink}, {"--warning-as-error"}},
      {OPT_fmad, "", {StepTool::Cicc}, {"-fmad={01}"}},
      {OPT_fmad, "", {StepTool::Ptxas}, {"--fmad", "{}"}},
      {OPT_ftz, "", {StepTool::Cicc}, {"-ftz={01}"}},
      {OPT_prec_div, "", {StepTool::Cicc}, {"-prec_div={01}"}},
      {OPT_prec_sqrt, "", {StepTool::Cicc}, {"-prec_sqrt={01}"}},
      {OPT_use_fast_math, "", {StepTool::Cicc}, {"-fast-math"}},
      {OPT_resource_usage, "", {StepTool::Ptxas}, {"-v"}},
      {OPT_restrict, "", {StepTool::Cicc}, {"-kernel-params-are-restrict"}},
      {OPT_source_in_ptx, "", {StepTool::Cicc}, {"-show-src"}},
      {OPT_gpu_architecture, "", {StepTool::Cicc}, {"-arch", "compute_{sm}"}},
      {OPT_gpu_architecture, "", {StepTool::Ptxas}, {"-arch={}"}},
      {OPT_gpu_architecture, "", {StepTool::Nvlink}, {"--arch={}"}},
      {OPT_gpu_architecture, "", {StepTool::Fatbinary}, {"--image3=kind=elf,sm={sm},*"}},
      {OPT_gpu_architecture, "",
       {StepTool::HostCpp, StepTool::DeviceCpp, StepTool::HostCompile,
        StepTool::LinkStubCompile},
       {"-D__CUDA_ARCH_LIST__={sm}0"}},
      {OPT_shared, "", {StepTool::Nvlink}, {"--shared"}},
      {OPT_shared, "", {StepTool::HostLink}, {"-shared"}},
      {OPT_shared, "", {StepTool::LinkStubCompile}, {"-fPIC"}},
      {OPT_cudart, "shared", {StepTool::HostLink}, {"-lcudart"}},
      {OPT_cudart, "static", {StepTool::HostLink}, {"-lcudart_static"}},
      {OPT_lto, "", {StepTool::Nvlink}, {"-dlto"}},
      {OPT_dlink_time_opt, "", {StepTool::Nvlink}, {"-dlto"}},
  };
  return T;
}

// A translation's words for one value, or none when the value does not fit.
std::optional<std::vector<std::string>> translate(const Translation &t,
                                                  llvm::StringRef value) {
  if (!t.value.empty() && value != t.value)
    return std::nullopt;
  std::vector<std::string> out;
  for (llvm::StringRef w : t.words) {
    std::string word = w.str();
    auto put = [&](llvm::StringRef key, llvm::StringRef with) {
      for (size_t at = word.find(key.str()); at != std::string::npos;
           at = word.find(key.str(), at + with.size()))
        word.replace(at, key.size(), with.str());
    };
    if (w.contains("{sm}")) {
      llvm::StringRef sm = value;
      if (!sm.consume_front("sm_") && !sm.consume_front("compute_"))
        return std::nullopt;
      put("{sm}", sm);
    }
    if (w.contains("{01}")) {
      if (value != "true" && value != "false")
        return std::nullopt;
      put("{01}", value == "true" ? "1" : "0");
    }
    put("{}", value);
    out.push_back(std::move(word));
  }
  return out;
}

// Where `words` stand in `argv` (a word ending in '*' matching by its
// start): the words of argv they match, or none.
std::vector<std::string> findPattern(llvm::ArrayRef<std::string> argv,
                                     llvm::ArrayRef<std::string> words) {
  if (words.empty() || words.size() > argv.size())
    return {};
  for (size_t i = 0; i + words.size() <= argv.size(); ++i) {
    bool all = true;
    for (size_t k = 0; k < words.size() && all; ++k) {
      llvm::StringRef w = words[k];
      all = w.endswith("*") ? llvm::StringRef(argv[i + k]).startswith(w.drop_back())
                            : argv[i + k] == w;
    }
    if (all)
      return argv.slice(i, words.size()).vec();
  }
  return {};
}

// What the translations say this argument became in a step of `tool`.
std::vector<std::string> translatedIn(const llvm::opt::Arg &a, StepTool tool,
                                      llvm::ArrayRef<std::string> argv) {
  unsigned id = ParsedArgs::id(a);
  std::vector<std::string> values;
  if (a.getNumValues() == 0)
    values.push_back("");
  for (const char *v : a.getValues())
    for (std::string &e : splitList(v))
      values.push_back(std::move(e));
  std::vector<std::string> found;
  for (const Translation &t : translations()) {
    if (t.id != id || !t.tools.contains(tool))
      continue;
    for (const std::string &v : values)
      if (auto words = translate(t, v)) {
        std::vector<std::string> at = findPattern(argv, *words);
        std::string shown = llvm::join(at, " ");
        if (!at.empty() && !llvm::is_contained(found, shown))
          found.push_back(shown);
      }
  }
  return found;
}

// What the hazard checks look at.
struct NvccFacts {
  const Invocation &original; // as written, before cuwrap's rules
  const Invocation &planned;
  const Config &config;
  const Environment &env;
  const DryRun *run; // null: no dry run
  std::set<const llvm::opt::Arg *> fromCuwrap;
};

void linkerOptionToNvlink(const NvccFacts &f, Report &r) {
  if (f.run) {
    for (const SubStep &s : f.run->steps)
      if (s.tool == StepTool::Nvlink)
        for (const std::string &w : s.argv)
          if (isHostLinkerOnly(w))
            r.addHazard("linker-option-to-nvlink",
                        fmt::format("nvlink (step {}) receives the host-linker "
                                    "option {}: nvlink fails with \"Unknown "
                                    "option\"",
                                    s.index, w),
                        "pass host-linker options with -Xlinker (only the "
                        "host link gets them), never -Xnvlink");
    return;
  }
  for (const llvm::opt::Arg *a : f.planned.args().filtered(OPT_nvlink_options))
    for (const char *v : a->getValues())
      for (const std::string &e : splitList(v))
        if (isHostLinkerOnly(e))
          r.addHazard("linker-option-to-nvlink",
                      fmt::format("-Xnvlink hands the host-linker option {} to "
                                  "nvlink, which fails with \"Unknown option\"",
                                  e),
                      "pass host-linker options with -Xlinker, never -Xnvlink");
}

bool isWl(const Invocation &inv, const llvm::opt::Arg &a, std::string &text) {
  unsigned id = ParsedArgs::id(a);
  if (id != OPT_UNKNOWN && id != OPT_INPUT)
    return false;
  text = shellJoin(spanTexts(inv, a));
  return llvm::StringRef(a.getSpelling()).startswith("-Wl,") ||
         llvm::StringRef(text).startswith("-Wl,");
}

void wlRejected(const NvccFacts &f, Report &r) {
  if (f.planned.forwardsUnknownToHostLinker())
    return;
  for (const llvm::opt::Arg *a : f.planned.args()) {
    std::string text;
    if (isWl(f.planned, *a, text))
      r.addHazard("wl-rejected",
                  fmt::format("nvcc rejects {} (\"nvcc fatal : Unknown "
                              "option\"): -Wl, is a gcc spelling",
                              text),
                  fmt::format("write -Xlinker {} instead",
                              llvm::StringRef(text).drop_front(4).str()));
  }
}

void hostOptionShell(const NvccFacts &f, Report &r) {
  for (const llvm::opt::Arg *a : f.planned.args()) {
    unsigned id = ParsedArgs::id(*a);
    if (id != OPT_compiler_options && id != OPT_linker_options)
      continue;
    std::string text = shellJoin(spanTexts(f.planned, *a));
    for (const char *v : a->getValues()) {
      // A rule's own words are quoted for nvcc's shell already.
      std::string trouble = f.fromCuwrap.count(a) ? "" : shellTrouble(v);
      if (!trouble.empty())
        r.addHazard("shell-split",
                    fmt::format("{} is pasted unquoted into a /bin/sh -c "
                                "command line: {}",
                                text, trouble),
                    "avoid the character, or quote for the shell inside the "
                    "value (e.g. -Xlinker -rpath,\"/dir with space\")");
      if (id == OPT_compiler_options && llvm::StringRef(v).contains("-Wl,"))
        r.addHazard("xcompiler-wl-split",
                    fmt::format("nvcc splits -Xcompiler values at commas: {} "
                                "reaches the host compiler in pieces and "
                                "breaks the link",
                                text),
                    "pass linker options with -Xlinker A,B");
    }
  }
}

void linkerOptionWithoutLink(const NvccFacts &f, Report &r) {
  if (f.planned.phase == Phase::Link)
    return;
  bool linkerOptions = f.planned.args().hasArg(OPT_linker_options);
  for (const llvm::opt::Arg *a : f.planned.args()) {
    std::string text;
    linkerOptions |= isWl(f.planned, *a, text);
  }
  if (linkerOptions)
    r.addHazard("linker-option-without-link",
                fmt::format("linker options given to {}, which links nothing: "
                            "nvcc drops them silently",
                            phaseWords(f.planned.phase)),
                "move them to the link's flags (LDFLAGS, "
                "CMAKE_*_LINKER_FLAGS), not the compile flags");
}

void twoHostCompilers(const NvccFacts &f, Report &r) {
  std::vector<std::string> ccbins;
  for (const llvm::opt::Arg *a : f.planned.args().filtered(OPT_compiler_bindir))
    if (!llvm::is_contained(ccbins, a->getValue()))
      ccbins.push_back(a->getValue());
  if (ccbins.size() > 1)
    r.addHazard("two-host-compilers",
                fmt::format("more than one host compiler is requested ({}): "
                            "nvcc warns \"incompatible redefinition\" and uses "
                            "the last",
                            llvm::join(ccbins, ", ")),
                "give -ccbin once (cuwrap's host-compiler policy 'override' "
                "settles one)");
  auto ccbinVar = f.env.getNonEmpty("NVCC_CCBIN");
  if (ccbinVar && !ccbins.empty() &&
      llvm::any_of(ccbins, [&](const std::string &c) { return c != *ccbinVar; }))
    r.addHazard("two-host-compilers",
                fmt::format("NVCC_CCBIN={} and -ccbin {} both name a host "
                            "compiler: -ccbin wins silently",
                            ccbinVar->str(), ccbins.back()),
                "unset NVCC_CCBIN or drop the -ccbin");
}

// A single-value option given different values: nvcc uses the last. The
// host compiler is left to two-host-compilers (on what runs: cuwrap's rule
// may have settled it).
void optionRedefined(const NvccFacts &f, Report &r) {
  for (const Redefinition &d : redefinitions(f.original)) {
    if (d.option == "compiler-bindir")
      continue;
    std::vector<std::string> others;
    for (size_t i = 0; i < d.values.size(); ++i)
      if (d.values[i].value != d.values[d.used].value)
        others.push_back(d.values[i].origin);
    r.addHazard("option-redefined", describe(d),
                fmt::format("give {} once, where the build means it to come "
                            "from: drop it from {}",
                            d.spelling, llvm::join(others, " and ")));
  }
}

// nvcc.profile's compiler-bindir (the dry run echoes it as
// `#$ compiler-bindir=X`) is the directory nvcc looks the host compiler up
// in: observed with nvcc 13.0, `-ccbin g++` then runs X/g++, NVCC_CCBIN and
// nvcc's own default `gcc` likewise, and only an absolute -ccbin escapes
// it. nvcc says nothing.
void profileCompilerBindir(const NvccFacts &f, Report &r) {
  if (!f.run)
    return;
  std::string dir;
  for (const auto &[k, v] : f.run->env)
    if (k == "compiler-bindir")
      dir = v;
  if (dir.empty())
    return;
  const SubStep *host = nullptr;
  for (const SubStep &s : f.run->steps)
    if (isHostCompilerTool(s.tool) && !host)
      host = &s;
  // An absolute -ccbin escapes it: nothing to say then.
  if (!host || !llvm::StringRef(host->argv.front()).startswith(dir + "/"))
    return;
  std::vector<std::string> asked;
  if (auto v = f.env.getNonEmpty("NVCC_CCBIN"))
    asked.push_back(fmt::format("{} ($NVCC_CCBIN)", v->str()));
  for (const llvm::opt::Arg *a : f.planned.args().filtered(OPT_compiler_bindir))
    asked.push_back(fmt::format(
        "{} ({})", a->getValue(),
        f.planned.cmd.words[f.planned.parsed.span(*a).front()].origin.str()));
  r.addHazard(
      "profile-compiler-bindir",
      fmt::format("nvcc.profile sets compiler-bindir={}, the directory nvcc "
                  "looks the host compiler up in{}: the host steps run {} "
                  "(step {}), and nvcc says nothing",
                  dir,
                  asked.empty() ? std::string(" (no -ccbin is given)")
                                : ", over " + llvm::join(asked, ", "),
                  host->argv.front(), host->index),
      "remove compiler-bindir from nvcc.profile, or give -ccbin as an "
      "absolute path (only that escapes it)");
}

void hostLinkRunpath(const NvccFacts &f, Report &r) {
  if (f.run) {
    for (const SubStep &s : f.run->steps)
      if (s.tool == StepTool::HostLink)
        hostLinkHazards(r, rpathsOf(s.argv, true), f.config,
                        f.planned.phase == Phase::Link,
                        fmt::format("the host link (step {})", s.index),
                        LinkRoute::Nvcc);
    return;
  }
  if (f.planned.phase != Phase::Link)
    return;
  std::vector<std::string> xl;
  for (const llvm::opt::Arg *a : f.planned.args().filtered(OPT_linker_options))
    for (const char *v : a->getValues())
      for (std::string &e : splitList(v)) {
        xl.push_back("-Xlinker");
        xl.push_back(std::move(e));
      }
  hostLinkHazards(r, rpathsOf(xl, true), f.config, true, "the host link",
                  LinkRoute::Nvcc);
}

// In the order their findings are listed.
const HazardCheck<NvccFacts> Checks[] = {
    {"linker-option-to-nvlink", linkerOptionToNvlink},
    {"wl-rejected", wlRejected},
    {"shell-split", hostOptionShell},
    {"linker-option-without-link", linkerOptionWithoutLink},
    {"two-host-compilers", twoHostCompilers},
    {"option-redefined", optionRedefined},
    {"profile-compiler-bindir", profileCompilerBindir},
    {"runpath", hostLinkRunpath},
};

class NvccExplainer final : public Explainer {
public:
  std::vector<std::string> dryRunArgs() const override { return {"--dryrun"}; }
  Report analyze(const ExplainInput &in) const override;
};

Report NvccExplainer::analyze(const ExplainInput &in) const {
  const auto &original = static_cast<const Invocation &>(in.original);
  const auto &planned = static_cast<const Invocation &>(in.planned);
  Report r;
  r.personality = in.invokedAs;
  r.listsSubSteps = true;
  r.phase = phaseName(planned.phase);
  r.program = in.plan.program;
  r.args = in.plan.args;
  r.edits = in.plan.edits;
  r.envEdits = in.plan.env;

  // A dry run that fails before its first sub-step (an unknown option, a
  // missing host compiler) still leaves nvcc's rules to predict from.
  std::optional<DryRun> parsedRun;
  if (in.dryRun) {
    parsedRun = parseDryRun(in.dryRun->text);
    r.dryRun = true;
    r.dryRunStatus = in.dryRun->status;
    r.run.messages = parsedRun->messages;
    r.run.env = parsedRun->env;
    if (in.dryRun->status != 0 && parsedRun->steps.empty())
      parsedRun.reset();
    else
      r.run = *parsedRun;
  }
  const DryRun *run = parsedRun ? &*parsedRun : nullptr;

  ArgumentOrigins origins(original, in.plan.edits);

  bool hasSources = false;
  for (const llvm::opt::Arg *a : planned.args().filtered(OPT_INPUT)) {
    llvm::StringRef v = a->getValue();
    hasSources |= !v.endswith(".o") && !v.endswith(".a") && !v.endswith(".so");
  }
  StepSet present;
  if (run)
    for (const SubStep &s : run->steps)
      present |= StepSet{s.tool};
  else
    present = toolsOfPhase(planned.phase, hasSources);

  NvccFacts facts{original, planned, in.config, in.plannedEnv, run, {}};
  std::vector<WordIndex> stepWords;
  if (run)
    for (const SubStep &s : run->steps)
      stepWords.emplace_back(llvm::makeArrayRef(s.argv).drop_front());
  for (const llvm::opt::Arg *a : planned.args()) {
    unsigned id = ParsedArgs::id(*a);
    if (id == OPT_options_file || id == OPT_dryrun)
      continue; // containers: their words are listed one by one
    ArgumentReport ar;
    ar.words = spanTexts(planned, *a);
    ar.origin = origins.take(ar.words);
    if (llvm::StringRef(ar.origin).startswith("cuwrap"))
      facts.fromCuwrap.insert(a);
    Route route = routeOf(a->getOption());
    std::vector<Element> elements = elementsOf(*a, ar.words);
    if (run) {
      for (size_t k = 0; k < run->steps.size(); ++k) {
        const SubStep &s = run->steps[k];
        llvm::ArrayRef<std::string> argv = s.argv;
        std::vector<std::string> found;
        if (id == OPT_compiler_bindir) {
          llvm::StringRef v = a->getValue();
          llvm::StringRef a0 = argv.front();
          if (isHostCompilerTool(s.tool) &&
              (a0 == v || a0.startswith(v.str() + "/")))
            found.push_back(a0.str());
          if (containsRun(argv, {"--host-ccbin", v.str()}))
            found.push_back("--host-ccbin " + v.str());
        } else {
          for (const Element &el : elements)
            for (const auto &alt : el.alternatives)
              if (stepWords[k].containsRun(alt)) {
                found.push_back(el.display);
                break;
              }
          // In nvcc's own words for this step, where the user's are not.
          if (found.empty())
            found = translatedIn(*a, s.tool, argv.drop_front());
        }
        if (!found.empty())
          ar.reached.push_back({s.index, stepName(s), llvm::join(found, " ")});
      }
    } else if (!route.anyStep) {
      std::string as;
      for (const Element &el : elements)
        as += (as.empty() ? "" : " ") + el.display;
      for (StepTool t : route.tools.tools())
        if (present.contains(t))
          ar.reached.push_back({0, stepToolName(t), as});
    }
    if (ar.reached.empty() && !(route.anyStep && !run))
      ar.droppedReason = droppedReason(id, route, planned.phase, present);
    r.arguments.push_back(std::move(ar));
  }
  // What the rules took out reaches nothing.
  for (auto &[ar, removedBy] : origins.leftovers()) {
    if (!removedBy && original.args().hasArg(OPT_options_file))
      continue; // read from a file that cuwrap rewrote; listed as planned
    if (!removedBy)
      ar.droppedReason = "not in the planned command";
    r.arguments.push_back(std::move(ar));
  }

  runChecks<NvccFacts>(Checks, facts, r);
  return r;
}

} // namespace

const explain::Explainer &explainer() {
  static const NvccExplainer e;
  return e;
}

} // namespace cuwrap::nvcc
