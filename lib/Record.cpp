#include "Record.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

namespace cuwrap {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

Value jsonText(llvm::StringRef s) {
  if (isUTF8(s))
    return Value(s.str());
  return Object{{"bytes", llvm::toHex(s, /*LowerCase=*/true)}};
}

std::string textOf(const Value &v) {
  if (auto s = v.getAsString())
    return s->str();
  if (auto *o = v.getAsObject())
    if (auto hex = o->getString("bytes"))
      return llvm::fromHex(*hex);
  return {};
}

Array jsonTexts(llvm::ArrayRef<std::string> words) {
  Array a;
  for (const std::string &w : words)
    a.push_back(jsonText(w));
  return a;
}

Array editsJson(llvm::ArrayRef<Edit> edits) {
  Array out;
  for (const Edit &e : edits)
    out.push_back(Object{{"rule", e.rule},
                         {"action", e.action},
                         {"removed", jsonTexts(e.removed)},
                         {"added", jsonTexts(e.added)},
                         {"origin", jsonText(e.origin)},
                         {"reason", e.reason}});
  return out;
}

Object makeRecord(const InvocationSummary &inv, const Plan &plan,
                  const RecordContext *ctx) {
  Object rec;
  rec["version"] = RecordVersion;
  if (ctx) {
    rec["time"] = ctx->time;
    rec["cwd"] = jsonText(ctx->cwd);
    rec["pid"] = int64_t(ctx->pid);
  }
  rec["personality"] = inv.personality;
  rec["phase"] = inv.phase;
  rec["modifiers"] = jsonTexts(inv.modifiers);
  rec["output"] = jsonText(inv.output);
  Array original;
  for (const Word &w : inv.cmd->words)
    original.push_back(Object{{"arg", jsonText(w.text)}, {"origin", w.origin.str()}});
  rec["original"] = std::move(original);
  if (inv.parsed) {
    Array parsed;
    for (const ParsedOption &p : inv.parsed->describe(inv.listFlag)) {
      Array words;
      for (unsigned w : p.words)
        words.push_back(int64_t(w));
      parsed.push_back(Object{{"option", p.option},
                              {"values", jsonTexts(p.values)},
                              {"words", std::move(words)}});
    }
    rec["parsed"] = std::move(parsed);
  }
  rec["program"] = jsonText(plan.program);
  rec["argv"] = jsonTexts(plan.args);
  Array env;
  for (const EnvEdit &e : plan.env) {
    Object o{{"op", e.op == EnvEdit::Op::Set ? "set" : "unset"},
             {"name", e.name},
             {"rule", e.rule},
             {"reason", e.reason}};
    if (e.op == EnvEdit::Op::Set)
      o["value"] = jsonText(e.value);
    env.push_back(std::move(o));
  }
  rec["env"] = std::move(env);
  Array files;
  for (const GeneratedFile &f : plan.files)
    files.push_back(Object{{"name", f.placeholder},
                           {"replaces", jsonText(f.replaces)},
                           {"content", jsonText(f.content)}});
  rec["files"] = std::move(files);
  rec["edits"] = editsJson(plan.edits);
  std::vector<std::string> warnings = inv.warnings;
  warnings.insert(warnings.end(), plan.warnings.begin(), plan.warnings.end());
  rec["warnings"] = jsonTexts(warnings);
  return rec;
}

std::string describeEdit(const Edit &e) {
  std::string out = e.action;
  if (!e.removed.empty())
    out += " " + shellJoin(e.removed);
  if (!e.removed.empty() && !e.added.empty())
    out += " ->";
  if (!e.added.empty())
    out += " " + shellJoin(e.added);
  return out + fmt::format(" [{}]: {}", e.origin, e.reason);
}

std::string planText(const InvocationSummary &inv, const Plan &plan) {
  std::string out;
  for (const EnvEdit &e : plan.env)
    out += e.op == EnvEdit::Op::Set
               ? fmt::format("{}={} ", e.name, shellQuote(e.value))
               : fmt::format("-u {} ", e.name);
  if (!plan.env.empty())
    out = "env " + out;
  out += shellQuote(plan.program);
  for (const std::string &a : plan.args)
    out += " " + shellQuote(a);
  out += "\n";
  for (const Edit &e : plan.edits)
    out += fmt::format("# {}: {}\n", e.rule, describeEdit(e));
  for (const EnvEdit &e : plan.env)
    out += fmt::format("# {}: {} {} : {}\n", e.rule,
                       e.op == EnvEdit::Op::Set ? "set" : "unset", e.name,
                       e.reason);
  for (const GeneratedFile &f : plan.files) {
    out += fmt::format("# file {} (replaces {}):", f.placeholder,
                       shellQuote(f.replaces));
    llvm::SmallVector<llvm::StringRef, 8> lines;
    llvm::StringRef(f.content).rtrim('\n').split(lines, '\n');
    for (auto l : lines)
      out += " " + shellQuote(l);
    out += "\n";
  }
  for (const std::string &w : inv.warnings)
    out += "# warning: " + w + "\n";
  for (const std::string &w : plan.warnings)
    out += "# warning: " + w + "\n";
  return out;
}

} // namespace cuwrap

namespace cuwrap {

namespace {
struct Palette {
  bool on;
  std::string wrap(llvm::StringRef code, llvm::StringRef s) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code.str(), s.str()) : s.str();
  }
  std::string bold(llvm::StringRef s) const { return wrap("1", s); }
  std::string removed(llvm::StringRef s) const { return wrap("31", s); }
  std::string added(llvm::StringRef s) const { return wrap("32", s); }
  std::string warn(llvm::StringRef s) const { return wrap("33", s); }
  std::string rule(llvm::StringRef s) const { return wrap("36", s); }
};

std::string field(const Object &o, llvm::StringRef key) {
  const Value *v = o.get(key);
  return v ? textOf(*v) : std::string();
}

std::vector<std::string> words(const Array *a, llvm::StringRef key = {}) {
  std::vector<std::string> out;
  if (!a)
    return out;
  for (const Value &v : *a) {
    const Value *w = &v;
    if (!key.empty())
      if (const Object *o = v.getAsObject())
        w = o->get(key);
    if (w)
      out.push_back(textOf(*w));
  }
  return out;
}

// "argv[3]" -> "" (the command line itself); "$NVCC_APPEND_FLAGS word 2" ->
// "$NVCC_APPEND_FLAGS"; "options file f.optf:4" -> "options file f.optf".
std::string sourceOf(llvm::StringRef origin) {
  if (origin.startswith("argv["))
    return {};
  size_t word = origin.rfind(" word ");
  if (word != llvm::StringRef::npos)
    return origin.take_front(word).str();
  size_t colon = origin.rfind(':');
  if (colon != llvm::StringRef::npos &&
      llvm::all_of(origin.drop_front(colon + 1), llvm::isDigit))
    return origin.take_front(colon).str();
  return origin.str();
}
} // namespace

std::string renderRecord(const Object &rec, bool color) {
  Palette p{color};
  std::string out;
  std::string head = "== " + field(rec, "personality");
  if (auto phase = field(rec, "phase"); !phase.empty())
    head += " " + phase;
  if (auto output = field(rec, "output"); !output.empty())
    head += " -> " + shellQuote(output);
  out += p.bold(head) + "\n";
  std::string where;
  if (auto cwd = field(rec, "cwd"); !cwd.empty())
    where += "   in " + shellQuote(cwd);
  if (auto pid = rec.getInteger("pid"))
    where += fmt::format("  pid {}", *pid);
  if (auto time = field(rec, "time"); !time.empty())
    where += "  at " + time;
  if (!where.empty())
    out += where + "\n";
  auto modifiers = words(rec.getArray("modifiers"));
  if (!modifiers.empty())
    out += "   modifiers: " + shellJoin(modifiers) + "\n";

  // Before: the command as the build wrote it, then the words nvcc or ld
  // also reads from variables and files, grouped by where they came from.
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  if (const Array *original = rec.getArray("original"))
    for (const Value &v : *original) {
      const Object *o = v.getAsObject();
      if (!o)
        continue;
      std::string src = sourceOf(field(*o, "origin"));
      if (groups.empty() || groups.back().first != src)
        groups.push_back({src, {}});
      groups.back().second.push_back(field(*o, "arg"));
    }
  std::string before = shellQuote(field(rec, "personality"));
  for (auto &[src, ws] : groups)
    if (src.empty())
      before += " " + shellJoin(ws);
  out += "   before: " + before + "\n";
  for (auto &[src, ws] : groups)
    if (!src.empty())
      out += fmt::format("           from {}: {}\n", src, shellJoin(ws));

  std::string after;
  if (const Array *env = rec.getArray("env"))
    for (const Value &v : *env)
      if (const Object *o = v.getAsObject()) {
        if (field(*o, "op") == "set")
          after += fmt::format("{}={} ", field(*o, "name"),
                               shellQuote(field(*o, "value")));
        else
          after += fmt::format("-u {} ", field(*o, "name"));
      }
  if (!after.empty())
    after = "env " + after;
  after += shellQuote(field(rec, "program"));
  auto argv = words(rec.getArray("argv"));
  if (!argv.empty())
    after += " " + shellJoin(argv);
  out += "   after:  " + after + "\n";

  // The diff: each change with the rule that made it and why.
  bool any = false;
  if (const Array *edits = rec.getArray("edits"))
    for (const Value &v : *edits) {
      const Object *o = v.getAsObject();
      if (!o)
        continue;
      any = true;
      std::string origin = field(*o, "origin");
      out += fmt::format("   {} {}{}: {}\n", p.rule(field(*o, "rule")),
                         field(*o, "action"),
                         origin.empty() ? "" : " [" + origin + "]",
                         field(*o, "reason"));
      auto removed = words(o->getArray("removed"));
      auto added = words(o->getArray("added"));
      if (!removed.empty())
        out += "     " + p.removed("- " + shellJoin(removed)) + "\n";
      if (!added.empty())
        out += "     " + p.added("+ " + shellJoin(added)) + "\n";
    }
  if (const Array *env = rec.getArray("env"))
    for (const Value &v : *env) {
      const Object *o = v.getAsObject();
      if (!o)
        continue;
      any = true;
      bool set = field(*o, "op") == "set";
      out += fmt::format("   {} {} ${}: {}\n", p.rule(field(*o, "rule")),
                         set ? "set" : "unset", field(*o, "name"),
                         field(*o, "reason"));
      out += "     " +
             (set ? p.added("+ " + field(*o, "name") + "=" +
                            shellQuote(field(*o, "value")))
                  : p.removed("- " + field(*o, "name"))) +
             "\n";
    }
  if (!any)
    out += "   no edits: runs as written\n";
  if (const Array *files = rec.getArray("files"))
    for (const Value &v : *files)
      if (const Object *o = v.getAsObject()) {
        llvm::SmallVector<llvm::StringRef, 8> lines;
        std::string content = field(*o, "content");
        llvm::StringRef(content).rtrim('\n').split(lines, '\n');
        std::vector<std::string> ls(lines.begin(), lines.end());
        out += fmt::format("   file {} (replaces {}): {}\n", field(*o, "name"),
                           shellQuote(field(*o, "replaces")), shellJoin(ls));
      }
  for (const std::string &w : words(rec.getArray("warnings")))
    out += "   " + p.warn("warning: " + w) + "\n";
  return out;
}

} // namespace cuwrap
