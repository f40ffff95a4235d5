// `cuwrap plan -- TOOL ARGS...`: what the wrapper would run, like clang's
// -###, without running or creating anything.
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Personality.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap {

std::unique_ptr<PlannedCall> planToolArgs(llvm::StringRef command,
                                          const CommandArgs &a,
                                          const RuleContext &ctx, int &status) {
  if (a.tool.empty()) {
    status = commandError(command, "usage: cuwrap " + command +
                                       " [--json] -- TOOL ARGS...", 2);
    return nullptr;
  }
  auto personality = personalityFor(a.tool.front());
  if (!personality) {
    status = commandError(command, "'" + a.tool.front() +
                                       "' is not a tool cuwrap wraps (nvcc, "
                                       "ld, ld.bfd, ld.gold, ld.lld)",
                          2);
    return nullptr;
  }
  std::vector<std::string> args(a.tool.begin() + 1, a.tool.end());
  auto call = planCall(*personality, args, ctx);
  if (!call) {
    PlanFailure f = describePlanError(call.takeError());
    status = commandError(command, f.message, f.status);
    return nullptr;
  }
  return std::make_unique<PlannedCall>(std::move(*call));
}

int planCommand(const CommandArgs &a) {
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(a.env, paths);
  if (!cfg)
    return commandError("plan", llvm::toString(cfg.takeError()));
  RuleContext ctx{*cfg, a.env, paths};
  int status = 0;
  auto call = planToolArgs("plan", a, ctx, status);
  if (!call)
    return status;
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
