#include "Plan.h"

namespace cuwrap {

std::string Edit::where() const {
  if (placement == Placement::End)
    return "end of argv";
  if (!origin)
    return "";
  return placement == Placement::Before ? "before " + origin->str()
                                        : origin->str();
}

const char *actionName(Edit::Action a) {
  switch (a) {
  case Edit::Action::Add:
    return "add";
  case Edit::Action::Remove:
    return "remove";
  case Edit::Action::Replace:
    return "replace";
  case Edit::Action::Translate:
    return "translate";
  case Edit::Action::Env:
    return "env";
  }
  return "?";
}

} // namespace cuwrap
