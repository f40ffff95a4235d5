// Before cuwrap itself waits for a child (doctor, explain, strict_runpath).
#pragma once

#include <csignal>

namespace cuwrap {

// A parent that started us with SIGCHLD ignored (some CI runners and
// daemons do; the disposition survives exec) makes the kernel reap our
// children at once, and waitpid then fails with ECHILD: Boost.Process
// reports "wait error: No child processes" instead of the exit status.
// Reset only where cuwrap waits; the exec path hands the real tool the
// disposition it was given, as invariant 1 asks.
inline void restoreDefaultChildSignal() { ::signal(SIGCHLD, SIG_DFL); }

} // namespace cuwrap
