// The CUDA toolkit cuwrap wraps, as `cuwrap --version` and `cuwrap doctor`
// describe it: where the real nvcc is and which release it belongs to,
// read from the toolkit's files (no nvcc is run).
#pragma once

#include "Config.h"
#include "Session.h"

#include <string>

namespace cuwrap {

struct ToolkitInfo {
  std::string nvcc;    // the real nvcc, or empty when none is found
  std::string root;    // the directory above nvcc's bin/
  std::string version; // "13.0.88", "13.0", or empty when unknown
  std::string summary; // one line for people
};

ToolkitInfo describeToolkit(const Config &config, const Session &session);

} // namespace cuwrap
