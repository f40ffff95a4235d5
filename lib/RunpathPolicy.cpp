#include "RunpathPolicy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>

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

std::vector<std::string> splitRpath(llvm::StringRef value) {
  llvm::SmallVector<llvm::StringRef, 4> dirs;
  value.split(dirs, ':', -1, /*KeepEmpty=*/false);
  return std::vector<std::string>(dirs.begin(), dirs.end());
}

std::vector<RpathOption>
rpathOptionsInLinkerWords(llvm::ArrayRef<std::string> words) {
  std::vector<RpathOption> out;
  for (size_t i = 0; i < words.size(); ++i) {
    llvm::StringRef w = words[i];
    if ((w == "-rpath" || w == "--rpath" || w == "-R") && i + 1 < words.size()) {
      out.push_back(RpathOption{i, i + 1, 0, words[i + 1]});
      ++i;
    } else if (w.consume_front("-rpath=") || w.consume_front("--rpath=")) {
      out.push_back(RpathOption{i, i, words[i].size() - w.size(), w.str()});
    }
  }
  return out;
}

std::vector<std::string> rpathsInLinkerWords(llvm::ArrayRef<std::string> words) {
  std::vector<std::string> out;
  for (const RpathOption &o : rpathOptionsInLinkerWords(words))
    for (std::string &d : splitRpath(o.value))
      out.push_back(std::move(d));
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

std::vector<StubsReplacement>
replaceStubs(const RunpathConfig &cfg,
             llvm::ArrayRef<std::vector<std::string>> options,
             const DirKey &key) {
  std::vector<StubsReplacement> out;
  std::set<std::string> seen;
  for (const auto &dirs : options)
    for (const std::string &d : dirs)
      if (!isStubsDir(d))
        seen.insert(key(d));
  // compat before driver, as runpathEntries adds them.
  std::vector<std::string> instead;
  for (const std::string *d : {&cfg.compatDir, &cfg.driverDir}) {
    if (d->empty())
      continue;
    std::string s = substitute(*d, cfg.substitutions);
    if (!isStubsDir(s))
      instead.push_back(s);
  }
  for (size_t i = 0; i < options.size(); ++i) {
    StubsReplacement r;
    r.option = i;
    for (const std::string &d : options[i]) {
      if (!isStubsDir(d)) {
        r.dirs.push_back(d);
        continue;
      }
      r.stubs.push_back(d);
      for (const std::string &n : instead)
        if (seen.insert(key(n)).second) {
          r.dirs.push_back(n);
          r.added.push_back(n);
        }
    }
    if (!r.stubs.empty())
      out.push_back(std::move(r));
  }
  return out;
}

std::string stubsReason(const StubsReplacement &r) {
  std::string what = fmt::format(
      "'{}' is a stubs directory: its libcuda.so is a link-time stand-in, and "
      "a program that loads it at run time fails with \"CUDA driver is a "
      "stub library\"",
      fmt::join(r.stubs, "', '"));
  if (r.added.empty())
    return what + "; the driver directories are named already, so it goes "
                  "(as Nixpkgs' removeStubsFromRunpathHook does after a build)";
  return what + fmt::format("; {} take{} its place (as Nixpkgs' "
                            "removeStubsFromRunpathHook does after a build)",
                            fmt::join(r.added, ":"),
                            r.added.size() == 1 ? "s" : "");
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
