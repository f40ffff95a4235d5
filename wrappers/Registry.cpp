#include "Registry.h"

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

const Personality *personalityFor(llvm::StringRef programName,
                                  bool installedOnly) {
  llvm::StringRef base = llvm::sys::path::filename(programName);
  for (const Personality *p : personalities())
    if ((!installedOnly || p->installed()) && p->answersTo(base))
      return p;
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
