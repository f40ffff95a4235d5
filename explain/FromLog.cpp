#include "FromLog.h"

#include "CommandLine.h"
#include "Quoting.h"
#include "Registry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <set>

namespace cuwrap::explain {

std::string absolutePath(llvm::StringRef path, llvm::StringRef cwd) {
  llvm::SmallString<256> p;
  if (llvm::sys::path::is_absolute(path))
    p = path;
  else {
    p = cwd;
    llvm::sys::path::append(p, path);
  }
  llvm::sys::path::remove_dots(p, /*remove_dot_dot=*/true);
  return p.str().str();
}

// Output and inputs from the argv that ran, parsed with the tool's table
// (the record's own `output` key wins where there is one).
static void filesOf(LogRecord &rec, const RuleContext &ctx) {
  if (!rec.record.output.empty())
    rec.output = absolutePath(rec.record.output, rec.cwd);
  if (!rec.personality)
    return;
  auto call = rec.personality->parse(rec.record.personality, rec.record.argv, ctx);
  if (rec.output.empty() && !call->output().empty())
    rec.output = absolutePath(call->output(), rec.cwd);
  for (const llvm::opt::Arg *a : call->args())
    if (a->getOption().getKind() == llvm::opt::Option::InputClass)
      rec.inputs.push_back(absolutePath(a->getValue(), rec.cwd));
}

llvm::Expected<std::vector<LogRecord>> readLog(llvm::StringRef text,
                                               const RuleContext &ctx) {
  // The words logged for a call are read back as they ran: no variable of
  // ours may add to them.
  Environment none;
  RuleContext parseCtx(ctx.config, none, ctx.paths, ctx.fs);
  std::vector<LogRecord> out;
  llvm::SmallVector<llvm::StringRef, 256> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (!line.startswith("{"))
      continue;
    auto rec = parseRecord(line);
    if (!rec) {
      llvm::consumeError(rec.takeError());
      continue;
    }
    LogRecord lr;
    lr.line = i + 1;
    lr.record = std::move(*rec);
    lr.personality = personalityFor(lr.record.personality);
    if (lr.record.context)
      lr.cwd = lr.record.context->cwd;
    filesOf(lr, parseCtx);
    out.push_back(std::move(lr));
  }
  if (out.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "no cuwrap records in the log");
  return out;
}

namespace {
struct Follower {
  const std::vector<LogRecord> &records;
  std::set<size_t> seen;
  std::vector<const LogRecord *> chain;

  // The last record before `before` that wrote `file`.
  void follow(const std::string &file, size_t before) {
    for (size_t j = before; j-- > 0;) {
      const LogRecord &r = records[j];
      if (r.output != file)
        continue;
      if (!seen.insert(j).second)
        return;
      for (const std::string &in : r.inputs)
        follow(in, j);
      // An ld that an nvcc link ran (nvcc -> g++ -> ld) writes the same
      // file just after that nvcc: show the nvcc call too.
      if (r.record.personality != "nvcc")
        for (size_t k = j; k-- > 0;)
          if (records[k].output == file) {
            if (records[k].record.personality == "nvcc" &&
                seen.insert(k).second) {
              for (const std::string &in : records[k].inputs)
                follow(in, k);
              chain.push_back(&records[k]);
            }
            break;
          }
      chain.push_back(&r);
      return;
    }
  }
};
} // namespace

std::vector<const LogRecord *> followChain(const std::vector<LogRecord> &records,
                                           llvm::StringRef output) {
  Follower f{records, {}, {}};
  f.follow(output.str(), records.size());
  return f.chain;
}

// Replaces `name` (a /dev/fd/N) where it is not the start of a longer
// number: /dev/fd/3 must not rewrite /dev/fd/31.
static void replaceFdName(std::string &s, const std::string &name,
                          const std::string &with) {
  for (size_t at = s.find(name); at != std::string::npos;
       at = s.find(name, at)) {
    size_t end = at + name.size();
    if (end < s.size() && llvm::isDigit(s[end])) {
      at = end;
      continue;
    }
    s.replace(at, name.size(), with);
    at += with.size();
  }
}

Plan planOf(const LogRecord &rec) {
  Plan plan;
  plan.launcher = rec.record.launcher;
  plan.program = rec.record.program;
  plan.args = rec.record.argv;
  plan.env = rec.record.env;
  plan.edits = rec.record.edits;
  plan.files = rec.record.files;
  for (size_t i = 0; i < plan.files.size(); ++i) {
    std::string name = plan.files[i].placeholder;
    std::string ph = fmt::format("\x01cuwrap-logged-file-{}\x01", i);
    if (name.empty())
      continue;
    for (std::string &a : plan.args)
      replaceFdName(a, name, ph);
    for (EnvEdit &e : plan.env)
      replaceFdName(e.value, name, ph);
    for (GeneratedFile &f : plan.files)
      replaceFdName(f.content, name, ph);
    plan.files[i].placeholder = ph;
  }
  return plan;
}

Environment loggedEnvironment(const LogRecord &rec, const Environment &current) {
  static const char *const nvccVars[] = {"NVCC_PREPEND_FLAGS",
                                         "NVCC_APPEND_FLAGS", "NVCC_CCBIN"};
  std::vector<std::string> entries;
  for (const std::string &e : current.entries()) {
    llvm::StringRef name = llvm::StringRef(e).split('=').first;
    if (llvm::none_of(nvccVars, [&](const char *v) { return name == v; }))
      entries.push_back(e);
  }
  for (const char *var : nvccVars) {
    // The words were read from the variable, so its syntax can hold them
    // as written (it has no escapes: docs/quoting.md); joined by spaces,
    // nvcc reads them again.
    std::vector<std::string> words;
    for (const RecordWord &w : rec.record.original)
      if (w.origin.kind == Origin::Kind::EnvVar && w.origin.source == var)
        words.push_back(w.text);
    if (words.empty())
      continue;
    auto value = quoting::writeNvccVariable(words);
    entries.push_back(
        fmt::format("{}={}", var, value ? *value : llvm::join(words, " ")));
  }
  return Environment(std::move(entries));
}

Report explainRecord(const LogRecord &rec, const RuleContext &ctx,
                     const Plan &plan, const Environment &env,
                     const DryRunOutput *run) {
  Report r;
  if (!rec.personality || !rec.personality->explainer()) {
    r.personality = rec.record.personality;
    r.phase = rec.record.phase;
    r.program = plan.program;
    r.args = plan.args;
    r.edits = plan.edits;
    r.envEdits = plan.env;
    return r;
  }
  std::vector<std::string> original;
  for (const RecordWord &w : rec.record.original)
    original.push_back(w.text);
  // The words as written were read before from argv, variables and files;
  // the record keeps them flat, so they are read again as argv alone.
  Environment none;
  RuleContext origCtx(ctx.config, none, ctx.paths, ctx.fs);
  RuleContext plannedCtx(ctx.config, env, ctx.paths, ctx.fs);
  auto orig = rec.personality->parse(rec.record.personality, original, origCtx);
  auto planned = rec.personality->parse(rec.record.personality, plan.args,
                                        plannedCtx);
  r = rec.personality->explainer()->analyze(ExplainInput{
      *orig, *planned, plan, ctx.config, env, run, rec.record.personality,
      rec.cwd});
  // The words were re-read as argv: give them back the origins the log
  // recorded for them.
  for (ArgumentReport &a : r.arguments) {
    llvm::StringRef o = a.origin;
    unsigned pos;
    if (o.consume_front("argv[") && o.consume_back("]") &&
        !o.getAsInteger(10, pos) && pos >= 1 && pos <= rec.record.original.size())
      a.origin = rec.record.original[pos - 1].origin.str();
  }
  r.phase = rec.record.phase.empty() ? r.phase : rec.record.phase;
  return r;
}

} // namespace cuwrap::explain
