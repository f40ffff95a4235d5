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

static Array texts(llvm::ArrayRef<std::string> words) {
  Array a;
  for (const std::string &w : words)
    a.push_back(jsonText(w));
  return a;
}

Object makeRecord(const InvocationSummary &inv, const Plan &plan,
                  const RecordContext *ctx) {
  Object rec;
  if (ctx) {
    rec["time"] = ctx->time;
    rec["cwd"] = jsonText(ctx->cwd);
    rec["pid"] = int64_t(ctx->pid);
  }
  rec["personality"] = inv.personality;
  rec["phase"] = inv.phase;
  rec["modifiers"] = texts(inv.modifiers);
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
                              {"values", texts(p.values)},
                              {"words", std::move(words)}});
    }
    rec["parsed"] = std::move(parsed);
  }
  rec["program"] = jsonText(plan.program);
  rec["argv"] = texts(plan.args);
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
  Array edits;
  for (const Edit &e : plan.edits)
    edits.push_back(Object{{"rule", e.rule},
                           {"action", e.action},
                           {"removed", texts(e.removed)},
                           {"added", texts(e.added)},
                           {"origin", jsonText(e.origin)},
                           {"reason", e.reason}});
  rec["edits"] = std::move(edits);
  std::vector<std::string> warnings = inv.warnings;
  warnings.insert(warnings.end(), plan.warnings.begin(), plan.warnings.end());
  rec["warnings"] = texts(warnings);
  return rec;
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
  for (const Edit &e : plan.edits) {
    out += fmt::format("# {}: {}", e.rule, e.action);
    if (!e.removed.empty())
      out += " " + shellJoin(e.removed);
    if (!e.removed.empty() && !e.added.empty())
      out += " ->";
    if (!e.added.empty())
      out += " " + shellJoin(e.added);
    out += fmt::format(" [{}]: {}\n", e.origin, e.reason);
  }
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
