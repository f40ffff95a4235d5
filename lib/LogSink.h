// Where invocation records go. Never the tool's own output unless the user
// asked for stderr by name (docs/design.md invariant 4).
#pragma once

#include "Config.h"
#include "Environment.h"
#include "Record.h"

#include "llvm/Support/JSON.h"

namespace cuwrap {

struct LogTarget {
  enum class Kind { Off, File, Fd } kind = Kind::Off;
  std::string path; // File
  int fd = -1;      // Fd
  bool named = false; // the user named this sink (warn if it fails)
  std::string why;  // which setting turned logging on
  bool privateFile = false; // the per-user default in $TMPDIR: 0600, no symlinks
};

// Where records go when logging is on but no sink is named:
// $NIX_BUILD_TOP/cuwrap.log inside a Nix build, else $TMPDIR/cuwrap-<uid>.log
// (/tmp when TMPDIR is unset). `cuwrap log` reads the same place.
std::string defaultLogPath(const Environment &env, bool *privateFile = nullptr);

// The `log` setting names a sink (LogSetting: a path, stderr, fd:N; off
// even under NIX_DEBUG; on at the default path). NIX_DEBUG >= 1 alone logs
// to the default path.
LogTarget logTarget(const Config &cfg, const Environment &env);

// The record as one line of JSON, or the text form, ending in '\n'.
std::string formatRecord(const Record &record, LogFormat format);

// One write(2) with O_APPEND to a file, so records from parallel builds
// never interleave; to a pipe or socket under a record lock. Never blocks
// the build for long: a FIFO without reader, a reader that stopped reading
// and a call stuck holding the lock are given up on after a bounded wait
// (docs/logging.md). Failure never fails the build: it returns a warning to
// print when the sink was named explicitly, else nothing.
std::optional<std::string> writeRecord(const LogTarget &target,
                                       llvm::StringRef text);

} // namespace cuwrap
