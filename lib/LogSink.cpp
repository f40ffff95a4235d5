#include "LogSink.h"
#include "RecordView.h"
#include "ShellQuote.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <csignal>
#include <fcntl.h>
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
// A write bigger than PIPE_BUF (4 KiB) into a pipe or socket is split by
// the kernel whenever the buffer fills, and other writers' records land in
// the gaps: `fd:N` sinks would tear records that O_APPEND keeps whole in a
// file. A POSIX record lock serialises the writers. Unlike flock() or OFD
// locks it belongs to the process, not the open file description, so it
// excludes even the calls that share one inherited pipe (every job of
// `make` shares the descriptor its shell opened).
bool lockStream(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
    return false;
  struct flock l = {};
  l.l_type = F_WRLCK;
  l.l_whence = SEEK_SET;
  int r;
  do
    r = ::fcntl(fd, F_SETLKW, &l);
  while (r != 0 && errno == EINTR);
  return r == 0;
}

// Before exec, which keeps POSIX locks: the real tool must not hold it.
void unlockStream(int fd) {
  struct flock l = {};
  l.l_type = F_UNLCK;
  l.l_whence = SEEK_SET;
  ::fcntl(fd, F_SETLK, &l);
}
} // namespace

std::optional<std::string> writeRecord(const LogTarget &t, llvm::StringRef text) {
  int fd = t.fd;
  if (t.kind == LogTarget::Kind::Off)
    return std::nullopt;
  if (t.kind == LogTarget::Kind::File)
    // O_CLOEXEC: the real tool must not inherit the log. The per-user file
    // in a shared /tmp is private and never followed through a symlink
    // someone else planted there.
    fd = t.privateFile
             ? ::open(t.path.c_str(),
                      O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)
             : ::open(t.path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
                      0644);
  bool ok = fd >= 0;
  int err = errno;
  if (ok) {
    // A pipe whose reader is gone would kill the wrapper with SIGPIPE and
    // fail the build; ignore it for this write only, since an ignored
    // signal would be inherited by the real tool through exec.
    struct sigaction ignore = {}, old = {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    bool locked = t.kind == LogTarget::Kind::Fd && lockStream(fd);
    // One write of the whole record: with O_APPEND the kernel places it at
    // the end of a file in one step, so records from parallel calls never
    // interleave. Unlocked, a short write is a failure, never a second
    // write: another call's record could already sit after the first part.
    // Holding a pipe's lock, the rest of a short write may follow.
    size_t done = 0;
    err = EIO;
    while (done < text.size()) {
      ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        err = n < 0 ? errno : EIO;
        break;
      }
      done += size_t(n);
      if (!locked)
        break;
    }
    ok = done == text.size();
    if (locked)
      unlockStream(fd);
    ::sigaction(SIGPIPE, &old, nullptr);
  }
  if (t.kind == LogTarget::Kind::File && fd >= 0)
    ::close(fd);
  if (ok || !t.named)
    return std::nullopt;
  return fmt::format("cannot write the log to {} ({}): {}",
                     t.kind == LogTarget::Kind::File ? t.path
                                                     : fmt::format("fd {}", t.fd),
                     t.why, strerror(err));
}

} // namespace cuwrap
