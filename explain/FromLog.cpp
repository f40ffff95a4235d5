#include "FromLog.h"

#include "LdOptTable.h"
#include "NvccOptTable.h"
#include "Record.h"

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

Report explainRecord(const LogRecord &rec, const Config &config) {
  std::vector<std::string> original;
  for (const auto &w : rec.original)
    original.push_back(w.first);
  Plan plan;
  plan.program = rec.program;
  plan.args = rec.argv;
  plan.edits = rec.edits;
  Report r;
  Environment none;
  if (rec.personality == "nvcc") {
    auto orig = nvcc::parse(original, none);
    auto planned = nvcc::parse(rec.argv, none);
    r = analyzeNvcc(*orig, *planned, plan, config, none, nullptr);
  } else {
    auto orig = ld::parse(rec.personality, original);
    auto planned = ld::parse(rec.personality, rec.argv);
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
