#!/usr/bin/env python3
"""A stand-in for nvcc that counts what it was given: the words on its
command line and those in the options files cuwrap generated
(-optf /dev/fd/N; their words here need no unquoting)."""
import sys

args = sys.argv[1:]
in_files = 0
for i, a in enumerate(args):
    if a == "-optf" and i + 1 < len(args) and args[i + 1].startswith("/dev/fd/"):
        with open(args[i + 1]) as f:
            in_files += len(f.read().split())
print("argv words: {}, words in generated files: {}, last: {}".format(
    len(args), in_files, args[-1] if args else "-"))
