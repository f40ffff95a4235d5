// Writing cuwrap's own messages (errors, warnings) to stderr without ever
// failing or hanging because of it. A build's stderr may be closed, a pipe
// whose reader is gone, or a pipe nobody drains: the message is then lost,
// but the wrapper goes on to run the real tool (docs/design.md, invariant
// 4: logging never changes the build).
#pragma once

#include "llvm/ADT/StringRef.h"

namespace cuwrap {

// Writes `text` to descriptor `fd` in small pieces, each after waiting at
// most `timeoutMs` for the descriptor to take it; gives up silently on any
// error (EBADF, EPIPE) or timeout. Returns whether all of it was written.
bool writeBounded(int fd, llvm::StringRef text, int timeoutMs = 1000);

// writeBounded to stderr.
void printDiagnostic(llvm::StringRef text);

} // namespace cuwrap
