// One multi-call binary: called by the name of an installed personality
// (nvcc, ld, ...) it is that tool's wrapper; called as cuwrap it offers the
// subcommands, each with its own option table (driver/cli/).
#include "Commands.h"
#include "Diagnostics.h"
#include "Registry.h"
#include "Toolkit.h"

#include "CheckRunpathOptTable.h"
#include "ConfigOptTable.h"
#include "CuwrapOptTable.h"
#include "DoctorOptTable.h"
#include "ExplainOptTable.h"
#include "ListOptionsOptTable.h"
#include "LogOptTable.h"
#include "PlanOptTable.h"
#include "RulesOptTable.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

namespace cuwrap {

namespace {

struct Subcommand {
  const char *name;
  int (*run)(const CommandArgs &);
  const llvm::opt::OptTable &(*table)();
  const char *usage;   // after "cuwrap NAME"
  const char *summary; // one line for `cuwrap --help`
  bool takesTool;      // `-- TOOL ARGS...` follows
};

const Subcommand Subcommands[] = {
    {"plan", planCommand, cli::Plan::optTable, "[options] -- TOOL ARGS...",
     "print what TOOL ARGS would run, and why, without running it", true},
    {"explain", explainCommand, cli::Explain::optTable,
     "[options] -- TOOL ARGS...  |  --from-log LOG OUTPUT",
     "which sub-step each argument reaches; or the logged calls behind OUTPUT",
     true},
    {"log", logCommand, cli::Log::optTable, "[options] [FILE]",
     "show the logged calls: before, after, and why", false},
    {"config", configCommand, cli::Config::optTable, "[options]",
     "print every setting and where it came from", false},
    {"doctor", doctorCommand, cli::Doctor::optTable, "",
     "check the toolkit, host compiler, linker, wrappers and log sink", false},
    {"check-runpath", checkRunpathCommand, cli::CheckRunpath::optTable,
     "[options] FILE...", "report RUNPATH problems of linked CUDA files",
     false},
    {"rules", rulesCommand, cli::Rules::optTable, "[TOOL]",
     "list each personality's rules, in the order they run", false},
    {"list-options", listOptionsCommand, cli::ListOptions::optTable, "TOOL",
     "print every option spelling a personality's table knows", false},
};

const Subcommand *findSubcommand(llvm::StringRef name) {
  for (const Subcommand &s : Subcommands)
    if (name == s.name)
      return &s;
  return nullptr;
}

void printTopHelp() {
  std::string out = "usage: cuwrap [--help | --version] SUBCOMMAND [OPTIONS]\n"
                    "       " +
                    personalityNames(/*installedOnly=*/true) +
                    " ARGS...   (called by these names, cuwrap is that "
                    "tool's wrapper)\n\nsubcommands:\n";
  for (const Subcommand &s : Subcommands)
    out += fmt::format("  {:<15}{}\n", s.name, s.summary);
  out += "\n`cuwrap SUBCOMMAND --help` shows a subcommand's own options.\n";
  fmt::print("{}", out);
}

void printSubcommandHelp(const Subcommand &s) {
  std::string usage = fmt::format("cuwrap {} {}", s.name, s.usage);
  std::string title = fmt::format("cuwrap {}: {}", s.name, s.summary);
  s.table().printHelp(llvm::outs(), usage.c_str(), title.c_str());
  llvm::outs().flush();
}

int printVersion(const Session &session) {
  fmt::print("cuwrap {}\n", CUWRAP_VERSION);
  auto cfg = session.config();
  if (!cfg) {
    fmt::print("settings: cannot be read: {}\n", llvm::toString(cfg.takeError()));
    return 0;
  }
  ToolkitInfo tk = describeToolkit(*cfg, session);
  fmt::print("wraps: {}\n", tk.summary);
  fmt::print("compiled in (CUWRAP_DEFAULT_* when cuwrap was built): {}\n",
             compiledInSettings());
  fmt::print("config file: {}\n",
             cfg->file.empty() ? std::string("none")
                               : fmt::format("{} ({})", cfg->file,
                                             cfg->fileSource));
  return 0;
}

// An option that belongs to another subcommand, for a better message.
std::string ownerOf(llvm::StringRef option, const Subcommand &self) {
  for (const Subcommand &s : Subcommands) {
    if (&s == &self)
      continue;
    llvm::StringRef name = option.split('=').first;
    for (unsigned id = 1; id <= s.table().getNumOptions(); ++id) {
      llvm::opt::Option o = s.table().getOption(id);
      if (o.getKind() == llvm::opt::Option::InputClass ||
          o.getKind() == llvm::opt::Option::UnknownClass)
        continue;
      if (o.getPrefixedName() == name ||
          llvm::StringRef(o.getPrefixedName()).rtrim('=') == name)
        return s.name;
    }
  }
  return "";
}

} // namespace

int commandError(llvm::StringRef command, const llvm::Twine &msg, int status) {
  printDiagnostic(command.empty()
                      ? fmt::format("cuwrap: error: {}\n", msg.str())
                      : fmt::format("cuwrap {}: error: {}\n", command.str(),
                                    msg.str()));
  return status;
}

void commandWarning(llvm::StringRef command, const llvm::Twine &msg) {
  printDiagnostic(command.empty()
                      ? fmt::format("cuwrap: warning: {}\n", msg.str())
                      : fmt::format("cuwrap {}: warning: {}\n", command.str(),
                                    msg.str()));
}

const Config *requireConfig(const CommandArgs &a, int &status) {
  auto cfg = a.session.config();
  if (cfg)
    return &*cfg;
  status = commandError(a.command, llvm::toString(cfg.takeError()));
  return nullptr;
}

int runCuwrap(llvm::ArrayRef<std::string> args, const Session &session) {
  // The options before the subcommand's name are cuwrap's own.
  size_t i = 0;
  bool help = false;
  for (; i < args.size() && llvm::StringRef(args[i]).startswith("-"); ++i) {
    llvm::StringRef w = args[i];
    if (w == "--version")
      return printVersion(session);
    if (w == "--help" || w == "-help" || w == "-h")
      help = true;
    else if (w != "--")
      return commandError("", fmt::format("unknown option '{}' (see cuwrap "
                                          "--help)",
                                          w.str()),
                          UsageError);
  }
  if (i == args.size() || help) {
    printTopHelp();
    return help ? 0 : UsageError;
  }
  const Subcommand *sub = findSubcommand(args[i]);
  if (!sub)
    return commandError("", "unknown subcommand '" + args[i] +
                                "' (see cuwrap --help)",
                        UsageError);

  llvm::ArrayRef<std::string> rest = args.drop_front(i + 1);
  auto dashdash = llvm::find(rest, "--");
  bool hasDashDash = dashdash != rest.end();
  std::vector<std::string> tool(hasDashDash ? dashdash + 1 : rest.end(),
                                rest.end());
  std::vector<const char *> words;
  for (auto it = rest.begin(); it != dashdash; ++it)
    words.push_back(it->c_str());

  // `cuwrap plan nvcc -c x.cu`: the tool's words would be read as plan's
  // own; say where they go instead of complaining about `-c`.
  if (sub->takesTool && !hasDashDash && !words.empty() &&
      personalityFor(words.front()))
    return commandError(sub->name,
                        fmt::format("the tool's command goes after '--': "
                                    "cuwrap {} -- {} ...",
                                    sub->name, words.front()),
                        UsageError);

  unsigned missingIndex, missingCount;
  llvm::opt::InputArgList opts =
      sub->table().ParseArgs(words, missingIndex, missingCount);
  if (missingCount)
    return commandError(sub->name,
                        fmt::format("option '{}' needs a value",
                                    words[missingIndex]),
                        UsageError);
  for (const llvm::opt::Arg *a : opts) {
    if (a->getOption().getKind() != llvm::opt::Option::UnknownClass)
      continue;
    std::string word = a->getAsString(opts);
    std::string owner = ownerOf(word, *sub);
    return commandError(
        sub->name,
        owner.empty()
            ? fmt::format("unknown option '{}' (see cuwrap {} --help)", word,
                          sub->name)
            : fmt::format("'{}' is an option of cuwrap {}, not of cuwrap {} "
                          "(see cuwrap {} --help)",
                          word, owner, sub->name, sub->name),
        UsageError);
  }
  // Every table has `help` (driver/cli/Common.td).
  for (const llvm::opt::Arg *a : opts)
    if (a->getOption().getUnaliasedOption().getName() == "help") {
      printSubcommandHelp(*sub);
      return 0;
    }
  std::vector<std::string> positional;
  for (const llvm::opt::Arg *a : opts)
    if (a->getOption().getKind() == llvm::opt::Option::InputClass)
      positional.push_back(a->getValue());
  if (hasDashDash && !sub->takesTool)
    return commandError(sub->name,
                        fmt::format("takes no tool command after '--' (see "
                                    "cuwrap {} --help)",
                                    sub->name),
                        UsageError);
  return sub->run(
      CommandArgs{sub->name, sub->usage, opts, positional, tool, hasDashDash,
                  session});
}

} // namespace cuwrap

int main(int argc, char **argv, char **envp) {
  using namespace cuwrap;
  Session session = Session::forProcess(envp);
  std::vector<std::string> args(argv + 1, argv + argc);
  llvm::StringRef invokedAs =
      llvm::sys::path::filename(argc > 0 ? argv[0] : "cuwrap");
  if (const Personality *p = personalityFor(invokedAs, /*installedOnly=*/true))
    return runWrapper(*p, invokedAs, args, session);
  // A subcommand's output can meet a closed pipe (`cuwrap log | head`).
  try {
    return runCuwrap(args, session);
  } catch (const std::exception &e) {
    return commandError("", fmt::format("cannot write the output: {}", e.what()));
  }
}
