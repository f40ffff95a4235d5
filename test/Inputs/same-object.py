#!/usr/bin/env python3
"""same-object.py A B: exits 0 when the two objects are byte-identical once
nvcc's temporary-file names are normalised.

nvcc names its intermediate files tmpxft_<pid in hex>_<counter>-N_<source>
and that name ends up in the object (the module id of the host stub), so two
runs of the real nvcc on the same source already differ in those bytes.
Each name is replaced by a fixed string of the same length; everything
else must be equal."""
import re
import sys

PAT = re.compile(rb"tmpxft_[0-9a-f]{8}_[0-9a-f]{8}")


def norm(path):
    with open(path, "rb") as f:
        data = f.read()
    return PAT.sub(b"tmpxft_XXXXXXXX_XXXXXXXX", data), len(PAT.findall(data))


a, na = norm(sys.argv[1])
b, nb = norm(sys.argv[2])
if a != b:
    first = next(i for i in range(min(len(a), len(b))) if a[i] != b[i]) \
        if any(x != y for x, y in zip(a, b)) else min(len(a), len(b))
    print(f"DIFFERENT: {sys.argv[1]} and {sys.argv[2]} differ at byte {first} "
          f"(sizes {len(a)}, {len(b)})")
    sys.exit(1)
print(f"SAME ({len(a)} bytes, {na} temporary names normalised)")
