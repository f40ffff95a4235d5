// `cuwrap check-runpath [--strict] FILE...`: what is wrong with the RUNPATH
// of linked CUDA programs and libraries. Warnings by default; with --strict
// (or strict_runpath=1) any finding makes the exit status 1.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Personality.h"
#include "RunpathCheck.h"

#include <fmt/format.h>

namespace cuwrap {

int checkRunpathCommand(const CommandArgs &a) {
  if (a.positional.empty())
    return commandError("check-runpath",
                        "usage: cuwrap check-runpath [--strict] FILE...", 2);
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(a.env, paths);
  if (!cfg)
    return commandError("check-runpath", llvm::toString(cfg.takeError()));
  bool strict = a.opts.hasArg(cli::OPT_strict) || cfg->strictRunpath.value == "1";
  int status = 0;
  for (const std::string &file : a.positional) {
    auto info = readDynamicInfo(file);
    if (!info) {
      commandError("check-runpath", llvm::toString(info.takeError()));
      status = 1;
      continue;
    }
    for (const std::string &f : checkRunpath(file, *info, *cfg)) {
      fmt::print(stderr, "cuwrap check-runpath: {}: {}: {}\n",
                 strict ? "error" : "warning", file, f);
      if (strict)
        status = 1;
    }
  }
  return status;
}

} // namespace cuwrap
