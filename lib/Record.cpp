#include "Record.h"
#include "BoundedJSON.h"
#include "JsonText.h"
#include "Personality.h"

#include "llvm/Support/raw_ostream.h"

namespace cuwrap {

using llvm::json::Path;
using llvm::json::Value;

Record makeRecord(const PlannedCall &pc, std::optional<RecordContext> ctx,
                  bool describeParse) {
  const ToolCall &call = *pc.call;
  Record r;
  r.context = std::move(ctx);
  r.personality = pc.invokedAs;
  r.phase = call.phaseName();
  r.modifiers = call.modifiers();
  r.output = call.output();
  r.original.reserve(call.cmd.words.size());
  for (const Word &w : call.cmd.words)
    r.original.push_back(RecordWord{w.text, w.origin});
  if (describeParse)
    r.parsed = call.parsed.describe(call.listFlag());
  const Plan &plan = pc.plan;
  r.launcher = plan.launcher;
  r.program = plan.program;
  r.argv = plan.args;
  r.env = plan.env;
  r.files = plan.files;
  r.edits = plan.edits;
  r.warnings = call.warnings;
  r.warnings.insert(r.warnings.end(), plan.warnings.begin(), plan.warnings.end());
  return r;
}

// --- Writing. Keys in sorted order, as llvm::json writes an Object, so the
// streamed form and a pretty-printed one list keys alike.

namespace {
using llvm::json::OStream;

template <typename F> void textAttr(OStream &j, llvm::StringRef key, F &&write) {
  j.attributeBegin(key);
  write();
  j.attributeEnd();
}

// Every string of a record may carry a user's bytes (a reason quotes the
// -ccbin it replaced): none is written as a plain JSON string unchecked.
void text(OStream &j, llvm::StringRef key, llvm::StringRef value) {
  textAttr(j, key, [&] { writeText(j, value); });
}

void writeOrigin(OStream &j, const Origin &o) {
  if (o.kind == Origin::Kind::Text) {
    writeText(j, o.source);
    return;
  }
  j.object([&] {
    switch (o.kind) {
    case Origin::Kind::Argv:
      j.attribute("index", int64_t(o.position));
      j.attribute("kind", originKindName(o.kind));
      break;
    case Origin::Kind::EnvVar:
      j.attribute("kind", originKindName(o.kind));
      j.attributeBegin("variable");
      writeText(j, o.source);
      j.attributeEnd();
      j.attribute("word", int64_t(o.position));
      break;
    case Origin::Kind::OptionsFile:
    case Origin::Kind::ResponseFile:
      j.attributeBegin("file");
      writeText(j, o.source);
      j.attributeEnd();
      j.attribute("kind", originKindName(o.kind));
      j.attribute("line", int64_t(o.position));
      break;
    case Origin::Kind::Injected:
      j.attribute("kind", originKindName(o.kind));
      text(j, "rule", o.source);
      break;
    case Origin::Kind::Text:
      break;
    }
  });
}

const char *placementName(Edit::Placement p) {
  switch (p) {
  case Edit::Placement::At:
    return "at";
  case Edit::Placement::Before:
    return "before";
  case Edit::Placement::End:
    return "end";
  }
  return "at";
}


void writeEdits(OStream &j, llvm::ArrayRef<Edit> edits) {
  j.array([&] {
    for (const Edit &e : edits)
      j.object([&] {
        j.attribute("action", actionName(e.action));
        textAttr(j, "added", [&] { writeTexts(j, e.added); });
        if (e.origin)
          textAttr(j, "origin", [&] { writeOrigin(j, *e.origin); });
        j.attribute("placement", placementName(e.placement));
        text(j, "reason", e.reason);
        textAttr(j, "removed", [&] { writeTexts(j, e.removed); });
        text(j, "rule", e.rule);
      });
  });
}

void writeRecord(OStream &j, const Record &r) {
  j.object([&] {
    textAttr(j, "argv", [&] { writeTexts(j, r.argv); });
    if (r.context)
      textAttr(j, "cwd", [&] { writeText(j, r.context->cwd); });
    textAttr(j, "edits", [&] { writeEdits(j, r.edits); });
    j.attributeArray("env", [&] {
      for (const EnvEdit &e : r.env)
        j.object([&] {
          text(j, "name", e.name);
          j.attribute("op", e.op == EnvEdit::Op::Set ? "set" : "unset");
          text(j, "reason", e.reason);
          text(j, "rule", e.rule);
          if (e.op == EnvEdit::Op::Set)
            textAttr(j, "value", [&] { writeText(j, e.value); });
        });
    });
    j.attributeArray("files", [&] {
      for (const GeneratedFile &f : r.files)
        j.object([&] {
          textAttr(j, "content", [&] { writeText(j, f.content); });
          text(j, "name", f.placeholder);
          textAttr(j, "replaces", [&] { writeText(j, f.replaces); });
        });
    });
    if (!r.launcher.empty())
      textAttr(j, "launcher", [&] { writeTexts(j, r.launcher); });
    textAttr(j, "modifiers", [&] { writeTexts(j, r.modifiers); });
    j.attributeArray("original", [&] {
      for (const RecordWord &w : r.original)
        j.object([&] {
          textAttr(j, "arg", [&] { writeText(j, w.text); });
          textAttr(j, "origin", [&] { writeOrigin(j, w.origin); });
        });
    });
    textAttr(j, "output", [&] { writeText(j, r.output); });
    if (r.parsed)
      j.attributeArray("parsed", [&] {
        for (const ParsedOption &p : *r.parsed)
          j.object([&] {
            text(j, "option", p.option);
            textAttr(j, "values", [&] { writeTexts(j, p.values); });
            j.attributeArray("words", [&] {
              for (unsigned w : p.words)
                j.value(int64_t(w));
            });
          });
      });
    j.attribute("personality", r.personality);
    j.attribute("phase", r.phase);
    if (r.context)
      j.attribute("pid", int64_t(r.context->pid));
    textAttr(j, "program", [&] { writeText(j, r.program); });
    if (r.context)
      j.attribute("time", r.context->time);
    j.attribute("version", int64_t(r.version));
    textAttr(j, "warnings", [&] { writeTexts(j, r.warnings); });
  });
}
} // namespace

std::string recordJSON(const Record &r) {
  std::string out;
  llvm::raw_string_ostream os(out);
  OStream j(os);
  writeRecord(j, r);
  os.flush();
  return out;
}

Value toJSON(const Record &r) {
  auto v = llvm::json::parse(recordJSON(r));
  assert(v && "cuwrap writes valid JSON");
  return v ? std::move(*v) : Value(nullptr);
}

Value editsToJSON(llvm::ArrayRef<Edit> edits) {
  std::string out;
  llvm::raw_string_ostream os(out);
  OStream j(os);
  writeEdits(j, edits);
  os.flush();
  auto v = llvm::json::parse(out);
  return v ? std::move(*v) : Value(nullptr);
}

// --- Reading.

namespace {
bool readText(const llvm::json::Object &o, llvm::StringRef key,
              std::string &out, Path p, bool required = true) {
  if (const Value *v = o.get(key))
    return fromJSONText(*v, out, p.field(key));
  if (required)
    p.field(key).report("missing value");
  return !required;
}

bool readTexts(const llvm::json::Object &o, llvm::StringRef key,
               std::vector<std::string> &out, Path p, bool required = true) {
  if (const Value *v = o.get(key))
    return fromJSONTexts(*v, out, p.field(key));
  if (required)
    p.field(key).report("missing value");
  return !required;
}

bool readUnsigned(const llvm::json::Object &o, llvm::StringRef key,
                  unsigned &out, Path p) {
  auto n = o.getInteger(key);
  if (!n || *n < 0 || *n > int64_t(UINT_MAX)) {
    p.field(key).report("expected a non-negative integer");
    return false;
  }
  out = unsigned(*n);
  return true;
}

template <typename E>
bool readEnum(const llvm::json::Object &o, llvm::StringRef key, E &out, Path p,
              std::initializer_list<std::pair<llvm::StringRef, E>> names) {
  auto s = o.getString(key);
  if (s)
    for (const auto &[name, value] : names)
      if (*s == name) {
        out = value;
        return true;
      }
  p.field(key).report("unknown value");
  return false;
}
} // namespace

// Version 1 wrote origins as their text (Origin::str()); read the forms it
// wrote back into their kinds, anything else stays text.
static Origin legacyOrigin(llvm::StringRef t) {
  unsigned n = 0;
  llvm::StringRef rest = t;
  if (rest.consume_front("argv[") && rest.consume_back("]") &&
      !rest.getAsInteger(10, n))
    return {Origin::Kind::Argv, "", n};
  rest = t;
  if (rest.consume_front("$")) {
    auto [name, word] = rest.split(" word ");
    if (word.empty() && !rest.contains(' '))
      return {Origin::Kind::EnvVar, name.str(), 0};
    if (!word.getAsInteger(10, n))
      return {Origin::Kind::EnvVar, name.str(), n};
  }
  for (auto [prefix, kind] :
       {std::pair<llvm::StringRef, Origin::Kind>{"options file ",
                                                 Origin::Kind::OptionsFile},
        {"response file ", Origin::Kind::ResponseFile}}) {
    rest = t;
    if (rest.consume_front(prefix)) {
      auto [file, line] = rest.rsplit(':');
      if (!line.getAsInteger(10, n))
        return {kind, file.str(), n};
    }
  }
  rest = t;
  if (rest.consume_front("cuwrap (") && rest.consume_back(")"))
    return {Origin::Kind::Injected, rest.str(), 0};
  return {Origin::Kind::Text, t.str(), 0};
}

bool fromJSON(const Value &v, Origin &o, Path p) {
  if (v.getAsString() || (v.getAsObject() && v.getAsObject()->get("bytes"))) {
    std::string text;
    if (!fromJSONText(v, text, p))
      return false;
    o = legacyOrigin(text);
    return true;
  }
  const llvm::json::Object *obj = v.getAsObject();
  if (!obj) {
    p.report("expected an origin object");
    return false;
  }
  using K = Origin::Kind;
  if (!readEnum<K>(*obj, "kind", o.kind, p,
                   {{"argv", K::Argv},
                    {"env", K::EnvVar},
                    {"options-file", K::OptionsFile},
                    {"response-file", K::ResponseFile},
                    {"cuwrap", K::Injected}}))
    return false;
  switch (o.kind) {
  case K::Argv:
    return readUnsigned(*obj, "index", o.position, p);
  case K::EnvVar:
    return readText(*obj, "variable", o.source, p) &&
           readUnsigned(*obj, "word", o.position, p);
  case K::OptionsFile:
  case K::ResponseFile:
    return readText(*obj, "file", o.source, p) &&
           readUnsigned(*obj, "line", o.position, p);
  case K::Injected:
    return readText(*obj, "rule", o.source, p);
  case K::Text:
    break;
  }
  return true;
}

bool fromJSON(const Value &v, Edit &e, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected an object");
    return false;
  }
  using A = Edit::Action;
  using P = Edit::Placement;
  if (!readEnum<A>(*o, "action", e.action, p,
                   {{"add", A::Add},
                    {"remove", A::Remove},
                    {"replace", A::Replace},
                    {"translate", A::Translate},
                    {"env", A::Env}}) ||
      !readTexts(*o, "added", e.added, p) ||
      !readTexts(*o, "removed", e.removed, p) ||
      !readText(*o, "reason", e.reason, p) || !readText(*o, "rule", e.rule, p))
    return false;
  e.placement = P::At;
  if (o->get("placement") &&
      !readEnum<P>(*o, "placement", e.placement, p,
                   {{"at", P::At}, {"before", P::Before}, {"end", P::End}}))
    return false;
  e.origin.reset();
  if (const Value *ov = o->get("origin")) {
    Origin origin;
    if (!fromJSON(*ov, origin, p.field("origin")))
      return false;
    // Version 1 wrote the place as text: "end of argv", "before ORIGIN".
    llvm::StringRef text = origin.source;
    if (origin.kind == Origin::Kind::Text && text == "end of argv") {
      e.placement = P::End;
    } else if (origin.kind == Origin::Kind::Text &&
               text.consume_front("before ")) {
      e.placement = P::Before;
      e.origin = legacyOrigin(text);
    } else if (!(origin.kind == Origin::Kind::Text && text.empty())) {
      e.origin = origin;
    }
  }
  return true;
}

bool fromJSON(const Value &v, EnvEdit &e, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected an object");
    return false;
  }
  using Op = EnvEdit::Op;
  if (!readEnum<Op>(*o, "op", e.op, p, {{"set", Op::Set}, {"unset", Op::Unset}}) ||
      !readText(*o, "name", e.name, p) ||
      !readText(*o, "reason", e.reason, p, false) ||
      !readText(*o, "rule", e.rule, p, false))
    return false;
  e.value.clear();
  return e.op == Op::Unset || readText(*o, "value", e.value, p);
}

bool fromJSON(const Value &v, GeneratedFile &f, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected an object");
    return false;
  }
  return readText(*o, "name", f.placeholder, p) &&
         readText(*o, "content", f.content, p) &&
         readText(*o, "replaces", f.replaces, p);
}

bool fromJSON(const Value &v, RecordWord &w, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected an object");
    return false;
  }
  if (!readText(*o, "arg", w.text, p))
    return false;
  const Value *origin = o->get("origin");
  if (!origin) {
    p.field("origin").report("missing value");
    return false;
  }
  return fromJSON(*origin, w.origin, p.field("origin"));
}

bool fromJSON(const Value &v, ParsedOption &po, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected an object");
    return false;
  }
  if (!readText(*o, "option", po.option, p) ||
      !readTexts(*o, "values", po.values, p))
    return false;
  llvm::json::ObjectMapper m(v, p);
  std::vector<int64_t> words;
  if (!m.map("words", words))
    return false;
  po.words.assign(words.begin(), words.end());
  return true;
}

template <typename T>
static bool readArray(const llvm::json::Object &o, llvm::StringRef key,
                      std::vector<T> &out, Path p, bool required) {
  const Value *v = o.get(key);
  if (!v) {
    if (required)
      p.field(key).report("missing value");
    return !required;
  }
  const llvm::json::Array *a = v->getAsArray();
  if (!a) {
    p.field(key).report("expected an array");
    return false;
  }
  out.clear();
  out.reserve(a->size());
  for (size_t i = 0; i < a->size(); ++i) {
    T item;
    if (!fromJSON((*a)[i], item, p.field(key).index(i)))
      return false;
    out.push_back(std::move(item));
  }
  return true;
}

bool fromJSON(const Value &v, Record &r, Path p) {
  const llvm::json::Object *o = v.getAsObject();
  if (!o) {
    p.report("expected a record object");
    return false;
  }
  // Records before versions were written are version 1.
  r.version = int(o->getInteger("version").getValueOr(1));
  if (!o->getString("personality")) {
    p.field("personality").report("missing value");
    return false;
  }
  r.personality = o->getString("personality")->str();
  r.phase = o->getString("phase").getValueOr("").str();
  if (o->get("cwd") || o->get("time") || o->get("pid")) {
    RecordContext ctx;
    if (!readText(*o, "cwd", ctx.cwd, p, false))
      return false;
    ctx.time = o->getString("time").getValueOr("").str();
    ctx.pid = long(o->getInteger("pid").getValueOr(0));
    r.context = ctx;
  }
  if (!readTexts(*o, "modifiers", r.modifiers, p, false) ||
      !readText(*o, "output", r.output, p, false) ||
      !readArray(*o, "original", r.original, p, false) ||
      !readTexts(*o, "launcher", r.launcher, p, false) ||
      !readText(*o, "program", r.program, p, false) ||
      !readTexts(*o, "argv", r.argv, p, false) ||
      !readArray(*o, "env", r.env, p, false) ||
      !readArray(*o, "files", r.files, p, false) ||
      !readArray(*o, "edits", r.edits, p, false) ||
      !readTexts(*o, "warnings", r.warnings, p, false))
    return false;
  if (o->get("parsed")) {
    std::vector<ParsedOption> parsed;
    if (!readArray(*o, "parsed", parsed, p, true))
      return false;
    r.parsed = std::move(parsed);
  }
  return true;
}

llvm::Expected<Record> parseRecord(llvm::StringRef line) {
  auto v = parseJSON(line);
  if (!v)
    return v.takeError();
  Record r;
  llvm::json::Path::Root root("record");
  if (!fromJSON(*v, r, root))
    return root.getError();
  return r;
}

} // namespace cuwrap
