#!/usr/bin/env python3
"""Issue 12: an option left without its value at the end of a list nvcc
reads on its own (argv, an options file, NVCC_APPEND_FLAGS) keeps nvcc's
own error: words cuwrap adds (-ccbin, -Xfatbin=-compress-all, -Xlinker
-rpath,...) never become that value. Runs each case with the real nvcc
directly and through the wrapper (every rule that adds words on) and
compares exit status and stderr byte for byte.

    dangling-errors.py WRAPPER REAL_NVCC HOST_CXX WORKDIR
"""
import os
import subprocess
import sys

wrapper, nvcc, host, work = sys.argv[1:5]
nvcc = os.path.realpath(nvcc)
os.makedirs(work, exist_ok=True)
os.chdir(work)

cases = []
for opt in ["-optf", "-ccbin", "-o", "-I", "--options-file", "-Xlinker"]:
    with open("ends%s.optf" % opt, "w") as f:
        f.write("-DA " + opt + "\n")
    for phase in (["a.o"], ["-c", "x.cu"]):
        cases.append(("argv " + " ".join(phase) + " " + opt,
                      ["--dryrun"] + phase + [opt], {}))
        cases.append(("options file ending in " + opt + ", " + " ".join(phase),
                      ["--dryrun"] + phase + ["-optf", "ends%s.optf" % opt, "y.o"], {}))
        cases.append(("NVCC_APPEND_FLAGS ending in " + opt + ", " + " ".join(phase),
                      ["--dryrun"] + phase, {"NVCC_APPEND_FLAGS": "-DA " + opt}))

base = {k: v for k, v in os.environ.items()
        if not k.startswith(("NVCC_", "CUWRAP_", "NIX_"))}
through = {"CUWRAP_NVCC": nvcc, "CUWRAP_HOST_CXX": host,
           "CUWRAP_COMPRESS_FATBIN": "1", "CUWRAP_DRIVER_DIR": "/run/driver",
           "CUWRAP_CONFIG": os.environ.get("CUWRAP_CONFIG", "")}
differ = 0
for name, args, env in cases:
    want = subprocess.run([nvcc] + args, env={**base, **env},
                          capture_output=True)
    got = subprocess.run([wrapper] + args, env={**base, **through, **env},
                         capture_output=True)
    same = (want.returncode, want.stderr) == (got.returncode, got.stderr)
    differ += not same
    last = got.stderr.decode(errors="replace").strip().split("\n")[-1]
    print("{}: {} -> {}".format("same" if same else "DIFFERS", name, last))
    if not same:
        print("  directly:      ", want.returncode, want.stderr[-300:])
        print("  through cuwrap:", got.returncode, got.stderr[-300:])
print("{} cases, {} differ".format(len(cases), differ))
sys.exit(1 if differ else 0)
