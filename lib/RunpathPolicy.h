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

// A user's -rpath option that held a stubs directory, and what it holds
// instead (replaceStubs).
struct StubsReplacement {
  size_t option = 0;              // which of the user's options
  std::vector<std::string> dirs;  // its new value, split at ':'; empty: the
                                  // option goes (it held nothing else)
  std::vector<std::string> stubs; // the stubs entries it held
  std::vector<std::string> added; // what took their place
};

// What the caller found out about one link.
struct LinkFacts {
  // -rpath values on the line, in order, after the stubs replacements.
  std::vector<std::string> userRpaths;
  std::vector<StubsReplacement> stubsReplaced;
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

// A stubs directory the user (or a build system) named with -rpath is
// replaced where it stands by the compat and driver directories: the
// program then finds the real libcuda.so.1 at the priority the user gave
// the stand-in, as Nixpkgs' removeStubsFromRunpathHook does after the
// build. Unlike that hook, no directory is put in twice (invariant 3): a
// compat or driver directory that the user's options already name anywhere,
// or that an earlier stubs entry already brought, is not added again, and an
// option left with nothing is dropped. The user's own entries are never
// moved or removed. `options` holds each -rpath option's directories.
std::vector<StubsReplacement>
replaceStubs(const RunpathConfig &cfg,
             llvm::ArrayRef<std::vector<std::string>> options,
             const DirKey &key = lexicalDirKey);

// The reason an edit replacing a stubs entry gives: the user's entry, why
// it cannot stay, and what takes its place.
std::string stubsReason(const StubsReplacement &r);

// One -rpath option among the words a linker receives (`-rpath D`,
// `--rpath D`, `-R D`, `-rpath=D`, `--rpath=D`): the word naming the
// option, the word holding its value and where the value starts there.
struct RpathOption {
  size_t flag = 0, word = 0, offset = 0;
  std::string value; // a ':' list, as ld appends it to the RUNPATH
};
std::vector<RpathOption>
rpathOptionsInLinkerWords(llvm::ArrayRef<std::string> words);
// Their values, each split at ':' as ld reads it.
std::vector<std::string> rpathsInLinkerWords(llvm::ArrayRef<std::string> words);
// A ':' list split as ld reads it (empty elements dropped).
std::vector<std::string> splitRpath(llvm::StringRef value);

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
