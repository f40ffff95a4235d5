// `cuwrap check-runpath [--strict] FILE...`: what is wrong with the RUNPATH
// of linked CUDA programs and libraries. Warnings by default; with --strict
// (or strict_runpath=1) any finding makes the exit status 1. Files that are
// not CUDA programs or libraries are skipped, with a note saying so, so that
// it can run over every output of a package.
#include "CheckRunpathOptTable.h"
#include "Commands.h"
#include "Diagnostics.h"
#include "RunpathCheck.h"

#include <fmt/format.h>

namespace cuwrap {

int checkRunpathCommand(const CommandArgs &a) {
  if (a.positional.empty())
    return commandError(a.command,
                        "usage: cuwrap check-runpath [--strict] FILE...",
                        UsageError);
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  bool strict =
      a.opts.hasArg(cli::CheckRunpath::OPT_strict) || cfg->strictRunpath.value;
  for (const std::string &file : a.positional) {
    auto info = readDynamicInfo(file);
    if (!info) {
      commandError(a.command, llvm::toString(info.takeError()));
      status = 1;
      continue;
    }
    if (info->cudaBecause.empty()) {
      printDiagnostic(fmt::format(
          "cuwrap check-runpath: note: {}: skipped: not a CUDA program or "
          "library (it needs neither libcudart nor libcuda and carries no "
          "device code)\n",
          file));
      continue;
    }
    if (!info->isDynamic)
      continue; // statically linked: nothing is looked up at run time
    for (const std::string &f : checkRunpath(file, *info, *cfg)) {
      printDiagnostic(fmt::format("cuwrap check-runpath: {}: {}: {}\n",
                                  strict ? "error" : "warning", file, f));
      if (strict)
        status = 1;
    }
  }
  return status;
}

} // namespace cuwrap
