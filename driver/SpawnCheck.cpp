// strict_runpath for the ld personality: the one place a wrapper runs the
// real tool as a child, because the check must read the file the link
// writes. The default stays exec (docs/design.md, invariant 5).
#include "ChildSignals.h"
#include "Commands.h"
#include "Diagnostics.h"
#include "Plan.h"
#include "RunpathCheck.h"

#include <boost/process.hpp>
#include <fmt/format.h>

namespace cuwrap {

int runAndCheckRunpath(const Plan &plan, const Environment &env,
                       llvm::StringRef personality, const Config &cfg) {
  namespace bp = boost::process;
  // The environment the wrapper was started with (main's envp is the
  // process environment), with the plan's edits.
  bp::environment childEnv = boost::this_process::environment();
  for (const EnvEdit &e : plan.env) {
    if (e.op == EnvEdit::Op::Set)
      childEnv[e.name] = e.value;
    else if (childEnv.find(e.name) != childEnv.end())
      childEnv.erase(e.name);
  }
  (void)env;
  int status;
  restoreDefaultChildSignal();
  try {
    bp::child child(bp::exe = plan.program, bp::args = plan.args,
                    bp::env = childEnv);
    child.wait();
    status = child.exit_code();
  } catch (const std::exception &ex) {
    printDiagnostic(fmt::format("cuwrap ({}): error: cannot run {}: {}\n",
                                personality.str(), plan.program, ex.what()));
    return 127;
  }
  if (status != 0)
    return status;
  auto info = readDynamicInfo(plan.checkRunpath);
  if (!info) {
    printDiagnostic(fmt::format("cuwrap ({}): error: strict_runpath: {}\n",
                                personality.str(),
                                llvm::toString(info.takeError())));
    return 1;
  }
  auto findings = checkRunpath(plan.checkRunpath, *info, cfg);
  for (const std::string &f : findings)
    printDiagnostic(fmt::format("cuwrap ({}): error: strict_runpath: {}: {}\n",
                                personality.str(), plan.checkRunpath, f));
  return findings.empty() ? 0 : 1;
}

} // namespace cuwrap
