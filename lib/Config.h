// Layered configuration (design.md): compiled-in defaults < JSON file <
// CUWRAP_* variables. Every value remembers which layer set it, so that
// `cuwrap config` can say why a value is what it is.
#pragma once

#include "Environment.h"

#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace cuwrap {

struct Setting {
  std::string value;
  std::string source = "default"; // "default", "file PATH", "$VAR"
  bool isSet() const { return !value.empty(); }
};

enum class HostPolicy { Override, Default, Check };

struct Config {
  Setting nvcc, ld, hostCxx, hostPolicy, cudartDir, driverDir, compatDir,
      rpathPrefixes, compressFatbin, log, logFormat, strictRunpath;
  std::vector<std::pair<std::string, std::string>> runpathSubstitutions;
  std::string substitutionsSource = "default";
  std::string file;           // the config file read, or empty
  std::string fileSource;     // why that file: "$CUWRAP_CONFIG" or "next to the binary"

  HostPolicy policy() const;
  // Every public setting as (key, variable, setting), in design.md's order.
  std::vector<std::tuple<const char *, const char *, const Setting *>>
  table() const;
};

// Where the running binary lives; fixed once in main.
struct Paths {
  std::string self;       // realpath of the cuwrap binary
  std::string prefix;     // the directory above self's bin/
  std::string wrapperDir; // the personalities (build/wrappers or libexec/cuwrap/bin)
  static Paths fromSelf(llvm::StringRef selfExe);
};

llvm::Expected<Config> loadConfig(const Environment &env, const Paths &paths);

} // namespace cuwrap
