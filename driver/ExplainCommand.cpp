// `cuwrap explain [--json] -- TOOL ARGS...` and `--from-log LOG OUTPUT`:
// where each argument goes. The personality's analyser says which words
// make the real tool list its sub-steps without running them (nvcc
// --dryrun, g++ -###); the planned command runs once more with them, as a
// child: explain is not the hot path, and it must read the tool's stderr.
#include "ChildSignals.h"
#include "Commands.h"
#include "Exec.h"
#include "ExplainOptTable.h"
#include "Explainer.h"
#include "FromLog.h"
#include "JsonText.h"
#include "Registry.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <boost/process.hpp>
#include <fmt/format.h>

namespace cuwrap {

namespace bp = boost::process;

namespace {

// The real tool with its real path as argv[0] (nvcc finds nvcc.profile
// through it) and `args`, the plan's environment, in `cwd` (empty: ours),
// and stdout and stderr on one pipe.
llvm::Expected<explain::DryRunOutput>
runDryRun(const Plan &plan, const std::vector<std::string> &args,
          const Environment &env, const std::string &cwd) {
  bp::environment childEnv;
  childEnv.clear();
  for (const std::string &e : env.entries()) {
    size_t eq = e.find('=');
    if (eq != std::string::npos && eq > 0)
      childEnv[e.substr(0, eq)] = e.substr(eq + 1);
  }
  restoreDefaultChildSignal();
  try {
    bp::ipstream pipe;
    bp::child c(bp::exe = plan.program, bp::args = args,
                (bp::std_out & bp::std_err) > pipe, bp::std_in < bp::null,
                bp::env = childEnv, bp::start_dir = cwd.empty() ? "." : cwd);
    explain::DryRunOutput out;
    std::string line;
    while (std::getline(pipe, line))
      out.text += line + "\n";
    c.wait();
    out.status = c.exit_code();
    return out;
  } catch (const std::exception &e) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot run %s: %s", plan.program.c_str(),
                                   e.what());
  }
}

// A logged call, listed again as it ran: the logged argv, environment edits
// and generated options files (made again: the logged /dev/fd/N died with
// the call), in the logged directory. Where that cannot be done (the
// directory is gone, the tool cannot run), routing is predicted from the
// tool's rules and the report says why.
explain::Report explainLogged(const explain::LogRecord &rec,
                              const RuleContext &ctx) {
  Plan plan = explain::planOf(rec);
  Environment env = explain::loggedEnvironment(rec, ctx.env);
  const explain::Explainer *ex =
      rec.personality ? rec.personality->explainer() : nullptr;
  std::string why;
  if (ex && !ex->dryRunArgs().empty()) {
    // Boost.Process runs the child in the current directory when start_dir
    // cannot be entered: say so instead of listing somewhere else.
    if (!llvm::sys::fs::is_directory(rec.cwd)) {
      why = fmt::format("its directory {} does not exist here", rec.cwd);
    } else if (auto e = materializeFiles(plan)) {
      why = llvm::toString(std::move(e));
    } else {
      env = env.apply(plan.env);
      std::vector<std::string> args = plan.args;
      for (std::string &x : ex->dryRunArgs())
        args.push_back(std::move(x));
      auto out = runDryRun(plan, args, env, rec.cwd);
      if (out)
        return explain::explainRecord(rec, ctx, plan, env, &*out);
      why = llvm::toString(out.takeError());
    }
  }
  explain::Report r = explain::explainRecord(rec, ctx, plan, env, nullptr);
  r.noDryRun = why;
  return r;
}

enum class Format { Text, Json, Dot };

void print(const explain::Report &r, Format f) {
  if (f == Format::Dot)
    fmt::print("{}", explain::toDot(r, currentRecordContext().cwd));
  else if (f == Format::Json)
    fmt::print("{}\n", llvm::formatv("{0:2}", llvm::json::Value(explain::toJSON(r))).str());
  else
    fmt::print("{}", explain::toText(r));
}

int fromLog(const CommandArgs &a, const Config &config, Format format) {
  bool json = format == Format::Json;
  std::string logPath =
      a.opts.getLastArgValue(cli::Explain::OPT_from_log).str();
  if (a.positional.size() != 1 || a.hasDashDash)
    return commandError(a.command,
                        "usage: cuwrap explain [--json|--dot] --from-log LOG "
                        "OUTPUT",
                        UsageError);
  auto buf = llvm::MemoryBuffer::getFile(logPath);
  if (!buf)
    return commandError(a.command, "cannot read the log " + logPath + ": " +
                                       buf.getError().message());
  RuleContext ctx(a.session, config);
  auto records = explain::readLog((*buf)->getBuffer(), ctx);
  if (!records)
    return commandError(a.command,
                        logPath + ": " + llvm::toString(records.takeError()));
  std::string output = explain::absolutePath(a.positional.front(),
                                             currentRecordContext().cwd);
  auto chain = explain::followChain(*records, output);
  if (chain.empty())
    return commandError(a.command, "no call in " + logPath + " wrote " + output);

  if (format == Format::Dot) {
    // Every report first: the graph points into them.
    std::vector<explain::Report> reports;
    reports.reserve(chain.size());
    for (const explain::LogRecord *r : chain)
      reports.push_back(explainLogged(*r, ctx));
    std::vector<explain::ChainCall> calls;
    for (size_t i = 0; i < chain.size(); ++i)
      calls.push_back({&reports[i], chain[i]->cwd,
                       fmt::format("[{}] {} {} (log line {})\nwrites {}", i + 1,
                                   chain[i]->record.personality,
                                   chain[i]->record.phase, chain[i]->line,
                                   chain[i]->output)});
    fmt::print("{}", explain::chainToDot(calls, output));
    return 0;
  }
  if (json) {
    llvm::json::Array steps;
    for (const explain::LogRecord *r : chain) {
      llvm::json::Array inputs;
      for (const std::string &i : r->inputs)
        inputs.push_back(jsonText(i));
      steps.push_back(llvm::json::Object{
          {"line", int64_t(r->line)},
          {"cwd", jsonText(r->cwd)},
          {"output", jsonText(r->output)},
          {"inputs", std::move(inputs)},
          {"report", explain::toJSON(explainLogged(*r, ctx))}});
    }
    llvm::json::Object o{{"output", jsonText(output)},
                         {"log", jsonText(logPath)},
                         {"analysis", "record edits + nvcc --dryrun of each "
                                      "logged nvcc call"},
                         {"chain", std::move(steps)}};
    fmt::print("{}\n", llvm::formatv("{0:2}", llvm::json::Value(std::move(o))).str());
    return 0;
  }
  fmt::print("{} was produced by {} logged call(s), producers first.\n"
             "Each call: what ran, cuwrap's edits, and where each flag went "
             "(nvcc calls: a dry run of the logged command in its logged "
             "directory; nothing is built).\n",
             output, chain.size());
  unsigned n = 0;
  for (const explain::LogRecord *r : chain) {
    fmt::print("\n=== [{}] {} {} (log line {}), cwd {}\n    writes {}\n", ++n,
               r->record.personality, r->record.phase, r->line, r->cwd,
               r->output);
    fmt::print("{}", explain::toText(explainLogged(*r, ctx)));
  }
  return 0;
}

} // namespace

int explainCommand(const CommandArgs &a) {
  bool json = a.opts.hasArg(cli::Explain::OPT_json);
  Format format = a.opts.hasArg(cli::Explain::OPT_dot) ? Format::Dot
                  : json                               ? Format::Json
                                                       : Format::Text;
  if (format == Format::Dot && json)
    return commandError(a.command, "--dot and --json: choose one",
                        UsageError);
  int status = 0;
  const Config *cfg = requireConfig(a, status);
  if (!cfg)
    return status;
  if (a.opts.hasArg(cli::Explain::OPT_from_log))
    return fromLog(a, *cfg, format);
  auto call = planToolArgs(a, *cfg, status);
  if (!call)
    return status;
  const Personality &p = *call->personality;
  const explain::Explainer *ex = p.explainer();
  if (!ex)
    return commandError(a.command,
                        fmt::format("cannot explain {} calls yet", p.name()),
                        UsageError);
  // Generated options files become memfds that the listing inherits and
  // that the planned command is parsed from again below.
  if (auto e = materializeFiles(call->plan))
    return commandError(a.command, llvm::toString(std::move(e)));
  Environment plannedEnv = a.session.env().apply(call->plan.env);
  RuleContext plannedCtx(*cfg, plannedEnv, a.session.paths(), a.session.fs());
  auto planned = p.parse(call->invokedAs, call->plan.args, plannedCtx);

  std::optional<explain::DryRunOutput> listing;
  if (!ex->dryRunArgs().empty()) {
    auto out = runDryRun(call->plan, ex->dryRunCommand(*planned, call->plan),
                         plannedEnv, {});
    if (!out)
      return commandError(a.command, llvm::toString(out.takeError()));
    listing = std::move(*out);
  }
  explain::Report r = ex->analyze(explain::ExplainInput{
      *call->call, *planned, call->plan, *cfg, plannedEnv,
      listing ? &*listing : nullptr, call->invokedAs,
      currentRecordContext().cwd});
  print(r, format);
  return 0;
}

} // namespace cuwrap
