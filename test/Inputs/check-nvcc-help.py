#!/usr/bin/env python3
"""check-nvcc-help.py HELP LIST: fails when a spelling that `nvcc --help`
(file HELP) lists is missing from `cuwrap list-options nvcc` (file LIST).

nvcc --help lists each option as `--long-name <meta>   (-short)`, or
`--long-name   (--long-name)` when there is no short alias."""
import re
import sys

help_text = open(sys.argv[1]).read()
known = set()
for line in open(sys.argv[2]):
    if line.split():
        known.add(line.split()[0].rstrip("="))

wanted = []
for line in help_text.splitlines():
    m = re.match(r"^(--[A-Za-z0-9][\w-]*)(?:\s+\S.*?)?\s{2,}\((-{1,2}[\w-]+)\)\s*$", line)
    if m:
        wanted.append(m.group(1))
        if m.group(2) != m.group(1):
            wanted.append(m.group(2))
missing = [w for w in wanted if w not in known]
for w in missing:
    print("MISSING", w)
print(f"{len(wanted)} spellings in --help, {len(missing)} missing")
sys.exit(1 if missing or not wanted else 0)
