// Where the running cuwrap lives, and where its personalities and its
// config file are relative to it. Fixed once per process, in main.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace cuwrap {

struct Paths {
  std::string self;       // realpath of the cuwrap binary
  std::string prefix;     // the directory above self's bin/
  std::string wrapperDir; // the personalities (build/wrappers or libexec/cuwrap/bin)
  static Paths fromSelf(llvm::StringRef selfExe);
};

} // namespace cuwrap
