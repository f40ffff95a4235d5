// One multi-call binary: called as nvcc or ld it is that tool's wrapper;
// called as cuwrap it offers the subcommands.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Personality.h"

#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap {

namespace {
struct Subcommand {
  const char *name;
  int (*run)(const CommandArgs &);
  const char *usage;
};
const Subcommand Subcommands[] = {
    {"plan", planCommand,
     "plan [--json] -- TOOL ARGS...   print what TOOL ARGS would run, and why"},
    {"config", configCommand,
     "config [--json]                 print every setting and where it came from"},
    {"list-options", listOptionsCommand,
     "list-options nvcc|ld            print every option spelling the tables know"},
    {"explain", explainCommand,
     "explain [--json] -- TOOL ARGS...  which sub-step each argument reaches (nvcc --dryrun)\n"
     "  cuwrap explain [--json] --from-log LOG OUTPUT   the logged calls that produced OUTPUT"},
    {"check-runpath", checkRunpathCommand,
     "check-runpath [--strict] FILE... report RUNPATH problems of linked CUDA files"},
    {"doctor", doctorCommand,
     "doctor                          check the toolkit, host compiler and sinks"},
    {"log", logCommand,
     "log [OPTIONS] [FILE]            show the logged calls: before, after, "
     "and why\n"
     "         (--json, --personality T, --phase P, --output F, --grep TEXT,\n"
     "          --color=auto|always|never; FILE: where the wrappers log)"},
};

void printHelp() {
  fmt::print("usage: cuwrap SUBCOMMAND [OPTIONS] [-- TOOL ARGS...]\n"
             "       nvcc|ld|ld.bfd|ld.gold|ld.lld ARGS...  (as a wrapper)\n\n"
             "subcommands:\n");
  for (const Subcommand &s : Subcommands)
    fmt::print("  cuwrap {}\n", s.usage);
}
} // namespace

int commandError(llvm::StringRef command, const llvm::Twine &msg, int status) {
  fmt::print(stderr, "cuwrap {}: error: {}\n", command.str(), msg.str());
  return status;
}

int runCuwrap(llvm::ArrayRef<std::string> args, const Environment &env) {
  auto dashdash = std::find(args.begin(), args.end(), "--");
  std::vector<std::string> tool(dashdash == args.end() ? args.end() : dashdash + 1,
                                args.end());
  std::vector<const char *> words;
  for (auto it = args.begin(); it != dashdash; ++it)
    words.push_back(it->c_str());
  unsigned missingIndex, missingCount;
  auto opts = cli::optTable().ParseArgs(words, missingIndex, missingCount);
  if (missingCount)
    return commandError("", llvm::Twine("option '") + words[missingIndex] +
                                "' needs a value");
  for (const auto *a : opts.filtered(cli::OPT_UNKNOWN))
    return commandError("", llvm::Twine("unknown option '") +
                                a->getAsString(opts) + "' (see cuwrap --help)");
  std::vector<std::string> positional = opts.getAllArgValues(cli::OPT_INPUT);
  if (opts.hasArg(cli::OPT_version)) {
    fmt::print("cuwrap {}\n", CUWRAP_VERSION);
    return 0;
  }
  if (positional.empty() || opts.hasArg(cli::OPT_help)) {
    printHelp();
    return positional.empty() && !opts.hasArg(cli::OPT_help) ? 2 : 0;
  }
  std::string name = positional.front();
  positional.erase(positional.begin());
  for (const Subcommand &s : Subcommands)
    if (name == s.name)
      return s.run(CommandArgs{opts, positional, tool, env});
  return commandError("", "unknown subcommand '" + name + "' (see cuwrap --help)",
                      2);
}

} // namespace cuwrap

int main(int argc, char **argv, char **envp) {
  using namespace cuwrap;
  Environment env = Environment::fromEnvp(envp);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (auto personality = personalityFor(argc > 0 ? argv[0] : "cuwrap"))
    return runWrapper(*personality, args, env);
  return runCuwrap(args, env);
}
