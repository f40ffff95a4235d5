#include "JsonText.h"
#include "ShellQuote.h"

#include "llvm/ADT/StringExtras.h"

namespace cuwrap {

llvm::json::Value jsonText(llvm::StringRef s) {
  if (isUTF8(s))
    return llvm::json::Value(s.str());
  return llvm::json::Object{{"bytes", llvm::toHex(s, /*LowerCase=*/true)}};
}

llvm::json::Array jsonTexts(llvm::ArrayRef<std::string> words) {
  llvm::json::Array a;
  for (const std::string &w : words)
    a.push_back(jsonText(w));
  return a;
}

void writeText(llvm::json::OStream &j, llvm::StringRef s) {
  if (isUTF8(s))
    j.value(s);
  else
    j.object([&] { j.attribute("bytes", llvm::toHex(s, /*LowerCase=*/true)); });
}

void writeTexts(llvm::json::OStream &j, llvm::ArrayRef<std::string> words) {
  j.array([&] {
    for (const std::string &w : words)
      writeText(j, w);
  });
}

bool fromJSONText(const llvm::json::Value &v, std::string &out,
                  llvm::json::Path p) {
  if (auto s = v.getAsString()) {
    out = s->str();
    return true;
  }
  if (const llvm::json::Object *o = v.getAsObject())
    if (auto hex = o->getString("bytes")) {
      if (hex->size() % 2 == 0 && llvm::all_of(*hex, llvm::isHexDigit)) {
        out = llvm::fromHex(*hex);
        return true;
      }
      p.field("bytes").report("expected hexadecimal digits");
      return false;
    }
  p.report("expected a string or {\"bytes\": HEX}");
  return false;
}

bool fromJSONTexts(const llvm::json::Value &v, std::vector<std::string> &out,
                   llvm::json::Path p) {
  const llvm::json::Array *a = v.getAsArray();
  if (!a) {
    p.report("expected an array");
    return false;
  }
  out.clear();
  for (size_t i = 0; i < a->size(); ++i) {
    std::string s;
    if (!fromJSONText((*a)[i], s, p.index(i)))
      return false;
    out.push_back(std::move(s));
  }
  return true;
}

std::string textOf(const llvm::json::Value &v) {
  llvm::json::Path::Root root;
  std::string s;
  return fromJSONText(v, s, root) ? s : std::string();
}

} // namespace cuwrap
