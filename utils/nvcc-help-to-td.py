#!/usr/bin/env python3
"""Seed wrappers/nvcc/NvccOptions.td from `nvcc --help` of a new CUDA release.

The .td is the source of truth and is edited by hand after seeding (the
hidden options and the joined forms below were found by trying them on
nvcc 13.0; see docs/nvcc.md). Usage:
    nvcc --help | utils/nvcc-help-to-td.py > wrappers/nvcc/NvccOptions.td
"""
import re
import sys

# Single-letter short options whose value may be glued on (`-I/x`, `-O3`).
# nvcc 13.0 rejects `-oa.o`, `-xcu`, `-efoo`, so -o, -x, -e are not here.
JOINED = {"-O", "-I", "-l", "-L", "-D", "-U", "-t"}
# Listed by --help without a metavariable, yet they take a value.
VALUED = {"dependency-output": "<file>", "qpp-config": "<config>"}
PATH_META = {"<file>", "<path>", "<directory>", "<file name>"}
# Accepted by nvcc 13.0 but not listed by --help.
HIDDEN = [
    ("cicc-options", "<options>,...", "-Xcicc"),
    ("fatbin-options", "<options>,...", "-Xfatbin"),
    ("cudafe-options", "<options>,...", "-Xcudafe"),
]


def ident(long):
    return re.sub(r"[^A-Za-z0-9]", "_", long)


def main():
    opts = []
    for line in sys.stdin:
        m = re.match(r"^--(\S+)(?:\s+(\S.*?))?\s{2,}(?:\((-\S+)\)|(--\S+))\s*$", line)
        if m:
            opts.append((m.group(1), m.group(2), m.group(3) or m.group(4), False))
    opts += [(l, v, s, True) for l, v, s in HIDDEN]
    out = ['// nvcc 13.0 options, seeded by utils/nvcc-help-to-td.py from `nvcc --help`.',
           '// Long spellings take "--", short ones "-"; nvcc rejects "-compiler-bindir"',
           '// and "--ccbin", so neither prefix is offered for the other spelling.',
           'include "NvccOptionClasses.td"', '']
    for long, meta, short, hidden in opts:
        meta = meta or VALUED.get(long)
        short = None if short == "--" + long else short
        flags = []
        if meta and meta.endswith(",..."):
            flags.append("ListValue")
        if meta and (meta.replace(",...", "") in PATH_META or short in {"-include", "-I", "-isystem", "-L", "-optf"}):
            flags.append("PathValue")
        if hidden:
            flags.append("Undocumented")
        args = f'"{long}"' + (f', "{short[1:]}"' if short else ', ""')
        if meta is None:
            kind = "NvFlag"
        elif short in JOINED:
            kind = "NvValueJoined"
        else:
            kind = "NvValue"
        extra = f", [{', '.join(flags)}]" if kind != "NvFlag" else (", [Undocumented]" if hidden else "")
        out.append(f"defm {ident(long)} : {kind}<{args}{extra}>;")
    print("\n".join(out))


if __name__ == "__main__":
    main()
