// `cuwrap plan -- TOOL ARGS...`: what the wrapper would run, like clang's
// -###, without running or creating anything.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Personality.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap {

int planCommand(const CommandArgs &a) {
  if (a.tool.empty())
    return commandError("plan", "usage: cuwrap plan [--json] -- TOOL ARGS...", 2);
  auto personality = personalityFor(a.tool.front());
  if (!personality)
    return commandError("plan", "'" + a.tool.front() +
                                    "' is not a tool cuwrap wraps (nvcc, ld, "
                                    "ld.bfd, ld.gold, ld.lld)",
                        2);
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(a.env, paths);
  if (!cfg)
    return commandError("plan", llvm::toString(cfg.takeError()));
  RuleContext ctx{*cfg, a.env, paths};
  std::vector<std::string> args(a.tool.begin() + 1, a.tool.end());
  auto call = planCall(*personality, args, ctx);
  if (!call) {
    PlanFailure f = describePlanError(call.takeError());
    return commandError("plan", f.message, f.status);
  }
  if (a.opts.hasArg(cli::OPT_json)) {
    RecordContext rc = recordContext();
    fmt::print("{}\n", llvm::formatv("{0:2}", llvm::json::Value(makeRecord(
                                                  call->summary, call->plan, &rc)))
                           .str());
  } else {
    fmt::print("{}", planText(call->summary, call->plan));
  }
  return 0;
}

} // namespace cuwrap
