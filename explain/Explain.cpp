#include "Explain.h"

#include "ParsedArgs.h"
#include "Record.h"
#include "RunpathPolicy.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace cuwrap::explain {

using nvcc::Phase;

namespace {

// One thing an argument hands a sub-step: any of `alternatives` (a run of
// consecutive words) found in the step's argv counts, shown as `display`.
struct Element {
  std::vector<std::vector<std::string>> alternatives;
  std::string display;
};

// Where nvcc sends an option (nvcc-facts.md, "Where flags go").
struct Route {
  std::set<std::string> tools;  // empty: nvcc consumes it itself
  bool anyStep = false;         // inputs and -o: whichever step reads them
};

const std::set<std::string> PreprocessTools = {
    "host-cpp", "device-cpp", "host-compile", "link-stub-compile"};
const std::set<std::string> HostCompilerTools = {
    "host-cpp", "device-cpp", "host-compile", "link-stub-compile", "host-link"};

Route routeOf(unsigned id) {
  using namespace nvcc;
  switch (id) {
  case OPT_linker_options:
    return {{"host-link"}};
  case OPT_compiler_options:
    return {HostCompilerTools};
  case OPT_include_path:
  case OPT_system_include:
  case OPT_define_macro:
  case OPT_undefine_macro:
    return {PreprocessTools};
  case OPT_library_path:
  case OPT_library:
    return {{"nvlink", "host-link"}};
  case OPT_nvlink_options:
    return {{"nvlink"}};
  case OPT_ptxas_options:
    return {{"ptxas"}};
  case OPT_fatbin_options:
    return {{"fatbinary"}};
  case OPT_cudafe_options:
    return {{"cudafe++"}};
  case OPT_archive_options:
    return {{"archiver"}};
  case OPT_compiler_bindir: {
    Route r{HostCompilerTools};
    r.tools.insert("nvlink");
    return r;
  }
  case OPT_INPUT:
  case OPT_output_file:
    return {{}, true};
  default:
    return {};
  }
}

// The tools a call of this phase runs, for predicting without a dry run.
std::set<std::string> toolsOfPhase(Phase p, bool hasSources) {
  std::set<std::string> compile = {"host-cpp", "device-cpp", "cudafe++", "cicc",
                                   "ptxas", "fatbinary", "host-compile"};
  std::set<std::string> link = {"nvlink", "fatbinary", "link-stub-compile",
                                "host-link"};
  switch (p) {
  case Phase::Query:
    return {};
  case Phase::Preprocess:
    return {"host-cpp"};
  case Phase::DeviceOutput:
    return {"host-cpp", "device-cpp", "cudafe++", "cicc", "ptxas", "fatbinary"};
  case Phase::Compile:
  case Phase::DeviceCompile:
    return compile;
  case Phase::DeviceLink:
    return {"nvlink", "fatbinary", "link-stub-compile"};
  case Phase::Library:
    compile.insert("archiver");
    return compile;
  case Phase::Link:
    if (hasSources)
      link.insert(compile.begin(), compile.end());
    return link;
  }
  return {};
}

bool isLinkingPhase(Phase p) { return p == Phase::Link; }

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

// Why no sub-step received an argument, in nvcc's terms.
std::string droppedReason(unsigned id, const Route &route, Phase phase,
                          const std::set<std::string> &present) {
  using namespace nvcc;
  if (id == OPT_UNKNOWN)
    return "nvcc does not know this option and stops (\"nvcc fatal : Unknown "
           "option\") unless -forward-unknown-to-host-compiler/-linker is given";
  if (route.tools.empty() && !route.anyStep)
    return "nvcc consumes this option itself: it decides how the sub-steps "
           "run, and no sub-step receives it verbatim";
  bool targetPresent = route.anyStep;
  for (const std::string &t : route.tools)
    targetPresent |= present.count(t) > 0;
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
                       llvm::join(route.tools.begin(), route.tools.end(), "/"));
  }
  return "not found in the argv of the sub-steps it should reach (split, "
         "expanded or rewritten on the way?)";
}

// nvcc pastes -Xcompiler/-Xlinker values into `/bin/sh -c` (nvcc-facts.md):
// a value double-quoted to get through whole (as the host-quoting rule
// writes it) arrives without its quotes.
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

std::vector<Element> elementsOf(const llvm::opt::Arg &a,
                                llvm::ArrayRef<std::string> spanWords) {
  using namespace nvcc;
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
    // Pasted into nvcc's /bin/sh -c too: double quotes keep a value whole
    // and are gone when it arrives.
    std::vector<std::string> vals = listValues();
    std::vector<std::string> shell = shellUnquotedAll(vals);
    out.push_back({{vals, shell}, llvm::join(shell, " ")});
    break;
  }
  case OPT_nvlink_options:
  case OPT_ptxas_options:
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

std::string keyOf(llvm::ArrayRef<std::string> words) {
  return llvm::join(words, std::string(1, '\x1f'));
}

std::vector<std::string> spanTexts(const CommandLine &cmd, const ParsedArgs &p,
                                   const llvm::opt::Arg &a) {
  std::vector<std::string> out;
  for (unsigned w : p.span(a))
    out.push_back(cmd.words[w].text);
  return out;
}

const Edit *editRemoving(const std::vector<Edit> &edits,
                         llvm::ArrayRef<std::string> words) {
  for (const std::string &w : llvm::reverse(words))
    for (const Edit &e : edits)
      if (llvm::is_contained(e.removed, w))
        return &e;
  return nullptr;
}

// Origins of the words as written, to name where each planned argument came
// from; what is left over afterwards is what the rules removed.
struct OriginIndex {
  std::multimap<std::string, std::string> byKey;
  const std::vector<Edit> *edits;

  std::string take(llvm::ArrayRef<std::string> words) {
    auto it = byKey.find(keyOf(words));
    if (it != byKey.end()) {
      std::string o = it->second;
      byKey.erase(it);
      return o;
    }
    // The last word is the one that names the edit: the first is often an
    // option name (-Xlinker, -ccbin) that several rules add.
    for (const std::string &w : llvm::reverse(words))
      for (const Edit &e : *edits)
        if (llvm::is_contained(e.added, w))
          return fmt::format("cuwrap ({})", e.rule);
    return "cuwrap";
  }

  // The user's arguments no planned argument took: each with the rule that
  // removed it, or a null rule when none did (gone some other way).
  std::vector<std::pair<ArgumentReport, const Edit *>> leftovers() const {
    std::vector<std::pair<ArgumentReport, const Edit *>> out;
    for (const auto &[key, origin] : byKey) {
      llvm::SmallVector<llvm::StringRef, 4> parts;
      llvm::StringRef(key).split(parts, '\x1f');
      ArgumentReport ar;
      for (auto p : parts)
        ar.words.push_back(p.str());
      ar.origin = origin;
      const Edit *e = editRemoving(*edits, ar.words);
      if (e)
        ar.droppedReason =
            fmt::format("removed by cuwrap ({}): {}", e->rule, e->reason);
      out.emplace_back(std::move(ar), e);
    }
    return out;
  }
};

void addHazard(Report &r, std::string kind, std::string message, std::string fix) {
  for (const Hazard &h : r.hazards)
    if (h.kind == kind && h.message == message)
      return;
  r.hazards.push_back({std::move(kind), std::move(message), std::move(fix)});
}

const char *const HostLinkerOnly[] = {
    "-rpath", "-rpath-link", "--rpath", "-soname", "--enable-new-dtags",
    "--disable-new-dtags", "--as-needed", "--no-as-needed", "--start-group",
    "--end-group", "-Bstatic", "-Bdynamic", "--dynamic-linker", "-z"};

bool isHostLinkerOnly(llvm::StringRef w) {
  for (const char *o : HostLinkerOnly)
    if (w == o || (w.startswith(o) && w.drop_front(strlen(o)).startswith("=")))
      return true;
  return w.startswith("-Wl,");
}

// What nvcc's /bin/sh -c will do to an -Xcompiler/-Xlinker value pasted in
// unquoted (nvcc-facts.md), or empty when nothing.
std::string shellTrouble(llvm::StringRef v) {
  std::vector<std::string> what;
  if (v.find_first_of(" \t\n") != llvm::StringRef::npos)
    what.push_back("a blank splits it into several words");
  if (v.contains('$'))
    what.push_back("'$' expands a variable");
  if (v.contains('`'))
    what.push_back("a backquote runs a command");
  if (v.find_first_of("\"'") != llvm::StringRef::npos)
    what.push_back("the shell removes its quotes");
  if (v.contains('\\'))
    what.push_back("the shell eats its backslashes");
  return llvm::join(what, ", ");
}

std::string driverDirOf(const Config &c) { return c.driverDir.value; }

void hostLinkHazards(Report &r, llvm::ArrayRef<std::string> rpaths,
                     const Config &config, bool finalLink, llvm::StringRef where,
                     bool linkerItself = false) {
  for (const std::string &p : rpaths)
    if (llvm::StringRef(p).contains("/stubs"))
      addHazard(r, "stubs-runpath",
                fmt::format("{} puts the stubs directory {} into RUNPATH: the "
                            "program would load the stub libcuda.so and fail "
                            "with \"CUDA driver is a stub library\"",
                            where.str(), p),
                "link against the stubs with -L only; never -rpath a stubs "
                "directory");
  std::string driver = driverDirOf(config);
  if (finalLink && !driver.empty() && !llvm::is_contained(rpaths, driver))
    addHazard(r, "missing-driver-runpath",
              fmt::format("{} passes no -rpath {}: the program cannot find "
                          "libcuda.so.1 at run time (static cudart dlopens it "
                          "too) unless a later step adds it",
                          where.str(), driver),
              linkerItself
                  ? fmt::format("add -rpath {} to this link", driver)
                  : fmt::format("add -Xlinker -rpath,{} to the link (or put "
                                "cuwrap's ld wrapper first on PATH)",
                                driver));
}

} // namespace

std::vector<std::string> rpathsOf(llvm::ArrayRef<std::string> argv,
                                  bool compilerDriver) {
  std::vector<std::string> words;
  if (compilerDriver) {
    for (size_t i = 0; i < argv.size(); ++i) {
      llvm::StringRef w = argv[i];
      if (w.startswith("-Wl,")) {
        llvm::SmallVector<llvm::StringRef, 4> parts;
        w.drop_front(4).split(parts, ',');
        for (auto p : parts)
          words.push_back(p.str());
      } else if (w == "-Xlinker" && i + 1 < argv.size()) {
        words.push_back(argv[++i]);
      }
    }
  } else {
    words = argv.vec();
  }
  return rpathsInLinkerWords(words);
}

Report analyzeNvcc(const nvcc::Invocation &original,
                   const nvcc::Invocation &planned, const Plan &plan,
                   const Config &config, const Environment &plannedEnv,
                   const DryRun *run) {
  using namespace nvcc;
  Report r;
  r.personality = "nvcc";
  r.phase = phaseName(planned.phase);
  r.program = plan.program;
  r.args = plan.args;
  r.edits = plan.edits;
  r.envEdits = plan.env;
  r.dryRun = run != nullptr;
  if (run)
    r.run = *run;

  OriginIndex origins{{}, &plan.edits};
  for (const llvm::opt::Arg *a : original.args()) {
    auto words = spanTexts(original.cmd, original.parsed, *a);
    unsigned first = original.parsed.span(*a).front();
    origins.byKey.emplace(keyOf(words), original.cmd.words[first].origin.str());
  }

  bool hasSources = false;
  for (const llvm::opt::Arg *a : planned.args().filtered(OPT_INPUT))
    hasSources |= !llvm::StringRef(a->getValue()).endswith(".o") &&
                  !llvm::StringRef(a->getValue()).endswith(".a") &&
                  !llvm::StringRef(a->getValue()).endswith(".so");
  std::set<std::string> present;
  if (run)
    for (const SubStep &s : run->steps)
      present.insert(s.tool);
  else
    present = toolsOfPhase(planned.phase, hasSources);

  // Arguments a rule wrote (host-quoting, wl-to-xlinker, runpath): their
  // words are quoted for nvcc's shell already.
  std::set<const llvm::opt::Arg *> fromCuwrap;
  for (const llvm::opt::Arg *a : planned.args()) {
    unsigned id = ParsedArgs::id(*a);
    if (id == OPT_options_file || id == OPT_dryrun)
      continue; // containers: their words are listed one by one
    ArgumentReport ar;
    ar.words = spanTexts(planned.cmd, planned.parsed, *a);
    ar.origin = origins.take(ar.words);
    if (llvm::StringRef(ar.origin).startswith("cuwrap"))
      fromCuwrap.insert(a);
    Route route = routeOf(id);
    std::vector<Element> elements = elementsOf(*a, ar.words);
    if (run) {
      for (const SubStep &s : run->steps) {
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
              if (containsRun(argv.drop_front(), alt)) {
                found.push_back(el.display);
                break;
              }
        }
        if (!found.empty())
          ar.reached.push_back({s.index, s.tool, llvm::join(found, " ")});
      }
    } else if (!route.anyStep) {
      std::string as;
      for (const Element &el : elements)
        as += (as.empty() ? "" : " ") + el.display;
      for (const std::string &t : route.tools)
        if (present.count(t))
          ar.reached.push_back({0, t, as});
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

  // Hazards, from the planned words and, when there is one, the dry run.
  if (run)
    for (const SubStep &s : run->steps)
      if (s.tool == "nvlink")
        for (const std::string &w : s.argv)
          if (isHostLinkerOnly(w))
            addHazard(r, "linker-option-to-nvlink",
                      fmt::format("nvlink (step {}) receives the host-linker "
                                  "option {}: nvlink fails with \"Unknown "
                                  "option\"",
                                  s.index, w),
                      "pass host-linker options with -Xlinker (only the host "
                      "link gets them), never -Xnvlink");
  for (const llvm::opt::Arg *a : planned.args().filtered(OPT_nvlink_options))
    for (const char *v : a->getValues())
      for (const std::string &e : splitList(v))
        if (isHostLinkerOnly(e) && !run)
          addHazard(r, "linker-option-to-nvlink",
                    fmt::format("-Xnvlink hands the host-linker option {} to "
                                "nvlink, which fails with \"Unknown option\"",
                                e),
                    "pass host-linker options with -Xlinker, never -Xnvlink");

  bool forwardUnknown = planned.args().hasArg(OPT_forward_unknown_to_host_linker,
                                              OPT_forward_unknown_opts);
  bool linkerOptions = false;
  for (const llvm::opt::Arg *a : planned.args()) {
    unsigned id = ParsedArgs::id(*a);
    std::string text = shellJoin(spanTexts(planned.cmd, planned.parsed, *a));
    if (id == OPT_UNKNOWN || id == OPT_INPUT) {
      if (llvm::StringRef(a->getSpelling()).startswith("-Wl,") ||
          llvm::StringRef(text).startswith("-Wl,")) {
        linkerOptions = true;
        if (!forwardUnknown)
          addHazard(r, "wl-rejected",
                    fmt::format("nvcc rejects {} (\"nvcc fatal : Unknown "
                                "option\"): -Wl, is a gcc spelling",
                                text),
                    fmt::format("write -Xlinker {} instead",
                                llvm::StringRef(text).drop_front(4).str()));
      }
    }
    if (id == OPT_linker_options)
      linkerOptions = true;
    if (id == OPT_compiler_options || id == OPT_linker_options) {
      for (const char *v : a->getValues()) {
        std::string trouble = fromCuwrap.count(a) ? "" : shellTrouble(v);
        if (!trouble.empty())
          addHazard(r, "shell-split",
                    fmt::format("{} is pasted unquoted into a /bin/sh -c "
                                "command line: {}",
                                text, trouble),
                    "avoid the character, or quote for the shell inside the "
                    "value (e.g. -Xlinker -rpath,\"/dir with space\")");
        if (id == OPT_compiler_options && llvm::StringRef(v).contains("-Wl,"))
          addHazard(r, "xcompiler-wl-split",
                    fmt::format("nvcc splits -Xcompiler values at commas: {} "
                                "reaches the host compiler in pieces and breaks "
                                "the link",
                                text),
                    "pass linker options with -Xlinker A,B");
      }
    }
  }
  if (linkerOptions && !isLinkingPhase(planned.phase))
    addHazard(r, "linker-option-without-link",
              fmt::format("linker options given to {}, which links nothing: "
                          "nvcc drops them silently",
                          phaseWords(planned.phase)),
              "move them to the link's flags (LDFLAGS, CMAKE_*_LINKER_FLAGS), "
              "not the compile flags");

  std::vector<std::string> ccbins;
  for (const llvm::opt::Arg *a : planned.args().filtered(OPT_compiler_bindir))
    if (!llvm::is_contained(ccbins, a->getValue()))
      ccbins.push_back(a->getValue());
  if (ccbins.size() > 1)
    addHazard(r, "two-host-compilers",
              fmt::format("more than one host compiler is requested ({}): nvcc "
                          "warns \"incompatible redefinition\" and uses the last",
                          llvm::join(ccbins, ", ")),
              "give -ccbin once (cuwrap's host-compiler policy 'override' "
              "settles one)");
  auto ccbinVar = plannedEnv.getNonEmpty("NVCC_CCBIN");
  if (ccbinVar && !ccbins.empty() &&
      llvm::any_of(ccbins, [&](const std::string &c) { return c != *ccbinVar; }))
    addHazard(r, "two-host-compilers",
              fmt::format("NVCC_CCBIN={} and -ccbin {} both name a host "
                          "compiler: -ccbin wins silently",
                          ccbinVar->str(), ccbins.back()),
              "unset NVCC_CCBIN or drop the -ccbin");

  if (run) {
    for (const SubStep &s : run->steps)
      if (s.tool == "host-link")
        hostLinkHazards(r, rpathsOf(s.argv, true), config,
                        planned.phase == Phase::Link,
                        fmt::format("the host link (step {})", s.index));
  } else if (planned.phase == Phase::Link) {
    std::vector<std::string> xl;
    for (const llvm::opt::Arg *a : planned.args().filtered(OPT_linker_options))
      for (const char *v : a->getValues())
        for (std::string &e : splitList(v)) {
          xl.push_back("-Xlinker");
          xl.push_back(std::move(e));
        }
    hostLinkHazards(r, rpathsOf(xl, true), config, true, "the host link");
  }
  return r;
}

std::vector<devcode::LinkInput> linkInputsOf(const ld::Invocation &inv,
                                             llvm::StringRef cwd) {
  using namespace ld;
  // GNU ld: every -L applies to every -l, wherever it stands.
  std::vector<std::string> dirs = inv.values(OPT_library_path);
  auto exists = [&](const std::string &dir, const std::string &name,
                    std::string &found) {
    llvm::SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    llvm::SmallString<256> abs(p);
    if (!llvm::sys::path::is_absolute(abs) && !cwd.empty()) {
      abs = cwd;
      llvm::sys::path::append(abs, p);
    }
    if (!llvm::sys::fs::exists(abs))
      return false;
    found = std::string(p);
    return true;
  };
  std::vector<devcode::LinkInput> out;
  bool whole = false, staticOnly = inv.args().hasArg(OPT_static);
  for (const llvm::opt::Arg *a : inv.args()) {
    switch (ParsedArgs::id(*a)) {
    case OPT_INPUT:
      // `@file`: its words are parsed in its place already.
      if (!llvm::StringRef(a->getValue()).startswith("@"))
        out.push_back({a->getValue(), "", whole});
      break;
    case OPT_whole_archive: whole = true; break;
    case OPT_no_whole_archive: whole = false; break;
    case OPT_Bstatic: staticOnly = true; break;
    case OPT_Bdynamic: staticOnly = false; break;
    case OPT_library: {
      llvm::StringRef v = a->getValue();
      std::vector<std::string> names;
      if (v.startswith(":"))
        names.push_back(v.drop_front().str());
      else {
        if (!staticOnly)
          names.push_back(("lib" + v + ".so").str());
        names.push_back(("lib" + v + ".a").str());
      }
      devcode::LinkInput in{"", ("-l" + v).str(), whole};
      for (const std::string &d : dirs) {
        for (const std::string &n : names)
          if (exists(d, n, in.path))
            break;
        if (!in.path.empty())
          break;
      }
      out.push_back(std::move(in));
      break;
    }
    default:
      break;
    }
  }
  return out;
}

Report analyzeLd(const ld::Invocation &original, const ld::Invocation &planned,
                 const Plan &plan, const Config &config, llvm::StringRef cwd) {
  Report r;
  r.personality = original.personality;
  r.phase = ld::kindName(planned.kind);
  r.program = plan.program;
  r.args = plan.args;
  r.edits = plan.edits;
  r.envEdits = plan.env;
  SubStep step;
  step.index = 1;
  step.tool = "linker";
  step.argv.push_back(plan.program);
  step.argv.insert(step.argv.end(), plan.args.begin(), plan.args.end());
  r.run.steps.push_back(step);

  OriginIndex origins{{}, &plan.edits};
  for (const llvm::opt::Arg *a : original.args()) {
    auto words = spanTexts(original.cmd, original.parsed, *a);
    unsigned first = original.parsed.span(*a).front();
    origins.byKey.emplace(keyOf(words), original.cmd.words[first].origin.str());
  }
  for (const llvm::opt::Arg *a : planned.args()) {
    ArgumentReport ar;
    ar.words = spanTexts(planned.cmd, planned.parsed, *a);
    ar.origin = origins.take(ar.words);
    ar.reached.push_back({1, "linker", llvm::join(ar.words, " ")});
    r.arguments.push_back(std::move(ar));
  }
  for (auto &[ar, removedBy] : origins.leftovers()) {
    if (!removedBy)
      ar.droppedReason = "not in the planned command";
    r.arguments.push_back(std::move(ar));
  }
  bool links = planned.kind == ld::Kind::Executable || planned.kind == ld::Kind::Shared;
  hostLinkHazards(r, rpathsOf(plan.args, false), config, links, "this link",
                  /*linkerItself=*/true);
  // Device code in the inputs: only links that make a program or a shared
  // library need their relocatable device code device-linked (`ld -r` may
  // pass it on as it is).
  if (!cwd.empty() && (links || planned.kind == ld::Kind::Static)) {
    r.linkInputs = devcode::analyzeLinkInputs(
        linkInputsOf(planned, cwd), cwd,
        planned.kind == ld::Kind::Shared ? devcode::LinkKind::SharedLibrary
                                         : devcode::LinkKind::Program);
    r.hazards.insert(r.hazards.end(), r.linkInputs.hazards.begin(),
                     r.linkInputs.hazards.end());
  }
  return r;
}

} // namespace cuwrap::explain
