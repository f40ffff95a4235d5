// `cuwrap plan -- TOOL ARGS...`: what the wrapper would run, like clang's
// -###, without running or creating anything.
#include "Commands.h"
#include "PlanError.h"
#include "PlanOptTable.h"
#include "RecordView.h"
#include "Registry.h"

#include "llvm/Support/Path.h"

#include <fmt/format.h>

namespace cuwrap {

std::unique_ptr<PlannedCall> planToolArgs(const CommandArgs &a,
                                          const Config &config, int &status) {
  if (!a.positional.empty()) {
    status = commandError(a.command,
                          fmt::format("unexpected '{}': the tool's command "
                                      "goes after '--'",
                                      a.positional.front()),
                          UsageError);
    return nullptr;
  }
  if (a.tool.empty()) {
    status = commandError(a.command,
                          fmt::format("no tool command: cuwrap {} {} (see "
                                      "cuwrap {} --help)",
                                      a.command.str(), a.usage.str(),
                                      a.command.str()),
                          UsageError);
    return nullptr;
  }
  llvm::StringRef invokedAs = llvm::sys::path::filename(a.tool.front());
  const Personality *p = personalityFor(invokedAs);
  if (!p) {
    status = commandError(a.command,
                          fmt::format("'{}' is not a tool cuwrap knows ({})",
                                      a.tool.front(), personalityNames()),
                          UsageError);
    return nullptr;
  }
  std::vector<std::string> args(a.tool.begin() + 1, a.tool.end());
  RuleContext ctx(a.session, config);
  auto call = planCall(*p, invokedAs, args, ctx);
  if (!call) {
    PlanFailure f = describePlanError(call.takeError());
    status = commandError(a.command, f.message, f.status);
    return nullptr;
  }
  return std::make_unique<PlannedCall>(std::move(*call));
}

int planCommand(const CommandArgs &a) {
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  auto call = planToolArgs(a, *cfg, status);
  if (!call)
    return status;
  Record rec = makeRecord(*call, currentRecordContext());
  if (a.opts.hasArg(cli::Plan::OPT_json))
    fmt::print("{}\n", llvm::formatv("{0:2}", toJSON(rec)).str());
  else if (a.opts.hasArg(cli::Plan::OPT_facts))
    fmt::print("{}", factsText(rec));
  else
    fmt::print("{}", planText(rec));
  return 0;
}

} // namespace cuwrap
