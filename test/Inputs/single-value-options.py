#!/usr/bin/env python3
"""For each nvcc option below, given twice with two different values: does
the real nvcc warn "incompatible redefinition for option", and does
`cuwrap plan` record a warning? Both must agree (SingleValue in
wrappers/nvcc/NvccOptions.td is exactly what nvcc 13 treats as one value).
Prints one line per option and a summary.

usage: single-value-options.py REAL_NVCC CUWRAP SOURCE.cu
"""
import subprocess
import sys

# option, value 1, value 2, other words the call needs
SINGLE = [
    ("-o", "a.o", "b.o"), ("-MF", "a.d", "b.d", "-MD"), ("-odir", "d1", "d2"),
    ("-ccbin", "g++", "clang++"), ("-arbin", "ar1", "ar2"),
    ("-cudart", "static", "shared"), ("-cudadevrt", "static", "none"),
    ("-ldir", "/a", "/b"), ("-target-dir", "x86_64-linux", "sbsa-linux"),
    ("-O", "2", "3"), ("-Ofc", "0", "max"),
    ("-ftemplate-backtrace-limit", "5", "6"), ("-ftemplate-depth", "100", "200"),
    ("-x", "cu", "c++"), ("-std", "c++14", "c++17"),
    ("-static-global-template-stub", "true", "false"),
    ("-device-entity-has-hidden-visibility", "true", "false"),
    ("-t", "1", "2"), ("-split-compile", "1", "2"),
    ("-split-compile-extended", "1", "2"),
    ("-fdevice-time-trace", "a.json", "b.json"), ("-keep-dir", "k1", "k2"),
    ("-time", "t1", "t2"), ("-idp", "/c/", "/d/"), ("-ddp", "unix", "cygwin"),
    ("-dp", "/c/", "/d/"), ("-MT", "t1", "t2", "-MD"),
    ("-arch", "sm_80", "sm_90"), ("-rdc", "true", "false"),
    ("-maxrregcount", "32", "64"), ("-ftz", "true", "false"),
    ("-prec-div", "true", "false"), ("-prec-sqrt", "true", "false"),
    ("-fmad", "true", "false"), ("-default-stream", "legacy", "per-thread"),
    ("-hls", "use-lcs", "gen-lcs"), ("-brief-diag", "true", "false"),
    ("-jtd", "10", "20"), ("-device-stack-protector", "true", "false"),
    ("-compress-mode", "default", "size"), ("-frandom-seed", "1", "2"),
    ("-sanitize", "memcheck", "racecheck"),
    ("-qpp-config", "5.0.0,gcc_ntox86_64", "5.0.0,gcc_ntoaarch64le"),
]
# Options that take lists or accumulate: neither warns.
MANY = [
    ("-I", "/a", "/b"), ("-D", "A", "B"), ("-L", "/a", "/b"), ("-l", "a", "b"),
    ("-code", "sm_80", "sm_90", "-arch=compute_80"),
    ("-gencode", "arch=compute_80,code=sm_80", "arch=compute_90,code=sm_90"),
    ("-include", "a.h", "b.h"), ("-Xcompiler", "-Wall", "-Wextra"),
    ("-Xptxas", "-v", "-O3"), ("-Werror", "all-warnings", "cross-execution-space-call"),
    ("-opt-info", "inline", "inline"),
]


def main():
    nvcc, cuwrap, source = sys.argv[1:4]
    disagree = 0
    for rows, expect in ((SINGLE, True), (MANY, False)):
        for opt, v1, v2, *extra in rows:
            call = ["-c", source, *extra, opt, v1, opt, v2]
            real = subprocess.run([nvcc, "--dryrun", *call], capture_output=True,
                                  text=True)
            nvcc_warns = "incompatible redefinition for option" in real.stderr
            plan = subprocess.run([cuwrap, "plan", "--facts", "--", "nvcc", *call],
                                  capture_output=True, text=True)
            ours = "is given different values" in plan.stdout
            ok = nvcc_warns == ours == expect
            disagree += not ok
            print(f"{'agree' if ok else 'DISAGREE'} {opt}: nvcc "
                  f"{'warns' if nvcc_warns else 'silent'}, cuwrap "
                  f"{'warns' if ours else 'silent'}")
    print(f"{len(SINGLE)} single-value options, {len(MANY)} list options, "
          f"{disagree} disagreements")


main()
