// What a link brings in, found the same way for both personalities that
// see links: nvcc's final link and the `ld` a host compiler runs. Each
// personality describes its command line as a LinkLine (in the linker's
// order); gatherLinkFacts resolves its libraries the way GNU ld searches and
// says what RunpathPolicy needs to know (docs/design.md, invariant 3).
#pragma once

#include "Config.h"
#include "RunpathPolicy.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <string>
#include <vector>

namespace cuwrap {

struct LinkLine {
  struct Item {
    enum class Kind {
      LibraryDir, // -L DIR
      Library,    // -l NAME (or -l:FILE)
      Input,      // a file named on the line
      Static,     // -Bstatic: later -l find archives only
      Dynamic,    // -Bdynamic
      PushState,  // --push-state
      PopState,   // --pop-state
    } kind;
    std::string value;
  };
  std::vector<Item> items;
  // Each -rpath option on the line, in order, and where the personality's
  // rule finds it again to replace a stubs entry (LinkFacts::stubsReplaced)
  // through PlanBuilder::replace: the command word holding the value, the
  // linker word within that word's comma list (nvcc's -Xlinker a,b, gcc's
  // -Wl,a,b; 0 where a word is one linker word) and the value's offset in
  // it (`-rpath=D`); and the same for the word naming the option, which
  // goes with its value when nothing is left of it.
  struct Rpath {
    std::string value; // a ':' list, as ld reads it
    unsigned word = 0, element = 0;
    size_t offset = 0;
    unsigned optionWord = 0, optionElement = 0;
  };
  std::vector<Rpath> userRpaths;
  // nvcc links cudart itself unless told `-cudart none`.
  bool linksCudart = false;
  bool cudartShared = false;
};

LinkFacts gatherLinkFacts(const LinkLine &line, const Config &config,
                          llvm::vfs::FileSystem &fs);

// One `-l` resolved the way GNU ld searches: each -L dir in order,
// lib<name>.so then lib<name>.a in each (only .a under -Bstatic), `-l:file`
// as is. A link with thousands of -L and -l (generated build systems)
// would cost one stat per pair; past a few hundred pairs each directory is
// listed once instead, so the cost stays linear in what is on the line.
struct ResolvedLibrary {
  std::string dir;  // as spelled on the line; empty when not found
  std::string file; // the file name found
  bool shared = false;
};
class LibrarySearch {
public:
  LibrarySearch(llvm::vfs::FileSystem &fs, std::vector<std::string> dirs,
                size_t expectedLookups);
  ResolvedLibrary find(llvm::StringRef name, bool staticOnly);

private:
  size_t firstDirWith(const std::string &file);
  llvm::vfs::FileSystem &FS;
  std::vector<std::string> Dirs;
  bool Listed = false;
  llvm::StringMap<size_t> FirstDir; // file name -> index of the first dir holding it
};

} // namespace cuwrap
