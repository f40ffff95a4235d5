// Finding the real tool behind a personality without finding ourselves.
#pragma once

#include "RuleContext.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace cuwrap {

// `configured` (absolute path, or a name looked up on PATH) or else `name`
// on PATH, skipping every candidate that is the same file as cuwrap itself
// (a symlink, hard link or copy with the same inode: files are compared,
// not names). Errors name what was tried and, through `variable`, what to
// set. The result keeps the spelling it was configured or found by: nvcc
// reads its nvcc.profile from the directory argv[0] names, without
// resolving symlinks (docs/nvcc.md), and derives the toolkit
// root that CMake reports from it (/usr/local/cuda, not the
// /usr/local/cuda-13.0 it links to); lld picks its flavour from argv[0].
// With `needsBeside` (nvcc.profile), a path whose directory lacks that
// file (a symlink to nvcc from elsewhere) is resolved to its realpath,
// where the file is.
llvm::Expected<std::string> findTool(llvm::StringRef name,
                                     llvm::StringRef configured,
                                     llvm::StringRef configuredSource,
                                     llvm::StringRef variable,
                                     const RuleContext &ctx,
                                     llvm::StringRef needsBeside = "");

// The launcher setting's command (`ccache`): a path, or a name looked up on
// PATH. Errors say what was tried and where the setting came from; cuwrap
// itself is refused (it would run itself again).
llvm::Expected<std::string> findLauncher(llvm::StringRef command,
                                         llvm::StringRef source,
                                         const RuleContext &ctx);

// The first `name` in the directories of ctx.env's PATH that `take`
// accepts (an empty entry is "."), as PATH spells it; "" when none does.
std::string searchPath(llvm::StringRef name, const RuleContext &ctx,
                       llvm::function_ref<bool(llvm::StringRef)> take);

// The same file (device and inode), both existing.
bool sameFile(llvm::vfs::FileSystem &fs, llvm::StringRef a, llvm::StringRef b);

// A regular file with an execute bit.
bool isExecutable(llvm::vfs::FileSystem &fs, llvm::StringRef path);

} // namespace cuwrap
