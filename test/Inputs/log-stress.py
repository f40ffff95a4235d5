"""Start N wrapper calls at once, all logging to one sink, each with a long
argv so that its record is larger than PIPE_BUF (4 KiB):
usage log-stress.py [--pipe] N WRAPPER LOG. Exits non-zero if any call failed.

With --pipe the calls share one pipe (CUWRAP_LOG=fd:N, the same open pipe
in every call, as the jobs of `make` share a descriptor the shell opened),
and a slow reader copies it to LOG: the pipe fills, writers block in the
middle of their records, and any record not written under a lock tears."""
import os
import subprocess
import sys
import threading
import time

pipe = sys.argv[1] == "--pipe"
if pipe:
    del sys.argv[1]
n, wrapper, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]

env = dict(os.environ, CUWRAP_LOG=log)
pass_fds = ()
if pipe:
    r, w = os.pipe()
    env["CUWRAP_LOG"] = f"fd:{w}"
    pass_fds = (w,)
    chunks = []

    def drain():
        time.sleep(0.5)  # let the pipe fill up first
        while True:
            data = os.read(r, 512)
            if not data:
                return
            chunks.append(data)
            time.sleep(0.0005)

    reader = threading.Thread(target=drain)
    reader.start()

procs = []
for i in range(n):
    # ~6 KiB of arguments, distinct per call so a torn record shows.
    args = [f"-DCALL_{i}_WORD_{j}=value_{i}_{j}_padding_padding" for j in range(150)]
    procs.append(subprocess.Popen([wrapper, "-c", f"call{i}.cu", "-o", f"call{i}.o"] + args,
                                  env=env, stdout=subprocess.DEVNULL, pass_fds=pass_fds))
if pipe:
    os.close(w)
failed = [p.args[2] for p in procs if p.wait() != 0]
if pipe:
    reader.join()
    with open(log, "wb") as f:
        f.write(b"".join(chunks))
if failed:
    sys.exit(f"calls failed: {failed}")
