// `cuwrap explain [--json] -- TOOL ARGS...` and `--from-log LOG OUTPUT`:
// where each argument goes. For nvcc the planned command runs once more
// with --dryrun appended (nvcc prints its sub-steps and runs none of them;
// only its host-compiler probe runs), as a child: explain is not the hot
// path, and it must read nvcc's stderr.
#include "ChildSignals.h"
#include "Commands.h"
#include "CuwrapOptTable.h"
#include "Exec.h"
#include "Explain.h"
#include "FromLog.h"
#include "Personality.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <boost/process.hpp>
#include <fmt/format.h>

namespace cuwrap {

namespace bp = boost::process;

namespace {

struct DryRunOutput {
  std::string text;
  int status = 0;
};

// The real nvcc with its real path as argv[0] (it finds nvcc.profile
// through it), the plan's environment, in `cwd` (empty: ours), and
// stdout and stderr on one pipe.
llvm::Expected<DryRunOutput> runDryRun(const Plan &plan, const Environment &env,
                                       const std::string &cwd) {
  std::vector<std::string> args = plan.args;
  args.push_back("--dryrun");
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
    DryRunOutput out;
    std::string line;
    while (std::getline(pipe, line))
      out.text += line + "\n";
    c.wait();
    out.status = c.exit_code();
    return out;
  } catch (const std::exception &e) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot run %s --dryrun: %s",
                                   plan.program.c_str(), e.what());
  }
}

// The planned nvcc command run with --dryrun, and the report from what it
// printed. A dry run that fails before its first sub-step (an unknown
// option, a missing host compiler) still leaves nvcc's rules to predict
// from. `analyze` makes the report from the dry run (null: predict).
template <typename Analyze>
llvm::Expected<explain::Report> reportFromDryRun(const Plan &plan,
                                                 const Environment &env,
                                                 const std::string &cwd,
                                                 Analyze analyze) {
  auto out = runDryRun(plan, env, cwd);
  if (!out)
    return out.takeError();
  explain::DryRun run = explain::parseDryRun(out->text);
  bool failed = out->status != 0 && run.steps.empty();
  explain::Report r = analyze(failed ? nullptr : &run);
  r.dryRun = true;
  r.run.messages = run.messages;
  r.run.env = run.env;
  r.dryRunStatus = out->status;
  return r;
}

// A logged nvcc call, dry-run again as it ran: the logged argv, environment
// edits and generated options files (made again: the logged /dev/fd/N died
// with the call), in the logged directory. Where that cannot be done (the
// directory is gone, nvcc cannot run), routing is predicted from nvcc's
// rules and the report says why.
explain::Report explainLogged(const explain::LogRecord &rec,
                              const Config &config, const Environment &current) {
  Plan plan = explain::planOf(rec);
  Environment env = explain::loggedEnvironment(rec, current);
  std::string why;
  if (rec.personality == "nvcc") {
    // Boost.Process runs the child in the current directory when start_dir
    // cannot be entered: say so instead of dry-running somewhere else.
    if (!llvm::sys::fs::is_directory(rec.cwd)) {
      why = fmt::format("its directory {} does not exist here", rec.cwd);
    } else if (auto e = materializeFiles(plan)) {
      why = llvm::toString(std::move(e));
    } else {
      env = env.apply(plan.env);
      auto r = reportFromDryRun(plan, env, rec.cwd, [&](const explain::DryRun *run) {
        return explain::explainRecord(rec, config, plan, env, run);
      });
      if (r)
        return std::move(*r);
      why = llvm::toString(r.takeError());
    }
  }
  explain::Report r = explain::explainRecord(rec, config, plan, env, nullptr);
  r.noDryRun = why;
  return r;
}

enum class Format { Text, Json, Dot };

void print(const explain::Report &r, Format f) {
  if (f == Format::Dot)
    fmt::print("{}", explain::toDot(r));
  else if (f == Format::Json)
    fmt::print("{}\n", llvm::formatv("{0:2}", llvm::json::Value(explain::toJSON(r))).str());
  else
    fmt::print("{}", explain::toText(r));
}

int fromLog(const CommandArgs &a, const Config &config, bool json) {
  std::string logPath = a.opts.getLastArgValue(cli::OPT_from_log).str();
  if (a.positional.size() != 1)
    return commandError("explain", "usage: cuwrap explain [--json] --from-log LOG OUTPUT", 2);
  auto buf = llvm::MemoryBuffer::getFile(logPath);
  if (!buf)
    return commandError("explain", "cannot read the log " + logPath + ": " +
                                       buf.getError().message());
  auto records = explain::readLog((*buf)->getBuffer());
  if (!records)
    return commandError("explain", logPath + ": " + llvm::toString(records.takeError()));
  RecordContext rc = recordContext();
  std::string output = explain::absolutePath(a.positional.front(), rc.cwd);
  auto chain = explain::followChain(*records, output);
  if (chain.empty())
    return commandError("explain", "no call in " + logPath + " wrote " + output);

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
          {"report", explain::toJSON(explainLogged(*r, config, a.env))}});
    }
    llvm::json::Object o{{"output", jsonText(output)},
                         {"log", jsonText(logPath)},
                         {"analysis", "record edits + nvcc --dryrun of each logged nvcc call"},
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
               r->personality, r->phase, r->line, r->cwd, r->output);
    fmt::print("{}", explain::toText(explainLogged(*r, config, a.env)));
  }
  return 0;
}

} // namespace

int explainCommand(const CommandArgs &a) {
  bool json = a.opts.hasArg(cli::OPT_json);
  Format format = a.opts.hasArg(cli::OPT_dot) ? Format::Dot
                  : json                      ? Format::Json
                                              : Format::Text;
  if (format == Format::Dot && (json || a.opts.hasArg(cli::OPT_from_log)))
    return commandError("explain",
                        "--dot draws one call: not with --json or --from-log "
                        "(yet)",
                        2);
  Paths paths = Paths::fromSelf(selfExecutable());
  auto cfg = loadConfig(a.env, paths);
  if (!cfg)
    return commandError("explain", llvm::toString(cfg.takeError()));
  if (a.opts.hasArg(cli::OPT_from_log))
    return fromLog(a, *cfg, json);
  if (a.tool.empty())
    return commandError("explain",
                        "usage: cuwrap explain [--json] -- TOOL ARGS... | "
                        "--from-log LOG OUTPUT",
                        2);
  RuleContext ctx{*cfg, a.env, paths};
  int status = 0;
  auto call = planToolArgs("explain", a, ctx, status);
  if (!call)
    return status;
  llvm::StringRef personality = call->personality;
  // Generated options files become memfds that the dry run inherits and
  // that the planned command is parsed from again below.
  if (auto e = materializeFiles(call->plan))
    return commandError("explain", llvm::toString(std::move(e)));
  Environment plannedEnv = a.env.apply(call->plan.env);

  if (call->ld) {
    auto planned = ld::parse(personality, call->plan.args);
    print(explain::analyzeLd(*call->ld, *planned, call->plan, *cfg,
                             recordContext().cwd),
          format);
    return 0;
  }
  auto planned = nvcc::parse(call->plan.args, plannedEnv);
  auto r = reportFromDryRun(call->plan, plannedEnv, {}, [&](const explain::DryRun *run) {
    return explain::analyzeNvcc(*call->nvcc, *planned, call->plan, *cfg,
                                plannedEnv, run);
  });
  if (!r)
    return commandError("explain", llvm::toString(r.takeError()));
  print(*r, format);
  return 0;
}

} // namespace cuwrap
