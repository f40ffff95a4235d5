#!/usr/bin/env python3
"""Issue 12: at the largest command line the tool accepts, the wrapper
still runs it. With a 512 KiB stack (so the kernel's argument limit is
128 KiB), finds the longest command the recording fake tool can be exec'd
with directly, runs the wrapper with that command (cuwrap adds words and
variables of its own), and checks that the fake ran and got every word, in
order, some of them through a file cuwrap made.

    arg-limit.py nvcc|ld WRAPPER FAKE WORKDIR
"""
import os
import resource
import subprocess
import sys

tool, wrapper, fake, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
os.chdir(work)


def small_stack():
    resource.setrlimit(resource.RLIMIT_STACK,
                       (512 * 1024, resource.getrlimit(resource.RLIMIT_STACK)[1]))


env = {"PATH": os.environ["PATH"],
       "CUWRAP_CONFIG": os.environ.get("CUWRAP_CONFIG", ""),
       "CUWRAP_LOG": os.path.join(work, "log.json")}
if tool == "nvcc":
    env.update(CUWRAP_NVCC=fake, CUWRAP_HOST_CXX="/usr/bin/g++",
               CUWRAP_COMPRESS_FATBIN="1", NIX_DONT_SET_RPATH="1")
    words = ["-c", "x.cu"] + ["-DW%05d=%s" % (i, "v" * 80) for i in range(1200)]
else:
    env.update(CUWRAP_LD=fake)
    words = ["-o", "app"] + ["w%05d_%s.o" % (i, "v" * 80) for i in range(1200)]


def runs(args, extra):
    try:
        r = subprocess.run(args, env={**env, **extra}, preexec_fn=small_stack,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError:  # E2BIG from our own exec
        return None
    return r


# The longest last word with which the fake itself still runs.
lo, hi = 0, 128 * 1024
while lo < hi:
    mid = (lo + hi + 1) // 2
    if runs([fake] + words + ["p" * mid], {"FAKE_QUIT": "1"}):
        lo = mid
    else:
        hi = mid - 1
if lo == 0 or runs([fake] + words + ["p" * (lo + 64)], {"FAKE_QUIT": "1"}):
    sys.exit("cannot find the argument limit (lo=%d)" % lo)
args = words + ["p" * lo]

r = runs([wrapper] + args, {})
if r is None:
    sys.exit("the wrapper itself could not be started")
out = r.stdout.decode()
got, via_file = [], 0
for line in out.split("\n"):
    if line.startswith("arg: "):
        got.append(line[5:])
    elif line.startswith("  | "):
        got.append(line[4:])
    elif line.startswith("file /dev/fd/"):
        via_file += 1
# The user's words, in order, among what arrived.
it = iter(got)
in_order = all(any(w == g for g in it) for w in args)
with open("log.json") as f:
    moved = f.read().count('"argument-limit"')
print("{}: exit {}, {} words, in order: {}, files from cuwrap: {}, "
      "argument-limit edits: {}".format(tool, r.returncode, len(args),
                                        in_order, via_file, moved))
if r.returncode != 0:
    print(r.stderr.decode())
sys.exit(0 if r.returncode == 0 and in_order and via_file and moved else 1)
