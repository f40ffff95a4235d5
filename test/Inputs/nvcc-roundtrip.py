#!/usr/bin/env python3
"""Differential test of cuwrap's rewrites against the real nvcc.

For each text T (generated, plus the rows of docs/quoting.md), nvcc reads T
once through the wrapper and once directly, and `nvcc --dryrun` prints what
it read (the -o value, link inputs, or its own fatal error). Through the
wrapper, T sits next to `-ccbin OTHER`, which the host-compiler rule
removes, so cuwrap rewrites the file or variable holding T; directly, nvcc
reads T as the user wrote it, with the `-ccbin HOST` cuwrap adds. The two
outputs must be the same, byte for byte, once temporary names are masked.

    nvcc-roundtrip.py MODE WRAPPER REAL_NVCC HOST_CXX WORKDIR [EXPANDARGV]

MODE: optf (T in an options file), env (T in NVCC_APPEND_FLAGS), rsp (T in
an @file; directly, nvcc gets the words libiberty's expandargv reads from
it, EXPANDARGV being a program that prints them NUL-separated).
"""
import os
import random
import re
import subprocess
import sys

mode, wrapper, nvcc, host, work = sys.argv[1:6]
# cuwrap runs nvcc by its real path (nvcc finds its profile through it).
nvcc = os.path.realpath(nvcc)
expandargv = sys.argv[6] if len(sys.argv) > 6 else None
os.makedirs(work, exist_ok=True)
os.chdir(work)
OTHER = b"/opt/other/bin/c++"

# The rows of docs/quoting.md, and the cases of issue 12.
table = [
    rb"a\ b.o", rb"a\b.o", rb'"a\\b.o"', rb'a"b c"d.o', rb'""', rb'"" x.o',
    rb"'a b.o'", rb'"a b.o', rb"a#b.o", rb"#a.o", b"a\tb.o", b"a\rb.o",
    b"a\fb.o", b"a\vb.o", rb'a\"b.o', rb"a\\b.o", b"a.o\\", b"a.o\\\n",
    b"a\\\nb.o", b"\xff\xfe.o", rb'"a"b"c".o', rb"a\'b.o", rb'"a\"b.o"',
    rb'"a\ b.o"', rb'a""b.o', rb'x.o ""', rb'""""', b"x.o\n\n  ",
    rb'"a\\" x', rb'a\\\"b', rb'a\\"b c"', rb'\"', rb'"x\\"y', rb"'a\\b.o'",
    rb"a\ b.o c\ d.o", b"a \\", rb"'unterminated x.o", b"\"a\nb.o\"",
]
alphabet = [b"a", b"b", b".o", b" ", b"\t", b"\n", b"\r", b'"', b"'", b"\\",
            b"#", b"\xff", b"\f", b"\v", b","]
rng = random.Random(12)
generated = [b"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
             for _ in range(60)]
texts = [b"-o " + t for t in table + generated]

TMP = re.compile(rb"tmpxft_[0-9a-f]+_[0-9a-f]+")


def run(args, env_extra):
    env = dict(os.environb)
    for k in list(env):
        if k.startswith((b"NVCC_", b"CUWRAP_")) and k != b"CUWRAP_CONFIG":
            del env[k]
    env.update(env_extra)
    r = subprocess.run(args, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    # The variables nvcc echoes (a value may span lines), and the PATH
    # cuwrap extends for nvcc's children, are not words nvcc read.
    lines, echo = [], False
    for l in r.stdout.split(b"\n"):
        if l.startswith((b"#$ ", b"nvcc ")):
            echo = l.startswith((b"#$ PATH=", b"#$ NVCC_"))
        if not echo:
            lines.append(TMP.sub(b"tmpxft_X", l))
    return r.returncode, b"\n".join(lines)


def gnu_words(text):
    with open("ref.rsp", "wb") as f:
        f.write(text)
    out = subprocess.run([expandargv, "@ref.rsp"], stdout=subprocess.PIPE,
                         check=True).stdout
    return out.split(b"\0")[:-1]


# Only the host-compiler rule: no fatbin compression, no RUNPATH.
through = {b"CUWRAP_NVCC": nvcc.encode(), b"CUWRAP_HOST_CXX": host.encode(),
           b"CUWRAP_COMPRESS_FATBIN": b"0", b"NIX_DONT_SET_RPATH": b"1"}
differ = 0
for i, t in enumerate(texts):
    if mode == "optf":
        with open("wrapped.optf", "wb") as f:
            f.write(b"-ccbin " + OTHER + b"\n" + t)
        with open("ref.optf", "wb") as f:
            f.write(t)
        got = run([wrapper, "--dryrun", "a.o", "-optf", "wrapped.optf"], through)
        want = run([nvcc, "--dryrun", "a.o", "-ccbin", host, "-optf", "ref.optf"], {})
    elif mode == "env":
        got = run([wrapper, "--dryrun", "a.o"],
                  {**through, b"NVCC_APPEND_FLAGS": b"-ccbin " + OTHER + b" " + t})
        want = run([nvcc, "--dryrun", "a.o", "-ccbin", host],
                   {b"NVCC_APPEND_FLAGS": t})
    else:
        with open("wrapped.rsp", "wb") as f:
            f.write(b"-ccbin " + OTHER + b"\n" + t)
        got = run([wrapper, "--dryrun", "a.o", "@wrapped.rsp"], through)
        # cuwrap's -ccbin goes before an argument the file leaves open.
        want = run([nvcc, "--dryrun", "a.o", "-ccbin", host] + gnu_words(t), {})
    if got != want:
        differ += 1
        print("DIFFERS:", repr(t))
        print("  through cuwrap:", got[0], got[1][-300:])
        print("  directly:      ", want[0], want[1][-300:])
print("{}: {} texts, {} differ".format(mode, len(texts), differ))
sys.exit(1 if differ else 0)
