// The hot path: cuwrap called as nvcc or ld. Parse, plan, record, exec; no
// child process, nothing on stdout or stderr unless something is wrong.
#include "Commands.h"
#include "Exec.h"
#include "LogSink.h"
#include "Personality.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap {

static int fail(llvm::StringRef personality, llvm::Error e, int status) {
  fmt::print(stderr, "cuwrap ({}): error: {}\n", personality.str(),
             llvm::toString(std::move(e)));
  return status;
}

int runWrapper(llvm::StringRef personality, llvm::ArrayRef<std::string> args,
               const Environment &env) {
  if (auto e = checkExecLoop(env, personality))
    return fail(personality, std::move(e), 127);
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(env, paths);
  if (!cfg)
    return fail(personality, cfg.takeError(), 1);
  RuleContext ctx{*cfg, env, paths};
  auto call = planCall(personality, args, ctx);
  if (!call) {
    PlanFailure f = describePlanError(call.takeError());
    fmt::print(stderr, "cuwrap ({}): error: {}\n", personality.str(), f.message);
    return f.status;
  }
  if (auto e = materializeFiles(call->plan, env, personality))
    return fail(personality, std::move(e), 1);

  LogTarget log = logTarget(*cfg, env);
  if (log.kind != LogTarget::Kind::Off) {
    RecordContext rc = recordContext();
    auto text = formatRecord(makeRecord(call->summary, call->plan, &rc),
                             cfg->logFormat.value == "text");
    if (auto warning = writeRecord(log, text))
      fmt::print(stderr, "cuwrap ({}): warning: {}\n", personality.str(),
                 *warning);
  }
  if (!call->plan.checkRunpath.empty())
    return runAndCheckRunpath(call->plan, env, personality, *cfg);
  llvm::Error e = execPlan(call->plan, env, personality);
  return fail(personality, std::move(e), 127);
}

} // namespace cuwrap
