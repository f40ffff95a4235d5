#include "Environment.h"

namespace cuwrap {

static llvm::StringRef nameOf(llvm::StringRef entry) {
  return entry.take_until([](char c) { return c == '='; });
}

Environment Environment::fromEnvp(char **envp) {
  std::vector<std::string> entries;
  size_t n = 0;
  for (char **e = envp; e && *e; ++e)
    ++n;
  entries.reserve(n);
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

std::vector<const char *>
Environment::applyForExec(const std::vector<EnvEdit> &edits,
                          std::deque<std::string> &made) const {
  // The last edit of a variable wins, as in a shell script.
  auto finalEdit = [&](llvm::StringRef name) -> const EnvEdit * {
    const EnvEdit *found = nullptr;
    for (const EnvEdit &ed : edits)
      if (ed.name == name)
        found = &ed;
    return found;
  };
  std::vector<const char *> out;
  out.reserve(Entries.size() + edits.size() + 1);
  for (const std::string &e : Entries) {
    const EnvEdit *ed = edits.empty() ? nullptr : finalEdit(nameOf(e));
    if (!ed)
      out.push_back(e.c_str());
    else if (ed->op == EnvEdit::Op::Set)
      out.push_back(made.emplace_back(ed->name + "=" + ed->value).c_str());
  }
  for (const EnvEdit &ed : edits)
    if (ed.op == EnvEdit::Op::Set && finalEdit(ed.name) == &ed && !get(ed.name))
      out.push_back(made.emplace_back(ed.name + "=" + ed.value).c_str());
  return out;
}

Environment Environment::apply(const std::vector<EnvEdit> &edits) const {
  std::deque<std::string> made;
  std::vector<const char *> entries = applyForExec(edits, made);
  return Environment(std::vector<std::string>(entries.begin(), entries.end()));
}

} // namespace cuwrap
