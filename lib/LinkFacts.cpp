#include "LinkFacts.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

namespace cuwrap {

namespace {
// Above this many (library, directory) pairs, listing each directory once
// is cheaper than a stat per pair.
constexpr size_t ListingThreshold = 512;

bool isSharedName(llvm::StringRef f) {
  return f.endswith(".so") || f.contains(".so.");
}
} // namespace

LibrarySearch::LibrarySearch(llvm::vfs::FileSystem &fs,
                             std::vector<std::string> dirs,
                             size_t expectedLookups)
    : FS(fs), Dirs(std::move(dirs)) {
  if (Dirs.size() * expectedLookups <= ListingThreshold)
    return;
  Listed = true;
  for (size_t i = 0; i < Dirs.size(); ++i) {
    std::error_code ec;
    for (auto it = FS.dir_begin(Dirs[i], ec), end = llvm::vfs::directory_iterator();
         !ec && it != end; it.increment(ec)) {
      if (it->type() == llvm::sys::fs::file_type::directory_file)
        continue;
      FirstDir.try_emplace(llvm::sys::path::filename(it->path()), i);
    }
  }
}

size_t LibrarySearch::firstDirWith(const std::string &file) {
  if (Listed) {
    auto it = FirstDir.find(file);
    return it == FirstDir.end() ? Dirs.size() : it->second;
  }
  for (size_t i = 0; i < Dirs.size(); ++i) {
    auto st = FS.status(Dirs[i] + "/" + file);
    if (st && st->getType() != llvm::sys::fs::file_type::directory_file)
      return i;
  }
  return Dirs.size();
}

ResolvedLibrary LibrarySearch::find(llvm::StringRef name, bool staticOnly) {
  auto found = [&](size_t dir, const std::string &file) {
    return ResolvedLibrary{Dirs[dir], file, isSharedName(file)};
  };
  if (name.startswith(":")) {
    std::string file = name.drop_front().str();
    size_t d = firstDirWith(file);
    return d < Dirs.size() ? found(d, file) : ResolvedLibrary{};
  }
  // In each directory the shared library wins over the archive.
  std::string so = "lib" + name.str() + ".so", a = "lib" + name.str() + ".a";
  size_t ds = staticOnly ? Dirs.size() : firstDirWith(so);
  size_t da = firstDirWith(a);
  if (ds < Dirs.size() && ds <= da)
    return found(ds, so);
  if (da < Dirs.size())
    return found(da, a);
  return {};
}

LinkFacts gatherLinkFacts(const LinkLine &line, const Config &config,
                          llvm::vfs::FileSystem &fs) {
  using Kind = LinkLine::Item::Kind;
  LinkFacts facts;
  facts.linksCuda = line.linksCudart;
  facts.cudartShared = line.cudartShared;

  // GNU ld searches every -L directory for every -l, wherever it stands.
  std::vector<std::string> dirs;
  size_t libs = 0;
  for (const auto &item : line.items) {
    if (item.kind == Kind::LibraryDir)
      dirs.push_back(item.value);
    libs += item.kind == Kind::Library;
  }
  LibrarySearch search(fs, dirs, libs);

  // A library found in the toolkit's own directory is a CUDA library,
  // whatever its name (cufft, cublas, ...).
  std::vector<std::string> cudaDirs;
  if (!config.cudartDir.value.empty()) {
    cudaDirs.push_back(canonicalDir(fs, config.cudartDir.value));
    cudaDirs.push_back(canonicalDir(fs, config.cudartDir.value + "/stubs"));
  }
  llvm::StringMap<std::string> canonical;
  auto canon = [&](const std::string &dir) -> const std::string & {
    auto it = canonical.find(dir);
    if (it == canonical.end())
      it = canonical.try_emplace(dir, canonicalDir(fs, dir)).first;
    return it->second;
  };
  auto inCudaDir = [&](const std::string &dir) {
    return !dir.empty() && llvm::is_contained(cudaDirs, canon(dir));
  };

  bool staticOnly = false;
  std::vector<bool> stateStack;
  for (const auto &item : line.items) {
    switch (item.kind) {
    case Kind::LibraryDir:
      break;
    case Kind::Static:
      staticOnly = true;
      break;
    case Kind::Dynamic:
      staticOnly = false;
      break;
    case Kind::PushState:
      stateStack.push_back(staticOnly);
      break;
    case Kind::PopState:
      if (!stateStack.empty()) {
        staticOnly = stateStack.back();
        stateStack.pop_back();
      }
      break;
    case Kind::Library: {
      ResolvedLibrary lib = search.find(item.value, staticOnly);
      facts.linksCuda |= isCudaLibraryName(item.value) || inCudaDir(lib.dir);
      if (lib.shared) {
        facts.sharedLibDirs.push_back(canon(lib.dir));
        facts.cudartShared |= llvm::StringRef(lib.file).startswith("libcudart");
      }
      break;
    }
    case Kind::Input: {
      // A library named by its path: CMake links imported targets this way
      // (CUDA::cufft is /path/lib/libcufft.so). A shared one counts like
      // one found through -L: its directory, in the line's order, is a
      // RUNPATH candidate (Nixpkgs' ld-wrapper does the same for store
      // paths); RunpathPolicy keeps those under the prefixes.
      llvm::StringRef file = item.value;
      llvm::StringRef base = llvm::sys::path::filename(file);
      bool shared = isSharedName(base);
      if (!shared && !base.endswith(".a"))
        break;
      std::string dir = llvm::sys::path::parent_path(file).str();
      bool cuda = isCudaLibraryName(base) || inCudaDir(dir);
      facts.linksCuda |= cuda;
      if (cuda && shared && base.startswith("libcudart"))
        facts.cudartShared = true;
      if (shared)
        facts.sharedLibDirs.push_back(canon(dir.empty() ? "." : dir));
      break;
    }
    }
  }

  // The user's -rpath options, with their stubs entries replaced on a
  // CUDA link (RunpathPolicy: replaceStubs).
  std::vector<std::vector<std::string>> options;
  for (const LinkLine::Rpath &r : line.userRpaths)
    options.push_back(splitRpath(r.value));
  if (facts.linksCuda)
    facts.stubsReplaced = replaceStubs(
        RunpathConfig::from(config), options,
        [&](llvm::StringRef d) { return canon(d.str()); });
  for (const StubsReplacement &r : facts.stubsReplaced)
    options[r.option] = r.dirs;
  for (const auto &dirs : options)
    facts.userRpaths.insert(facts.userRpaths.end(), dirs.begin(), dirs.end());
  return facts;
}

} // namespace cuwrap
