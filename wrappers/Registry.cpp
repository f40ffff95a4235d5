#include "Registry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

#define CUWRAP_PERSONALITY(ID, DIR, NAME, ALIASES, INSTALLED)                  \
  namespace cuwrap::DIR {                                                      \
  std::unique_ptr<Personality> create(const PersonalityInfo &);                \
  }
#include "Personalities.def"
#undef CUWRAP_PERSONALITY

namespace cuwrap {

namespace {
struct Registry {
  std::vector<std::unique_ptr<Personality>> owned;
  std::vector<const Personality *> all;
  Registry() {
#define CUWRAP_PERSONALITY(ID, DIR, NAME, ALIASES, INSTALLED)                  \
  owned.push_back(DIR::create(                                                 \
      PersonalityInfo{PersonalityID::ID, NAME, ALIASES, INSTALLED != 0}));
#include "Personalities.def"
#undef CUWRAP_PERSONALITY
    for (const auto &p : owned)
      all.push_back(p.get());
  }
};

const Registry &registry() {
  static const Registry r;
  return r;
}
} // namespace

const std::vector<const Personality *> &personalities() {
  return registry().all;
}

const Personality &personality(PersonalityID id) {
  for (const Personality *p : personalities())
    if (p->id() == id)
      return *p;
  llvm_unreachable("every PersonalityID is registered");
}

// GCC and clang install their drivers as [TRIPLE-]NAME[-VERSION]
// (x86_64-linux-gnu-g++-12, clang++-14), binutils its linker as TRIPLE-ld:
// whether `base` is such a spelling of `name`.
static bool isDriverNameOf(llvm::StringRef base, llvm::StringRef name) {
  llvm::StringRef rest = base;
  size_t dash = rest.rfind('-');
  if (dash != llvm::StringRef::npos && dash + 1 < rest.size() &&
      llvm::all_of(rest.drop_front(dash + 1),
                   [](char c) { return llvm::isDigit(c) || c == '.'; }) &&
      llvm::isDigit(rest[dash + 1]))
    rest = rest.take_front(dash);
  return rest == name || rest.endswith(("-" + name).str());
}

const Personality *personalityFor(llvm::StringRef programName,
                                  bool installedOnly) {
  llvm::StringRef base = llvm::sys::path::filename(programName);
  for (const Personality *p : personalities())
    if ((!installedOnly || p->installed()) && p->answersTo(base))
      return p;
  // The wrapper answers to its own names only (its argv[0] is one of the
  // links the build made); what `explain` and `plan` are given may be any
  // spelling of the driver a build system found.
  if (installedOnly)
    return nullptr;
  for (const Personality *p : personalities()) {
    std::vector<llvm::StringRef> names = p->aliases();
    names.insert(names.begin(), p->name());
    for (llvm::StringRef n : names)
      if (isDriverNameOf(base, n))
        return p;
  }
  return nullptr;
}

std::string personalityNames(bool installedOnly) {
  std::vector<std::string> names;
  for (const Personality *p : personalities()) {
    if (installedOnly && !p->installed())
      continue;
    names.push_back(p->name().str());
    for (llvm::StringRef a : p->aliases())
      names.push_back(a.str());
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

} // namespace cuwrap
