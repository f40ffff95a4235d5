#!/usr/bin/env python3
"""exec-bytes.py PROGRAM ARGS...: runs PROGRAM with `\\xNN` in ARGS turned
into that raw byte, so a test can hand a tool words that are not UTF-8
(lit's RUN lines cannot hold them)."""
import os
import re
import sys

def raw(arg):
    b = arg.encode("utf-8", "surrogateescape")
    return re.sub(rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), b)

argv = [raw(a) for a in sys.argv[1:]]
os.execv(argv[0], argv)
