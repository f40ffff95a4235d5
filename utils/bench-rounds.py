#!/usr/bin/env python3
"""Times commands in interleaved rounds: one run of each, in turn, ROUNDS
times (after 20 warm-up rounds), so that a drift in the machine's load
(a shared 2-core VM) reaches every command alike. hyperfine times one
command's runs in a block, and on such a machine blocks drift apart by
more than the differences measured here. Each run is posix_spawn + wait4:
wall time, and the CPU time of the process (it and what it execs).

Usage: bench-rounds.py ROUNDS NAME=COMMAND... ; the first command is the
reference `direct`, the second the `floor`. Prints medians and, for every
other command, its added time (command - direct) as a multiple of the
floor's (floor - direct), for wall and CPU time. Used by utils/bench.sh.
"""
import os
import shlex
import statistics
import sys
import time

rounds = int(sys.argv[1])
cmds = [(n, shlex.split(c)) for n, c in (a.split("=", 1) for a in sys.argv[2:])]
wall = {n: [] for n, _ in cmds}
cpu = {n: [] for n, _ in cmds}
for i in range(rounds + 20):
    for name, argv in cmds:
        start = time.perf_counter_ns()
        pid = os.posix_spawn(argv[0], argv, os.environ)
        _, status, usage = os.wait4(pid, 0)
        took = time.perf_counter_ns() - start
        if status != 0:
            sys.exit(f"bench: {name} exited with status {status}: {shlex.join(argv)}")
        if i >= 20:
            wall[name].append(took / 1000)
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1e6)

direct, floor = cmds[0][0], cmds[1][0]
print(f"median per call, {rounds} interleaved rounds (wall / CPU):")
for name, _ in cmds:
    print(f"  {name:<16}{statistics.median(wall[name]):8.1f} us"
          f"{statistics.median(cpu[name]):8.1f} us")
for label, data in (("wall", wall), ("CPU", cpu)):
    m = {n: statistics.median(v) for n, v in data.items()}
    added = m[floor] - m[direct]
    print(f"added time, x the floor's ({label}): " + "   ".join(
        f"{n} {(m[n] - m[direct]) / added:.2f}x" for n, _ in cmds[2:]))
