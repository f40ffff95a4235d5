"""Runs a command with a broken stderr and reports how it ended:
usage: stderr-fault.py closed|full|gone CMD...

  closed  descriptor 2 is closed (`2>&-`)
  full    stderr is a pipe that is already full and that nobody reads
  gone    stderr is a pipe whose reader has exited (EPIPE, SIGPIPE)

Prints the command's stdout, then "status: N" ("status: signal S" when a
signal ended it, "status: timed out" after 60 s, and the command is
killed)."""
import fcntl
import os
import subprocess
import sys

mode, cmd = sys.argv[1], sys.argv[2:]
kw = {}
keep = []
if mode == "closed":
    kw["preexec_fn"] = lambda: os.close(2)
elif mode in ("full", "gone"):
    r, w = os.pipe()
    if mode == "full":
        # Fill it without blocking, then hand over a blocking descriptor,
        # as a build's stderr normally is.
        flags = fcntl.fcntl(w, fcntl.F_GETFL)
        fcntl.fcntl(w, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        try:
            while True:
                os.write(w, b"x" * 4096)
        except BlockingIOError:
            pass
        fcntl.fcntl(w, fcntl.F_SETFL, flags)
        keep.append(r)
    else:
        os.close(r)
    kw["stderr"] = w
else:
    sys.exit(f"unknown mode {mode}")

p = subprocess.Popen(cmd, stdout=subprocess.PIPE, **kw)
try:
    out, _ = p.communicate(timeout=60)
    sys.stdout.buffer.write(out)
    status = (f"signal {-p.returncode}" if p.returncode < 0
              else str(p.returncode))
except subprocess.TimeoutExpired:
    p.kill()
    p.communicate()
    status = "timed out"
print(f"status: {status}", flush=True)
