#include "Environment.h"

namespace cuwrap {

static llvm::StringRef nameOf(llvm::StringRef entry) {
  return entry.take_until([](char c) { return c == '='; });
}

Environment Environment::fromEnvp(char **envp) {
  std::vector<std::string> entries;
  for (char **e = envp; e && *e; ++e)
    entries.emplace_back(*e);
  return Environment(std::move(entries));
}

std::optional<llvm::StringRef> Environment::get(llvm::StringRef name) const {
  for (const std::string &e : Entries) {
    llvm::StringRef entry(e);
    if (entry.size() > name.size() && entry[name.size()] == '=' &&
        entry.startswith(name))
      return entry.drop_front(name.size() + 1);
  }
  return std::nullopt;
}

std::optional<llvm::StringRef>
Environment::getNonEmpty(llvm::StringRef name) const {
  auto v = get(name);
  if (v && !v->empty())
    return v;
  return std::nullopt;
}

Environment Environment::apply(const std::vector<EnvEdit> &edits) const {
  // The last edit of a variable wins, as in a shell script.
  auto finalEdit = [&](llvm::StringRef name) -> const EnvEdit * {
    const EnvEdit *found = nullptr;
    for (const EnvEdit &ed : edits)
      if (ed.name == name)
        found = &ed;
    return found;
  };
  std::vector<std::string> out;
  out.reserve(Entries.size() + edits.size());
  for (const std::string &e : Entries) {
    const EnvEdit *ed = finalEdit(nameOf(e));
    if (!ed)
      out.push_back(e);
    else if (ed->op == EnvEdit::Op::Set)
      out.push_back(ed->name + "=" + ed->value);
  }
  for (const EnvEdit &ed : edits)
    if (ed.op == EnvEdit::Op::Set && finalEdit(ed.name) == &ed && !get(ed.name))
      out.push_back(ed.name + "=" + ed.value);
  return Environment(std::move(out));
}

} // namespace cuwrap
