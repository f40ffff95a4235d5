// The hot path: cuwrap called as nvcc or ld. Parse, plan, record, exec; no
// child process, nothing on stdout or stderr unless something is wrong.
#include "Commands.h"
#include "Diagnostics.h"
#include "Exec.h"
#include "LogSink.h"
#include "Personality.h"
#include "PlanError.h"

#include <fmt/format.h>

namespace cuwrap {

static void report(llvm::StringRef personality, llvm::StringRef severity,
                   llvm::StringRef msg) {
  printDiagnostic(fmt::format("cuwrap ({}): {}: {}\n", personality.str(),
                              severity.str(), msg.str()));
}

static int fail(llvm::StringRef personality, llvm::Error e, int status) {
  report(personality, "error", llvm::toString(std::move(e)));
  return status;
}

int runWrapper(const Personality &p, llvm::StringRef invokedAs,
               llvm::ArrayRef<std::string> args, const Session &session) {
  if (auto e = checkExecLoop(session.env(), invokedAs, p))
    return fail(invokedAs, std::move(e), 127);
  auto cfg = session.config();
  if (!cfg)
    return fail(invokedAs, cfg.takeError(), 1);
  RuleContext ctx(session, *cfg);
  auto call = planCall(p, invokedAs, args, ctx);
  if (!call) {
    PlanFailure f = describePlanError(call.takeError());
    report(invokedAs, "error", f.message);
    return f.status;
  }
  if (auto e = materializeFiles(call->plan, session.env(), invokedAs))
    return fail(invokedAs, std::move(e), 1);

  LogTarget log = logTarget(*cfg, session.env());
  if (log.kind != LogTarget::Kind::Off) {
    Record rec = makeRecord(*call, currentRecordContext());
    if (auto warning = writeRecord(log, formatRecord(rec, cfg->logFormat.value)))
      report(invokedAs, "warning", *warning);
  }
  if (!call->plan.checkRunpath.empty())
    return runAndCheckRunpath(call->plan, session.env(), invokedAs, *cfg);
  llvm::Error e = execPlan(call->plan, session.env(), invokedAs, p);
  return fail(invokedAs, std::move(e), 127);
}

} // namespace cuwrap
