"""Start N wrapper calls at once, all logging to one file, each with a long
argv so that its record is larger than PIPE_BUF (4 KiB): usage
log-stress.py N WRAPPER LOG. Exits non-zero if any call failed."""
import os
import subprocess
import sys

n, wrapper, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
env = dict(os.environ, CUWRAP_LOG=log)
procs = []
for i in range(n):
    # ~6 KiB of arguments, distinct per call so a torn record shows.
    args = [f"-DCALL_{i}_WORD_{j}=value_{i}_{j}_padding_padding" for j in range(150)]
    procs.append(subprocess.Popen([wrapper, "-c", f"call{i}.cu", "-o", f"call{i}.o"] + args,
                                  env=env, stdout=subprocess.DEVNULL))
failed = [p.args[2] for p in procs if p.wait() != 0]
if failed:
    sys.exit(f"calls failed: {failed}")
