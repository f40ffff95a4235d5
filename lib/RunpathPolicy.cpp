#include "RunpathPolicy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

namespace cuwrap {

RunpathConfig RunpathConfig::from(const Config &cfg) {
  RunpathConfig rc;
  rc.driverDir = cfg.driverDir.value;
  rc.compatDir = cfg.compatDir.value;
  rc.cudartDir = cfg.cudartDir.value;
  rc.prefixes = cfg.rpathPrefixes.value;
  rc.substitutions = cfg.runpathSubstitutions.value;
  return rc;
}

std::string lexicalDirKey(llvm::StringRef dir) {
  llvm::SmallString<256> s(dir);
  llvm::sys::path::remove_dots(s, /*remove_dot_dot=*/true);
  while (s.size() > 1 && s.back() == '/')
    s.pop_back();
  return s.str().str();
}

std::vector<std::string> rpathsInLinkerWords(llvm::ArrayRef<std::string> words) {
  std::vector<std::string> out;
  auto add = [&](llvm::StringRef value) {
    llvm::SmallVector<llvm::StringRef, 4> dirs;
    value.split(dirs, ':', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef d : dirs)
      out.push_back(d.str());
  };
  for (size_t i = 0; i < words.size(); ++i) {
    llvm::StringRef w = words[i];
    if ((w == "-rpath" || w == "--rpath" || w == "-R") && i + 1 < words.size())
      add(words[++i]);
    else if (w.consume_front("-rpath=") || w.consume_front("--rpath="))
      add(w);
  }
  return out;
}

bool isStubsDir(llvm::StringRef dir) {
  return llvm::sys::path::filename(lexicalDirKey(dir)) == "stubs";
}

bool isUnder(llvm::StringRef dir, llvm::StringRef prefix) {
  std::string d = lexicalDirKey(dir), p = lexicalDirKey(prefix);
  if (p.empty())
    return false;
  if (p == "/")
    return true;
  return d == p || (llvm::StringRef(d).startswith(p) && d[p.size()] == '/');
}

static std::string substitute(
    const std::string &dir,
    const std::vector<std::pair<std::string, std::string>> &subs) {
  for (const auto &[from, to] : subs)
    if (isUnder(dir, from)) {
      std::string d = lexicalDirKey(dir), f = lexicalDirKey(from);
      return to + d.substr(f.size());
    }
  return dir;
}

// The order of what is added, after whatever -rpath the user gave (those
// stay first and are never repeated: the user asked for them):
//  1. the cuda_compat directory: its libcuda.so.1 is a newer driver
//     user-space than the installed one (Jetson), so it must be found before
//     the driver directory. Nixpkgs gets this by running cuda_compat's hook
//     after addDriverRunpath, which prepends.
//  2. the driver directory: libcuda.so.1 is dlopen'ed even with the default
//     static cudart, through the executable's RUNPATH (docs/nvcc.md). It
//     also stands in for any `stubs` directory the link used.
//  3. the cudart directory, when cudart is linked shared.
//  4. each -L directory that provided a shared library the link uses, when
//     it is under the configured prefixes, in search order: what Nixpkgs'
//     ld-wrapper adds for every link, so a CUDA link through the wrapper
//     keeps the other libraries it needs.
// The toolkit's directories come after the driver's so that a libcuda.so.1
// lying next to them can never shadow the driver. Substitutions apply to
// every added entry (the backend compiler's library directories become the
// stdenv's); a `stubs` directory is never added; two spellings of one
// directory (by `key`) count once.
std::vector<RunpathEntry> runpathEntries(const RunpathConfig &cfg,
                                         const LinkFacts &facts,
                                         const DirKey &key) {
  std::vector<RunpathEntry> out;
  if (!facts.linksCuda)
    return out;
  std::set<std::string> seen;
  for (const std::string &u : facts.userRpaths)
    seen.insert(key(u));
  auto add = [&](const std::string &dir, const std::string &reason) {
    if (dir.empty())
      return;
    std::string d = substitute(dir, cfg.substitutions);
    if (isStubsDir(d))
      return;
    if (!seen.insert(key(d)).second)
      return;
    out.push_back(RunpathEntry{d, reason});
  };
  add(cfg.compatDir, "cuda_compat's libcuda.so.1 must be found before the "
                     "driver's");
  add(cfg.driverDir, "the program loads libcuda.so.1 from the driver "
                     "directory at run time (static cudart dlopens it too)");
  if (facts.cudartShared)
    add(cfg.cudartDir, "cudart is linked shared");
  for (const std::string &dir : facts.sharedLibDirs) {
    bool under = false;
    for (const std::string &p : cfg.prefixes)
      under |= isUnder(key(dir), key(p));
    if (under)
      add(dir, "provides a shared library this link uses, under the rpath "
               "prefixes (as Nixpkgs' ld-wrapper does)");
  }
  return out;
}

std::string canonicalDir(llvm::vfs::FileSystem &fs, llvm::StringRef dir) {
  llvm::SmallString<256> real;
  if (!fs.getRealPath(dir, real))
    return real.str().str();
  return lexicalDirKey(dir);
}

bool isCudaLibraryName(llvm::StringRef lib) {
  lib = llvm::sys::path::filename(lib);
  if (lib.startswith(":"))
    lib = lib.drop_front();
  if (lib.startswith("lib"))
    lib = lib.drop_front(3);
  llvm::StringRef stem = lib.take_until([](char c) { return c == '.'; });
  return stem.startswith("cudart") || stem == "cuda" || stem == "cudadevrt";
}

} // namespace cuwrap
