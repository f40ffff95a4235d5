// Which RUNPATH entries a final link needs so that a CUDA program finds the
// driver at run time (docs/design.md, invariant 3). One policy serves both
// personalities: nvcc's final link and the `ld` that a host compiler (CMake's
// link of CUDA targets, `nvcc -dlink` followed by g++) runs. Whichever of the
// two acts, and if both do, the result must be the same RUNPATH.
#pragma once

#include "Config.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cuwrap {

struct RunpathConfig {
  std::string driverDir, compatDir, cudartDir;
  std::vector<std::string> prefixes; // -L dirs under these get an entry
  std::vector<std::pair<std::string, std::string>> substitutions;
  static RunpathConfig from(const Config &cfg);
};

// What the caller found out about one link.
struct LinkFacts {
  std::vector<std::string> userRpaths; // -rpath values on the line, in order
  // -L directories that provide a shared library the link uses, in the
  // order the linker searches them, spelled canonically.
  std::vector<std::string> sharedLibDirs;
  bool cudartShared = false;
  bool linksCuda = false;
};

struct RunpathEntry {
  std::string dir;
  std::string reason;
};

// How two spellings of a directory are compared (the same directory
// reached through `bin/..` or a symlink must not appear twice). The
// personalities pass a realpath-based key; the default is lexical.
using DirKey = std::function<std::string(llvm::StringRef)>;
std::string lexicalDirKey(llvm::StringRef dir);

// The entries to add after the user's own, in order. Pure.
std::vector<RunpathEntry> runpathEntries(const RunpathConfig &cfg,
                                         const LinkFacts &facts,
                                         const DirKey &key = lexicalDirKey);

// The -rpath entries among words the linker receives (`-rpath D`,
// `--rpath D`, `-R D`, `-rpath=D`, `--rpath=D`), each value split at ':' as
// ld reads it.
std::vector<std::string> rpathsInLinkerWords(llvm::ArrayRef<std::string> words);

// A directory named `stubs` holds link-time stand-ins (libcuda.so that
// fails at run time with "CUDA driver is a stub library").
bool isStubsDir(llvm::StringRef dir);
// `dir` is `prefix` or below it (whole path components).
bool isUnder(llvm::StringRef dir, llvm::StringRef prefix);

// realpath when the directory exists, else the lexically cleaned spelling.
std::string canonicalDir(llvm::vfs::FileSystem &fs, llvm::StringRef dir);

// libcudart*, libcuda, libcudadevrt by name (`-l` name or file name).
bool isCudaLibraryName(llvm::StringRef libName);

} // namespace cuwrap
