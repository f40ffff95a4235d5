#include "FromLog.h"

#include "CommandLine.h"
#include "Quoting.h"
#include "LdOptTable.h"
#include "NvccOptTable.h"
#include "Record.h"

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

static std::vector<std::string> textsOf(const llvm::json::Array *a) {
  std::vector<std::string> out;
  if (a)
    for (const llvm::json::Value &v : *a)
      out.push_back(textOf(v));
  return out;
}

// Output and inputs from the argv that ran, parsed with the tool's table
// (the record's own `output` key wins where there is one).
static void filesOf(LogRecord &rec) {
  std::vector<const char *> words;
  for (const std::string &w : rec.argv)
    words.push_back(w.c_str());
  unsigned mi, mc;
  std::string out;
  std::vector<std::string> in;
  if (rec.personality == "nvcc") {
    auto args = nvcc::optTable().ParseArgs(words, mi, mc);
    for (const llvm::opt::Arg *a : args.filtered(nvcc::OPT_output_file))
      out = a->getValue();
    in = args.getAllArgValues(nvcc::OPT_INPUT);
    if (out.empty()) {
      // nvcc's defaults: a.out for a link, <stem>.o for one compile.
      if ((rec.phase == "compile" || rec.phase == "device-compile") &&
          in.size() == 1)
        out = llvm::sys::path::stem(in.front()).str() + ".o";
      else if (rec.phase == "device-link")
        out = "a_dlink.o";
      else if (rec.phase == "link")
        out = "a.out";
    }
  } else {
    auto args = ld::optTable().ParseArgs(words, mi, mc);
    for (const llvm::opt::Arg *a : args.filtered(ld::OPT_output))
      out = a->getValue();
    in = args.getAllArgValues(ld::OPT_INPUT);
    if (out.empty())
      out = "a.out";
  }
  if (rec.output.empty() && !out.empty())
    rec.output = absolutePath(out, rec.cwd);
  for (const std::string &i : in)
    rec.inputs.push_back(absolutePath(i, rec.cwd));
}

llvm::Expected<std::vector<LogRecord>> readLog(llvm::StringRef text) {
  std::vector<LogRecord> out;
  llvm::SmallVector<llvm::StringRef, 256> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (!line.startswith("{"))
      continue;
    auto v = llvm::json::parse(line);
    if (!v) {
      llvm::consumeError(v.takeError());
      continue;
    }
    const llvm::json::Object *o = v->getAsObject();
    if (!o || !o->getString("personality"))
      continue;
    LogRecord rec;
    rec.line = i + 1;
    rec.personality = o->getString("personality")->str();
    rec.phase = o->getString("phase").getValueOr("").str();
    if (const llvm::json::Value *c = o->get("cwd"))
      rec.cwd = textOf(*c);
    if (const llvm::json::Value *p = o->get("program"))
      rec.program = textOf(*p);
    rec.argv = textsOf(o->getArray("argv"));
    if (const llvm::json::Array *orig = o->getArray("original"))
      for (const llvm::json::Value &w : *orig)
        if (const llvm::json::Object *wo = w.getAsObject())
          rec.original.emplace_back(
              wo->get("arg") ? textOf(*wo->get("arg")) : std::string(),
              wo->getString("origin").getValueOr("").str());
    if (const llvm::json::Array *edits = o->getArray("edits"))
      for (const llvm::json::Value &e : *edits)
        if (const llvm::json::Object *eo = e.getAsObject()) {
          Edit ed;
          ed.rule = eo->getString("rule").getValueOr("").str();
          ed.action = eo->getString("action").getValueOr("").str();
          ed.removed = textsOf(eo->getArray("removed"));
          ed.added = textsOf(eo->getArray("added"));
          if (const llvm::json::Value *og = eo->get("origin"))
            ed.origin = textOf(*og);
          ed.reason = eo->getString("reason").getValueOr("").str();
          rec.edits.push_back(std::move(ed));
        }
    if (const llvm::json::Array *env = o->getArray("env"))
      for (const llvm::json::Value &e : *env)
        if (const llvm::json::Object *eo = e.getAsObject()) {
          EnvEdit ed{eo->getString("op").getValueOr("") == "unset"
                         ? EnvEdit::Op::Unset
                         : EnvEdit::Op::Set,
                     eo->getString("name").getValueOr("").str(),
                     eo->get("value") ? textOf(*eo->get("value")) : "",
                     eo->getString("rule").getValueOr("").str(),
                     eo->getString("reason").getValueOr("").str()};
          if (!ed.name.empty())
            rec.env.push_back(std::move(ed));
        }
    if (const llvm::json::Array *files = o->getArray("files"))
      for (const llvm::json::Value &f : *files)
        if (const llvm::json::Object *fo = f.getAsObject())
          rec.files.push_back(GeneratedFile{
              fo->getString("name").getValueOr("").str(),
              fo->get("content") ? textOf(*fo->get("content")) : "",
              fo->get("replaces") ? textOf(*fo->get("replaces")) : ""});
    if (const llvm::json::Value *outv = o->get("output"))
      if (!textOf(*outv).empty())
        rec.output = absolutePath(textOf(*outv), rec.cwd);
    filesOf(rec);
    out.push_back(std::move(rec));
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
      if (r.personality != "nvcc")
        for (size_t k = j; k-- > 0;)
          if (records[k].output == file) {
            if (records[k].personality == "nvcc" && seen.insert(k).second) {
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
  plan.program = rec.program;
  plan.args = rec.argv;
  plan.env = rec.env;
  plan.edits = rec.edits;
  plan.files = rec.files;
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
    // Origins read "$NVCC_APPEND_FLAGS word 3". The words were read from
    // the variable, so its syntax can hold them as written (it has no
    // escapes: docs/quoting.md); joined by spaces, nvcc reads them again.
    std::string prefix = fmt::format("${} word ", var);
    std::vector<std::string> words;
    for (const auto &[word, origin] : rec.original)
      if (llvm::StringRef(origin).startswith(prefix))
        words.push_back(word);
    if (words.empty())
      continue;
    auto value = quoting::writeNvccVariable(words);
    entries.push_back(
        fmt::format("{}={}", var, value ? *value : llvm::join(words, " ")));
  }
  return Environment(std::move(entries));
}

Report explainRecord(const LogRecord &rec, const Config &config,
                     const Plan &plan, const Environment &env,
                     const DryRun *run) {
  std::vector<std::string> original;
  for (const auto &w : rec.original)
    original.push_back(w.first);
  Report r;
  Environment none;
  if (rec.personality == "nvcc") {
    auto orig = nvcc::parse(original, none);
    auto planned = nvcc::parse(plan.args, env);
    r = analyzeNvcc(*orig, *planned, plan, config, env, run);
  } else {
    auto orig = ld::parse(rec.personality, original);
    auto planned = ld::parse(rec.personality, plan.args);
    r = analyzeLd(*orig, *planned, plan, config);
  }
  // The words were re-read as argv: give them back the origins the log
  // recorded for them.
  for (ArgumentReport &a : r.arguments) {
    llvm::StringRef o = a.origin;
    unsigned pos;
    if (o.consume_front("argv[") && o.consume_back("]") &&
        !o.getAsInteger(10, pos) && pos >= 1 && pos <= rec.original.size())
      a.origin = rec.original[pos - 1].second;
  }
  r.phase = rec.phase.empty() ? r.phase : rec.phase;
  return r;
}

} // namespace cuwrap::explain
