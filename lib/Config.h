// Layered configuration (docs/design.md, "Configuration"): compiled-in
// defaults < JSON file < CUWRAP_* variables. Each setting is parsed and
// validated once, into its own type, and remembers which layer set it, so
// that rules compare enums and bools rather than strings and `cuwrap config`
// can say why a value is what it is.
#pragma once

#include "Environment.h"
#include "Paths.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cuwrap {

template <typename T> struct Setting {
  T value{};
  std::string source = "default"; // "default", "file PATH", "$VAR"
};

enum class HostPolicy { Override, Default, Check };
enum class LogFormat { Json, Text };

// Where records go, as the `log` setting names it.
struct LogSetting {
  enum class Kind {
    Off,         // "0", "off", "false": off even under NIX_DEBUG
    DefaultPath, // "1", "on", "true": on, at the default place
    Fd,          // "stderr" (fd 2) or "fd:N"
    File,        // any other text: a path
  } kind = Kind::Off;
  int fd = -1;
  std::string path;
};

using Substitutions = std::vector<std::pair<std::string, std::string>>;

// A command run in front of the real nvcc on compiles (`launcher`: ccache,
// sccache), its words as given: the variable splits at blanks, the file
// may give a list.
struct Launcher {
  std::vector<std::string> words;
};

struct Config {
  Setting<std::string> nvcc, ld, hostCxx;
  Setting<HostPolicy> hostPolicy{HostPolicy::Override};
  Setting<std::string> cudartDir, driverDir, compatDir;
  Setting<std::vector<std::string>> rpathPrefixes;
  Setting<Substitutions> runpathSubstitutions;
  Setting<bool> compressFatbin{true};
  Setting<std::optional<LogSetting>> log; // unset: NIX_DEBUG decides
  Setting<LogFormat> logFormat{LogFormat::Json};
  Setting<bool> strictRunpath{false};
  Setting<Launcher> launcher;

  std::string file;       // the config file read, or empty
  std::string fileSource; // why that file: "$CUWRAP_CONFIG" or "next to the binary"

  // Every public setting as `cuwrap config` shows it, in the table's order
  // (the README): the JSON key, the variable (empty: file only), the
  // value as text (empty: unset) and where it came from.
  struct Row {
    const char *key;
    const char *variable;
    std::string value;
    std::string source;
  };
  std::vector<Row> rows() const;
};

// The settings as the environment and the file beside the binary give them.
llvm::Expected<Config> loadConfig(const Environment &env, const Paths &paths);

const char *hostPolicyName(HostPolicy p);

// The values compiled in when cuwrap was built (CMake's CUWRAP_DEFAULT_*),
// as "nvcc=... host_cxx=... cudart_dir=... compat_dir=...".
std::string compiledInSettings();

} // namespace cuwrap
