#!/usr/bin/env python3
"""same-inode.py FILE...: exits 0 when every FILE (symlinks followed) is the
same file as the first one (same device and inode), i.e. hard links of one
binary; prints each file that is not."""
import os
import sys

first = os.stat(sys.argv[1])
bad = [p for p in sys.argv[2:]
       if (os.stat(p).st_dev, os.stat(p).st_ino) != (first.st_dev, first.st_ino)]
for p in bad:
    print(f"NOT THE SAME FILE: {p} is not {sys.argv[1]}")
sys.exit(1 if bad else 0)
