"""Runs wrapper calls whose log sink does not drain, and reports how each
ended: usage stuck-sink.py MODE N CMD...

  fifo-no-reader  CUWRAP_LOG names a FIFO that no process has open
  fifo-full       CUWRAP_LOG names a FIFO whose reader never reads, and
                  that is full already
  pipe-full       CUWRAP_LOG=fd:N, a pipe whose reader never reads, full
  pipe-locked     the same, and another process holds the lock cuwrap
                  takes on the pipe (a call stuck in the middle of its
                  record), for good

N calls run at once. For each call the helper prints "call I: status S,
tool ran: yes|no, warnings: W" and then the first call's stderr; a call
still running after 60 s is killed and reported "timed out"."""
import fcntl
import os
import signal
import subprocess
import sys
import tempfile
import time

mode, n, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = dict(os.environ)
pass_fds = ()
holder = None
workdir = tempfile.mkdtemp(prefix="cuwrap-stuck-")


def fill(fd):
    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    try:
        while True:
            os.write(fd, b"x" * 4096)
    except BlockingIOError:
        pass
    fcntl.fcntl(fd, fcntl.F_SETFL, flags)


keep = []
if mode.startswith("fifo"):
    fifo = os.path.join(workdir, "sink.fifo")
    os.mkfifo(fifo)
    env["CUWRAP_LOG"] = fifo
    if mode == "fifo-full":
        keep.append(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        w = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        fill(w)
        keep.append(w)
elif mode in ("pipe-full", "pipe-locked"):
    r, w = os.pipe()
    keep.append(r)
    fill(w)
    env["CUWRAP_LOG"] = f"fd:{w}"
    pass_fds = (w,)
    if mode == "pipe-locked":
        ready_r, ready_w = os.pipe()
        holder = os.fork()
        if holder == 0:
            fcntl.lockf(w, fcntl.LOCK_EX)
            os.write(ready_w, b"1")
            while True:
                time.sleep(60)
        os.read(ready_r, 1)
else:
    sys.exit(f"unknown mode {mode}")

procs = [subprocess.Popen(cmd, env=env, pass_fds=pass_fds,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
         for _ in range(n)]
deadline = time.monotonic() + 60
results = []
for p in procs:
    try:
        out, err = p.communicate(timeout=max(0.1, deadline - time.monotonic()))
        status = str(p.returncode)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        status = "timed out"
    results.append((status, out, err))
if holder:
    os.kill(holder, signal.SIGKILL)
    os.waitpid(holder, 0)
for i, (status, out, err) in enumerate(results):
    ran = "yes" if out.startswith(b"fake-") else "no"
    warnings = err.count(b": warning: ")
    print(f"call {i}: status {status}, tool ran: {ran}, warnings: {warnings}")
sys.stdout.flush()
sys.stdout.buffer.write(results[0][2])
import shutil
shutil.rmtree(workdir, ignore_errors=True)
