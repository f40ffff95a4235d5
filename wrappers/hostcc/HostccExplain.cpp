// `cuwrap explain -- g++ ARGS` (gcc, clang and their C drivers alike): the
// route CMake links CUDA programs by. The driver lists what it would run
// with -### (nothing is built); each user argument is looked up in the
// sub-steps' argv, and the link line (collect2's, or the ld clang runs) is
// read with the ld personality's table and analysed as ld's own calls are:
// RUNPATH, and the device code of the link's inputs. When that ld is
// cuwrap's wrapper (a -B<wrappers>/ directory, or PATH), the line is
// analysed as the wrapper's rules will pass it on.
#include "HostccExplain.h"

#include "Analysis.h"
#include "HostccInvocation.h"
#include "LdExplain.h"
#include "LdInvocation.h"
#include "Paths.h"
#include "PlanBuilder.h"
#include "RecordView.h"
#include "ToolLookup.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <fmt/format.h>

namespace cuwrap::ld {
std::unique_ptr<Personality> create(const PersonalityInfo &);
} // namespace cuwrap::ld

namespace cuwrap::hostcc {

using namespace explain;

namespace {

// The lines of -### output that say which compiler this is, not what it
// would run.
bool isBanner(llvm::StringRef line) {
  for (llvm::StringRef p :
       {"Using built-in specs.", "Target: ", "Configured with: ",
        "Thread model: ", "Supported LTO compression algorithms: ",
        "gcc version ", "InstalledDir: ", "Found candidate GCC installation",
        "Selected GCC installation", "Candidate multilib", "Selected multilib"})
    if (line.startswith(p))
      return true;
  return line.contains("clang version ");
}

bool isEnvLine(llvm::StringRef line) {
  size_t eq = line.find('=');
  if (eq == 0 || eq == llvm::StringRef::npos)
    return false;
  return llvm::all_of(line.take_front(eq), [](char c) {
    return (c >= 'A' && c <= 'Z') || llvm::isDigit(c) || c == '_';
  });
}

StepTool classifyDriverStep(const std::vector<std::string> &argv,
                            std::string &program) {
  llvm::StringRef base = llvm::sys::path::filename(argv.front());
  program = base.str();
  llvm::StringRef first = argv.size() > 1 ? llvm::StringRef(argv[1]) : "";
  for (llvm::StringRef cc1 : {"cc1", "cc1plus", "cc1obj", "cc1objplus", "lto1"})
    if (base == cc1)
      return StepTool::HostCompile;
  if (first == "-cc1")
    return StepTool::HostCompile;
  if (first == "-cc1as" || base == "as" || base.endswith("-as")) {
    program = "as";
    return StepTool::Other;
  }
  if (base.endswith("-ld") || base.contains("-ld."))
    return StepTool::Linker;
  return classifyStep(argv);
}

} // namespace

DryRun parseListing(llvm::StringRef text) {
  DryRun run;
  llvm::SmallVector<llvm::StringRef, 32> lines;
  text.split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef line : lines) {
    line = line.rtrim("\r");
    if (line.startswith(" ")) {
      llvm::StringRef cmdText = line.trim();
      if (cmdText.empty() || cmdText == "(in-process)")
        continue;
      ShellCommand cmd = splitShellWords(cmdText);
      if (cmd.words.empty())
        continue;
      SubStep step;
      step.index = run.steps.size() + 1;
      step.tool = classifyDriverStep(cmd.words, step.program);
      step.argv = std::move(cmd.words);
      step.redirections = std::move(cmd.redirections);
      step.line = cmdText.str();
      run.steps.push_back(std::move(step));
    } else if (isEnvLine(line)) {
      auto [name, value] = line.split('=');
      run.env.emplace_back(name.str(), value.str());
    } else if (!isBanner(line)) {
      run.messages.push_back(line.str());
    }
  }
  return run;
}

namespace {

// Options that only mean something to the link.
bool isLinkOnly(unsigned id) {
  switch (id) {
  case OPT_library: case OPT_library_path: case OPT_wl: case OPT_xlinker:
  case OPT_z: case OPT_undefined: case OPT_script: case OPT_entry:
  case OPT_fuse_ld: case OPT_rdynamic: case OPT_shared: case OPT_static:
  case OPT_static_pie: case OPT_relocatable: case OPT_nostdlib:
  case OPT_nostartfiles: case OPT_nodefaultlibs:
    return true;
  default:
    return false;
  }
}

// Options the driver acts on itself: which programs run, and how.
bool isConsumed(unsigned id) {
  switch (id) {
  case OPT_dry_run: case OPT_prefix_dir: case OPT_language: case OPT_specs:
  case OPT_compile: case OPT_assemble: case OPT_preprocess: case OPT_target:
  case OPT_wrapper: case OPT_fuse_ld:
    return true;
  default:
    return false;
  }
}

std::string kindWords(Kind k) {
  switch (k) {
  case Kind::Query: return "a query";
  case Kind::Preprocess: return "a preprocessing (-E/-M) call";
  case Kind::Assembly: return "an -S compile";
  case Kind::Compile: return "a -c compile";
  default: return "a link";
  }
}

// The runs of words in which a sub-step may receive an argument: `-I/x`
// reaches cc1plus as `-I /x`, `-Wl,-rpath,/x` reaches the linker as
// `-rpath /x`, `-Xlinker X` as `X`.
std::vector<std::vector<std::string>>
alternativesOf(const llvm::opt::Arg &a, llvm::ArrayRef<std::string> span) {
  unsigned id = ParsedArgs::id(a);
  std::vector<std::string> values;
  for (const char *v : a.getValues())
    values.push_back(v);
  switch (id) {
  case OPT_INPUT:
    return {{a.getValue()}};
  case OPT_UNKNOWN:
    return {span.vec()};
  case OPT_wl:
  case OPT_wa:
  case OPT_wp:
    return {values};
  case OPT_xlinker:
  case OPT_xassembler:
  case OPT_xpreprocessor:
  case OPT_xclang:
    return {{a.getValue()}};
  default:
    break;
  }
  if (values.empty())
    return {{a.getSpelling().str()}};
  llvm::StringRef spelling = a.getSpelling();
  std::string v = values.front();
  std::vector<std::vector<std::string>> out = {{spelling.str() + v}};
  out.push_back({spelling.rtrim('=').str(), v});
  return out;
}

std::string droppedReason(unsigned id, const llvm::opt::Arg &a, Kind kind,
                          bool listed) {
  if (!listed)
    return "the driver listed no sub-steps";
  if (isLinkOnly(id) && !links(kind))
    return fmt::format("{} runs no link: the driver ignores linker options "
                       "(gcc without a word, clang with \"argument unused\")",
                       kindWords(kind));
  if (id == OPT_INPUT && !links(kind)) {
    llvm::StringRef ext = llvm::sys::path::extension(a.getValue());
    if (ext == ".o" || ext == ".a" || ext == ".so")
      return fmt::format("{} runs no link: the driver warns \"linker input "
                         "file unused because linking not done\"",
                         kindWords(kind));
  }
  if (isConsumed(id))
    return "the driver consumes this option itself: it decides which "
           "programs run and how, and no sub-step receives it verbatim";
  return "not in any sub-step's argv as written: the driver consumed or "
         "rewrote it (or does not know it: see its messages)";
}

// The `ld` a link step runs: clang names it; collect2 looks for `ld` (or
// ld.<name> for -fuse-ld=<name>) in COMPILER_PATH (the -B directories and
// gcc's own), then on PATH.
std::string linkerOf(const SubStep &s, const DryRun &run,
                     const Invocation &planned, const Environment &env) {
  if (s.program != "collect2")
    return s.argv.front();
  std::string name = "ld";
  if (const llvm::opt::Arg *f = planned.args().getLastArg(OPT_fuse_ld))
    name = std::string("ld.") + f->getValue();
  std::vector<std::string> dirs;
  auto addDirs = [&](llvm::StringRef list) {
    llvm::SmallVector<llvm::StringRef, 16> parts;
    list.split(parts, ':', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef p : parts)
      dirs.push_back(p.str());
  };
  for (const auto &[k, v] : run.env)
    if (k == "COMPILER_PATH")
      addDirs(v);
  if (auto path = env.get("PATH"))
    addDirs(*path);
  for (const std::string &d : dirs) {
    llvm::SmallString<256> p(d);
    llvm::sys::path::append(p, name);
    if (llvm::sys::fs::can_execute(p) && !llvm::sys::fs::is_directory(p))
      return std::string(p);
  }
  return name;
}

bool isCuwrap(llvm::StringRef program) {
  static const std::string self =
      llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  bool same = false;
  return !self.empty() && !llvm::sys::fs::equivalent(program, self, same) &&
         same;
}

// The link line as cuwrap's ld wrapper passes it on: its rules applied.
std::vector<std::string> throughLdWrapper(llvm::ArrayRef<std::string> args,
                                          const ExplainInput &in,
                                          const std::string &ld,
                                          std::vector<Edit> &edits) {
  static const std::unique_ptr<Personality> ldp = ld::create(
      PersonalityInfo{PersonalityID::Ld, "ld", "", /*installed=*/true});
  Paths paths =
      Paths::fromSelf(llvm::sys::fs::getMainExecutable(nullptr, nullptr));
  auto fs = llvm::vfs::getRealFileSystem();
  RuleContext ctx(in.config, in.plannedEnv, paths, *fs);
  auto call = ldp->parse("ld", args, ctx);
  PlanBuilder builder(call->cmd, ldp->translatesResponseFiles());
  if (auto e = ldp->applyRules(*call, ctx, builder)) {
    llvm::consumeError(std::move(e));
    return args.vec();
  }
  Plan plan = builder.finish(ld);
  edits = plan.edits;
  return plan.args;
}

void linkerOptionWithoutLink(const Invocation &planned, Report &r) {
  if (links(planned.kind) || planned.kind == Kind::Query)
    return;
  for (const llvm::opt::Arg *a : planned.args())
    if (ParsedArgs::id(*a) == OPT_wl || ParsedArgs::id(*a) == OPT_xlinker) {
      r.addHazard("linker-option-without-link",
                  fmt::format("linker options given to {}, which links "
                              "nothing: the driver drops them (gcc without a "
                              "word)",
                              kindWords(planned.kind)),
                  "move them to the link's flags (LDFLAGS, "
                  "CMAKE_*_LINKER_FLAGS), not the compile flags");
      return;
    }
}

class HostccExplainer final : public Explainer {
public:
  std::vector<std::string> dryRunArgs() const override { return {"-###"}; }
  std::vector<std::string> dryRunCommand(const ToolCall &planned,
                                         const Plan &) const override {
    std::vector<std::string> args;
    for (const Word &w : planned.cmd.words)
      if (!w.expanded)
        args.push_back(w.text);
    args.push_back("-###");
    return args;
  }
  Report analyze(const ExplainInput &in) const override;
};

Report HostccExplainer::analyze(const ExplainInput &in) const {
  const auto &planned = static_cast<const Invocation &>(in.planned);
  Report r;
  r.personality = in.invokedAs;
  r.listsSubSteps = true;
  r.lister = in.invokedAs + " -###";
  r.speaker = in.invokedAs;
  r.predicts = false;
  r.phase = kindName(planned.kind);
  r.program = in.plan.program;
  r.args = in.plan.args;
  r.edits = in.plan.edits;
  r.envEdits = in.plan.env;
  if (in.dryRun) {
    r.dryRun = true;
    r.dryRunStatus = in.dryRun->status;
    r.run = parseListing(in.dryRun->text);
  }

  std::vector<std::string> atFiles;
  for (const Word &w : planned.cmd.words)
    if (w.expanded)
      atFiles.push_back(w.text);
  if (in.dryRun && !atFiles.empty())
    r.notes.push_back(fmt::format(
        "listed with the words of {} in their place: the driver would hand "
        "collect2 a temporary @file of its own, which -### deletes as it "
        "exits",
        llvm::join(atFiles, ", ")));

  ArgumentOrigins origins(in.original, in.plan.edits);
  std::vector<WordIndex> stepWords;
  for (const SubStep &s : r.run.steps)
    stepWords.emplace_back(llvm::makeArrayRef(s.argv).drop_front());
  for (const llvm::opt::Arg *a : planned.args()) {
    unsigned id = ParsedArgs::id(*a);
    std::vector<unsigned> span = planned.parsed.span(*a);
    if (span.size() == 1 && planned.cmd.words[span.front()].expanded)
      continue; // an @file: its words are listed one by one
    ArgumentReport ar;
    ar.words = spanTexts(planned, *a);
    ar.origin = origins.take(ar.words);
    auto alternatives = alternativesOf(*a, ar.words);
    for (size_t k = 0; k < r.run.steps.size(); ++k) {
      const SubStep &s = r.run.steps[k];
      for (const auto &alt : alternatives)
        if (stepWords[k].containsRun(alt)) {
          ar.reached.push_back({s.index, stepName(s), llvm::join(alt, " ")});
          break;
        }
    }
    if (ar.reached.empty())
      ar.droppedReason =
          droppedReason(id, *a, planned.kind, !r.run.steps.empty());
    r.arguments.push_back(std::move(ar));
  }
  for (auto &[ar, removedBy] : origins.leftovers()) {
    if (ar.words.size() == 1 && llvm::is_contained(atFiles, ar.words[0]))
      continue;
    if (!removedBy)
      ar.droppedReason = "not in the planned command";
    r.arguments.push_back(std::move(ar));
  }

  linkerOptionWithoutLink(planned, r);

  // The link line, read as ld reads it.
  auto link = llvm::find_if(r.run.steps, [](const SubStep &s) {
    return s.tool == StepTool::Linker;
  });
  if (link == r.run.steps.end())
    return r;
  std::vector<std::string> linkArgs(link->argv.begin() + 1, link->argv.end());
  std::string ld = linkerOf(*link, r.run, planned, in.plannedEnv);
  std::string where = fmt::format("the link (step {})", link->index);
  bool wrapped = isCuwrap(ld);
  if (wrapped) {
    std::vector<Edit> edits;
    linkArgs = throughLdWrapper(linkArgs, in, ld, edits);
    std::vector<std::string> what;
    for (const Edit &e : edits)
      what.push_back(fmt::format("{}: {}", e.rule, describeEdit(e)));
    r.notes.push_back(fmt::format(
        "step {} runs cuwrap's ld ({}), whose rules {}", link->index, ld,
        what.empty() ? std::string("change nothing")
                     : "change it: " + llvm::join(what, "; ")));
    where = fmt::format("the link (step {}, through cuwrap's ld)", link->index);
  }
  auto inv = ld::parse(linkArgs);
  return ld::analyzeLinkLine(*inv, in.config, linkArgs, where, in.cwd,
                             std::move(r), LinkRoute::CompilerDriver);
}

} // namespace

const explain::Explainer &explainer() {
  static const HostccExplainer e;
  return e;
}

} // namespace cuwrap::hostcc
