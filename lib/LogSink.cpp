#include "LogSink.h"
#include "RecordView.h"
#include "ShellQuote.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cuwrap {

std::string defaultLogPath(const Environment &env, bool *privateFile) {
  if (auto top = env.getNonEmpty("NIX_BUILD_TOP")) {
    if (privateFile)
      *privateFile = false;
    return top->str() + "/cuwrap.log";
  }
  if (privateFile)
    *privateFile = true;
  return fmt::format("{}/cuwrap-{}.log",
                     env.getNonEmpty("TMPDIR").value_or("/tmp").str(),
                     ::getuid());
}

LogTarget logTarget(const Config &cfg, const Environment &env) {
  LogTarget t;
  if (const auto &l = cfg.log.value) {
    t.why = cfg.log.source;
    t.named = true;
    switch (l->kind) {
    case LogSetting::Kind::Off:
      t.named = false;
      return t;
    case LogSetting::Kind::Fd:
      t.kind = LogTarget::Kind::Fd;
      t.fd = l->fd;
      return t;
    case LogSetting::Kind::DefaultPath:
      // Logging switched on, the place left to us: as under NIX_DEBUG. This
      // is how a build whose shell only `declare`d NIX_DEBUG (so the wrapper
      // never sees it) can still be logged, from the config file.
      t.kind = LogTarget::Kind::File;
      t.named = false;
      t.path = defaultLogPath(env, &t.privateFile);
      return t;
    case LogSetting::Kind::File:
      t.kind = LogTarget::Kind::File;
      t.path = l->path;
      return t;
    }
  }
  // Nix's own test is `(( "${NIX_DEBUG:-0}" >= 1 ))`; anything that is not
  // a number leaves logging off rather than guessing.
  unsigned level = 0;
  auto debug = env.getNonEmpty("NIX_DEBUG");
  if (!debug || debug->trim().getAsInteger(10, level) || level < 1)
    return t;
  t.kind = LogTarget::Kind::File;
  t.why = "$NIX_DEBUG";
  t.path = defaultLogPath(env, &t.privateFile);
  return t;
}

std::string formatRecord(const Record &record, LogFormat format) {
  if (format == LogFormat::Json)
    return recordJSON(record) + "\n";
  // The same view `cuwrap log` prints, without colour, a blank line after
  // each record so that the blocks of parallel calls stay apart.
  return renderRecord(record, /*color=*/false) + "\n";
}

namespace {
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// How long a sink that does not drain may hold the build up
// (docs/logging.md, "A sink that does not drain"). Progress (the reader
// taking bytes, the lock passing to another call) restarts StallLimit;
// TotalLimit bounds even a reader that never quite stops.
constexpr milliseconds StallLimit{2000};
constexpr milliseconds TotalLimit{30000};
// A FIFO that nobody has open for reading: a reader that reopens it in a
// loop (`while :; do cat fifo; done`) is back within this.
constexpr milliseconds NoReaderLimit{500};

int msUntil(Clock::time_point t) {
  auto left = std::chrono::duration_cast<milliseconds>(t - Clock::now());
  return left.count() < 0 ? 0 : int(left.count());
}

void pause(useconds_t &us) {
  ::usleep(us);
  us = std::min<useconds_t>(us * 2, 5000);
}

// A pipe whose reader is gone would kill the wrapper with SIGPIPE and fail
// the build; ignore it while writing only, since an ignored signal would
// be inherited by the real tool through exec.
struct IgnoreSigpipe {
  struct sigaction old = {};
  IgnoreSigpipe() {
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
  }
  ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &old, nullptr); }
};

// Opens a named sink. O_NONBLOCK: opening a FIFO for writing otherwise
// waits for a reader forever; with it, a FIFO without reader fails with
// ENXIO at once, and is tried again until NoReaderLimit. (It changes
// nothing for a regular file.) O_CLOEXEC: the real tool must not inherit
// the log. The per-user file in a shared /tmp is private and never
// followed through a symlink someone else planted there.
int openSink(const LogTarget &t) {
  int flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK |
              (t.privateFile ? O_NOFOLLOW : 0);
  auto until = Clock::now() + NoReaderLimit;
  useconds_t us = 1000;
  for (;;) {
    int fd = ::open(t.path.c_str(), flags, t.privateFile ? 0600 : 0644);
    if (fd >= 0)
      return fd;
    if (errno == EINTR)
      continue;
    if (errno != ENXIO || Clock::now() >= until)
      return -1;
    pause(us);
  }
}

// How a pipe or socket is written without ever blocking for long.
enum class Mode {
  NonBlocking, // our own O_NONBLOCK open file description: any size
  Socket,      // send(MSG_DONTWAIT)
  Pieces,      // a shared blocking description: at most PIPE_BUF at a time,
               // each after poll() said there is room, which the kernel
               // then takes without blocking
};

ssize_t writeSome(int fd, const char *data, size_t n, Mode m) {
  if (m == Mode::Socket)
    return ::send(fd, data, n, MSG_DONTWAIT | MSG_NOSIGNAL);
  return ::write(fd, data, m == Mode::Pieces ? std::min<size_t>(n, PIPE_BUF) : n);
}

// Bytes queued in the pipe or socket: the reader taking them, or a writer
// adding them, is progress.
int queued(int fd, bool socket) {
  int n = -1;
  if (::ioctl(fd, socket ? TIOCOUTQ : FIONREAD, &n) != 0)
    return -1;
  return n;
}

// A write bigger than PIPE_BUF (4 KiB) into a pipe or socket is split by
// the kernel whenever the buffer fills, and other writers' records land in
// the gaps: `fd:N` sinks would tear records that O_APPEND keeps whole in a
// file. A POSIX record lock serialises the writers. Unlike flock() or OFD
// locks it belongs to the process, not the open file description, so it
// excludes even the calls that share one inherited pipe (every job of
// `make` shares the descriptor its shell opened). It is taken with
// F_SETLK, tried again while the lock passes between calls or the pipe
// drains, never F_SETLKW: a call stuck holding it (its reader stopped, or
// the process itself stopped) must not stop every other call.
enum class Lock { Held, Unsupported, Stalled };
Lock lockStream(int fd, bool socket, Clock::time_point until) {
  struct flock l = {};
  l.l_type = F_WRLCK;
  l.l_whence = SEEK_SET;
  pid_t holder = -1;
  int inPipe = -2;
  auto progress = Clock::now();
  useconds_t us = 100;
  for (;;) {
    if (::fcntl(fd, F_SETLK, &l) == 0)
      return Lock::Held;
    if (errno == EINTR)
      continue;
    if (errno != EACCES && errno != EAGAIN)
      return Lock::Unsupported;
    struct flock q = {};
    q.l_type = F_WRLCK;
    q.l_whence = SEEK_SET;
    if (::fcntl(fd, F_GETLK, &q) != 0 || q.l_type == F_UNLCK)
      q.l_pid = 0;
    int n = queued(fd, socket);
    auto now = Clock::now();
    if (q.l_pid != holder || n != inPipe) {
      holder = q.l_pid;
      inPipe = n;
      progress = now;
    } else if (now - progress >= StallLimit) {
      return Lock::Stalled;
    }
    if (now >= until)
      return Lock::Stalled;
    pause(us);
  }
}

// Before exec, which keeps POSIX locks: the real tool must not hold it.
void unlockStream(int fd) {
  struct flock l = {};
  l.l_type = F_UNLCK;
  l.l_whence = SEEK_SET;
  ::fcntl(fd, F_SETLK, &l);
}

enum class Outcome { Written, Failed, Stalled };

// Writes all of `text`, waiting at most StallLimit for room each time and
// never past `until`. `done` says how much went out.
Outcome writeStream(int fd, llvm::StringRef text, Mode m,
                    Clock::time_point until, size_t &done, int &err) {
  done = 0;
  while (done < text.size()) {
    int wait = std::min(int(StallLimit.count()), msUntil(until));
    struct pollfd p = {fd, POLLOUT, 0};
    int r = ::poll(&p, 1, wait);
    if (r < 0 && errno == EINTR)
      continue;
    if (r == 0)
      return Outcome::Stalled;
    if (r < 0) {
      err = errno;
      return Outcome::Failed;
    }
    ssize_t n = writeSome(fd, text.data() + done, text.size() - done, m);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n <= 0) {
      err = n < 0 ? errno : EIO;
      return Outcome::Failed;
    }
    done += size_t(n);
  }
  return Outcome::Written;
}

bool sameFile(int a, int b) {
  struct stat sa, sb;
  return ::fstat(a, &sa) == 0 && ::fstat(b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
} // namespace

std::optional<std::string> writeRecord(const LogTarget &t, llvm::StringRef text) {
  if (t.kind == LogTarget::Kind::Off)
    return std::nullopt;
  auto until = Clock::now() + TotalLimit;
  std::string where = t.kind == LogTarget::Kind::File
                          ? t.path
                          : fmt::format("fd {}", t.fd);
  auto warn = [&](const std::string &why) -> std::optional<std::string> {
    if (!t.named)
      return std::nullopt;
    return fmt::format("cannot write the log to {} ({}): {}", where, t.why, why);
  };

  IgnoreSigpipe sigpipe;
  int fd = t.fd;
  if (t.kind == LogTarget::Kind::File) {
    fd = openSink(t);
    if (fd < 0)
      return warn(errno == ENXIO
                      ? fmt::format("it is a FIFO that no process opened for "
                                    "reading (waited {} ms)",
                                    NoReaderLimit.count())
                      : std::string(strerror(errno)));
  }
  struct stat st;
  bool stream = ::fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
  std::optional<std::string> result;
  if (!stream) {
    // One write of the whole record: with O_APPEND the kernel places it at
    // the end of a file in one step, so records from parallel calls never
    // interleave. A short write is a failure, never a second write:
    // another call's record could already sit after the first part.
    ssize_t n;
    do
      n = ::write(fd, text.data(), text.size());
    while (n < 0 && errno == EINTR);
    if (n != ssize_t(text.size()))
      result = warn(n < 0 ? strerror(errno) : "short write");
  } else {
    bool socket = S_ISSOCK(st.st_mode);
    Mode mode = socket ? Mode::Socket : Mode::NonBlocking;
    int wfd = fd, own = -1;
    if (!socket && t.kind == LogTarget::Kind::Fd) {
      // An inherited pipe's description is shared with every other job of
      // the build: making it O_NONBLOCK would change their writes too.
      // Opening the pipe again through /proc gives a description of our
      // own; without /proc, pieces that never block.
      own = ::open(fmt::format("/proc/self/fd/{}", fd).c_str(),
                   O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (own >= 0)
        wfd = own;
      else
        mode = Mode::Pieces;
    }
    Lock lock = lockStream(wfd, socket, until);
    Outcome o = Outcome::Stalled;
    if (lock == Lock::Stalled) {
      result = warn(Clock::now() >= until
                        ? fmt::format("other calls kept the log's lock for {} "
                                      "s; this call's record is lost",
                                      TotalLimit.count() / 1000)
                        : fmt::format("another call holding the log's lock "
                                      "made no progress for {} s (its reader "
                                      "stopped reading?); this call's record "
                                      "is lost",
                                      StallLimit.count() / 1000));
    } else {
      size_t done = 0;
      int err = EIO;
      o = writeStream(wfd, text, mode, until, done, err);
      if (o == Outcome::Stalled)
        result = warn(fmt::format("its reader took nothing for {} s; the "
                                  "record is {}",
                                  StallLimit.count() / 1000,
                                  done ? "cut short" : "lost"));
      else if (o == Outcome::Failed)
        result = warn(strerror(err));
      if (lock == Lock::Held)
        unlockStream(wfd);
    }
    // A sink that is stderr itself and does not drain would only hold the
    // warning up as well.
    if (o == Outcome::Stalled && sameFile(wfd, STDERR_FILENO))
      result.reset();
    if (own >= 0)
      ::close(own);
  }
  if (t.kind == LogTarget::Kind::File)
    ::close(fd);
  return result;
}

} // namespace cuwrap
