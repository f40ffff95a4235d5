#include "Origin.h"

#include <fmt/format.h>

namespace cuwrap {

std::string Origin::str() const {
  switch (kind) {
  case Kind::Argv:
    return fmt::format("argv[{}]", position);
  case Kind::EnvVar:
    return position ? fmt::format("${} word {}", source, position)
                    : fmt::format("${}", source);
  case Kind::OptionsFile:
    return fmt::format("options file {}:{}", source, position);
  case Kind::ResponseFile:
    return fmt::format("response file {}:{}", source, position);
  case Kind::Injected:
    return fmt::format("cuwrap ({})", source);
  case Kind::Text:
    return source;
  }
  return {};
}

std::string Origin::place() const {
  switch (kind) {
  case Kind::Argv:
    return "";
  case Kind::EnvVar:
    return "$" + source;
  case Kind::OptionsFile:
    return "options file " + source;
  case Kind::ResponseFile:
    return "response file " + source;
  case Kind::Injected:
  case Kind::Text:
    return str();
  }
  return {};
}

const char *originKindName(Origin::Kind k) {
  switch (k) {
  case Origin::Kind::Argv:
    return "argv";
  case Origin::Kind::EnvVar:
    return "env";
  case Origin::Kind::OptionsFile:
    return "options-file";
  case Origin::Kind::ResponseFile:
    return "response-file";
  case Origin::Kind::Injected:
    return "cuwrap";
  case Origin::Kind::Text:
    return "text";
  }
  return "?";
}

} // namespace cuwrap
