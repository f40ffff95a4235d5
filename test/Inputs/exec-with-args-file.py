#!/usr/bin/env python3
"""exec-with-args-file.py FILE CMD...: runs CMD with the lines of FILE as
further arguments, in one exec (xargs would split a long list)."""
import os
import sys

with open(sys.argv[1]) as f:
    words = f.read().split("\n")
os.execvp(sys.argv[2], sys.argv[2:] + words)
