// Finding the real tool behind a personality without finding ourselves.
#pragma once

#include "RuleContext.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace cuwrap {

// `configured` (absolute path, or a name looked up on PATH) or else `name`
// on PATH, skipping every candidate that is the same file as cuwrap itself
// (a symlink, hard link or copy with the same inode: files are compared,
// not names). Errors name what was tried and, through `variable`, what to
// set. With `resolve`, the result is a realpath: nvcc finds its
// nvcc.profile through argv[0] (docs/nvcc.md), while
// lld picks its flavour from argv[0] and must keep the name it was found by.
llvm::Expected<std::string> findTool(llvm::StringRef name,
                                     llvm::StringRef configured,
                                     llvm::StringRef configuredSource,
                                     llvm::StringRef variable,
                                     const RuleContext &ctx, bool resolve);

// The same file (device and inode), both existing.
bool sameFile(llvm::vfs::FileSystem &fs, llvm::StringRef a, llvm::StringRef b);

// A regular file with an execute bit.
bool isExecutable(llvm::vfs::FileSystem &fs, llvm::StringRef path);

} // namespace cuwrap
