#include "Diagnostics.h"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <unistd.h>

namespace cuwrap {

bool writeBounded(int fd, llvm::StringRef text, int timeoutMs) {
  // A reader that went away would kill us with SIGPIPE: ignore it for these
  // writes only, since an ignored signal is inherited through exec.
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  bool ok = true;
  // A pipe with room for PIPE_BUF bytes polls writable; writing no more
  // than that at a time never blocks on it.
  constexpr size_t Piece = 512;
  size_t done = 0;
  while (done < text.size()) {
    struct pollfd p = {fd, POLLOUT, 0};
    int r = ::poll(&p, 1, timeoutMs);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0 || (p.revents & (POLLERR | POLLHUP | POLLNVAL)) ||
        !(p.revents & POLLOUT)) {
      ok = false;
      break;
    }
    size_t n = std::min(Piece, text.size() - done);
    ssize_t w = ::write(fd, text.data() + done, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      ok = false;
      break;
    }
    done += size_t(w);
  }
  ::sigaction(SIGPIPE, &old, nullptr);
  return ok;
}

void printDiagnostic(llvm::StringRef text) { writeBounded(2, text); }

} // namespace cuwrap
