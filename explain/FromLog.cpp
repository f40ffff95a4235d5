#include "FromLog.h"

#include "CommandLine.h"
#include "Quoting.h"
#include "Registry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace cuwrap::explain {

namespace {

// The files a word names for its tool to read (`@f`; nvcc's `-optf a,b`,
// `--options-file=f`), and how many words the naming takes.
std::vector<std::string> namedFiles(llvm::ArrayRef<RecordWord> words, size_t i,
                                    size_t &span) {
  llvm::StringRef w = words[i].text;
  span = 1;
  if (w.startswith("@") && w.size() > 1)
    return {w.drop_front().str()};
  for (llvm::StringRef opt : {"-optf", "--options-file"}) {
    if (w == opt && i + 1 < words.size()) {
      span = 2;
      return splitList(words[i + 1].text);
    }
    if (w.startswith(opt.str() + "="))
      return splitList(w.drop_front(opt.size() + 1));
  }
  return {};
}

bool fromFile(const RecordWord &w, const std::vector<std::string> &files) {
  return (w.origin.kind == Origin::Kind::ResponseFile ||
          w.origin.kind == Origin::Kind::OptionsFile) &&
         llvm::is_contained(files, w.origin.source);
}

// The words word i names a file of, when the record holds them (they
// follow it): [begin, end) in `words`, empty when it names none.
std::pair<size_t, size_t> recordedFileWords(llvm::ArrayRef<RecordWord> words,
                                            size_t i) {
  size_t span;
  std::vector<std::string> files = namedFiles(words, i, span);
  size_t begin = i + span, end = begin;
  if (files.empty() || begin >= words.size() || !fromFile(words[begin], files))
    return {begin, begin};
  // Nested files are read where they are named: their words follow their
  // own referrer, inside this block.
  while (end < words.size() && fromFile(words[end], files)) {
    size_t innerSpan;
    for (std::string &f : namedFiles(words, end, innerSpan))
      files.push_back(std::move(f));
    ++end;
  }
  return {begin, end};
}

} // namespace

std::vector<RecordWord> wordsAsRead(llvm::ArrayRef<RecordWord> words) {
  std::vector<RecordWord> out;
  for (size_t i = 0; i < words.size();) {
    auto [begin, end] = recordedFileWords(words, i);
    if (begin != end) {
      i = begin; // the naming words go; the file's words are read on
      continue;
    }
    out.push_back(words[i]);
    ++i;
  }
  return out;
}

std::vector<RecordWord> plannedWords(const LogRecord &rec,
                                     llvm::ArrayRef<std::string> args) {
  llvm::ArrayRef<RecordWord> original = rec.record.original;
  // The words of what the user wrote that name a file the record holds,
  // by their text (a call of 100,000 words has a few of them).
  std::multimap<std::string, size_t> referrers;
  for (size_t j = 0; j < original.size(); ++j) {
    auto [begin, end] = recordedFileWords(original, j);
    if (begin != end)
      referrers.emplace(original[j].text, j);
  }
  std::vector<RecordWord> out;
  for (size_t i = 0; i < args.size(); ++i) {
    // The same naming words in what the user wrote, with the file's words
    // after them.
    bool spliced = false;
    auto [from, to] = referrers.equal_range(args[i]);
    for (auto it = from; it != to; ++it) {
      size_t j = it->second;
      auto [begin, end] = recordedFileWords(original, j);
      size_t span = begin - j;
      if (i + span > args.size())
        continue;
      bool same = true;
      for (size_t k = 1; k < span; ++k)
        same &= original[j + k].text == args[i + k];
      if (!same)
        continue;
      referrers.erase(it);
      std::vector<RecordWord> inner =
          wordsAsRead(original.slice(begin, end - begin));
      out.insert(out.end(), inner.begin(), inner.end());
      i += span - 1;
      spliced = true;
      break; // `it` is gone
    }
    if (!spliced)
      out.push_back(
          RecordWord{args[i], Origin{Origin::Kind::Argv, "", unsigned(i + 1)}});
  }
  return out;
}

namespace {

std::vector<std::string> textsOf(llvm::ArrayRef<RecordWord> words) {
  std::vector<std::string> out;
  for (const RecordWord &w : words)
    out.push_back(w.text);
  return out;
}

// The call parsed from `words` as argv (no file named in them is read
// again when the record holds its words), each argv word given the origin
// the record says. Words the parse adds (nvcc's variables, from the
// context's environment) keep their own.
std::unique_ptr<ToolCall> parseWords(const LogRecord &rec,
                                     llvm::ArrayRef<RecordWord> words,
                                     const RuleContext &ctx) {
  auto call = rec.personality->parse(rec.record.personality, textsOf(words), ctx);
  for (Word &w : call->cmd.words)
    if (w.origin.kind == Origin::Kind::Argv && w.origin.position >= 1 &&
        w.origin.position <= words.size())
      w.origin = words[w.origin.position - 1].origin;
  return call;
}

} // namespace

// Output and inputs from the words the tool read (response and options
// files too: a Makefile generator's link names its objects in @files, and
// gcc hands collect2 and ld one more, /tmp/cc*, gone after the link), as
// the record holds them, parsed with the tool's table. The record's own
// `output` key wins where there is one.
static void filesOf(LogRecord &rec, const RuleContext &ctx) {
  if (!rec.record.output.empty())
    rec.output = absolutePath(rec.record.output, rec.cwd);
  if (!rec.personality)
    return;
  std::unique_ptr<ToolCall> call =
      rec.record.original.empty()
          ? rec.personality->parse(rec.record.personality, rec.record.argv, ctx)
          : parseWords(rec, wordsAsRead(rec.record.original), ctx);
  if (rec.output.empty() && !call->output().empty())
    rec.output = absolutePath(call->output(), rec.cwd);
  for (const llvm::opt::Arg *a : call->args())
    if (a->getOption().getKind() == llvm::opt::Option::InputClass &&
        !llvm::StringRef(a->getValue()).startswith("@"))
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
  // The words as written were read before from argv, variables and files;
  // the record keeps them flat, with their origins: they are parsed again
  // as they were read, no file read twice. The planned argv names the
  // user's files as they were; their words come from the record too (gcc's
  // @/tmp/cc* are gone, a relative name is relative to the logged
  // directory). Generated files were made again by the caller.
  Environment none;
  RuleContext origCtx(ctx.config, none, ctx.paths, ctx.fs);
  RuleContext plannedCtx(ctx.config, env, ctx.paths, ctx.fs);
  std::vector<RecordWord> asRead = wordsAsRead(rec.record.original);
  auto orig = parseWords(rec, asRead, origCtx);
  auto planned = parseWords(rec, plannedWords(rec, plan.args), plannedCtx);
  r = rec.personality->explainer()->analyze(ExplainInput{
      *orig, *planned, plan, ctx.config, env, run, rec.record.personality,
      rec.cwd});
  r.phase = rec.record.phase.empty() ? r.phase : rec.record.phase;
  return r;
}

} // namespace cuwrap::explain
