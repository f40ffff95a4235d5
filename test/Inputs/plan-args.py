#!/usr/bin/env python3
"""Prints `cuwrap plan --json` (read from stdin) one fact a line, so that
FileCheck can check how each word was read:

    phase: compile
    modifiers: dryrun verbose
    arg compiler-bindir = 'g++' <- '-ccbin' 'g++' @ argv[1]
    argv: -ccbin g++ -c x.cu
    edit: response-file translate ...

Values and words are shell-quoted; text that is not UTF-8 (recorded as
{"bytes": HEX}) is decoded byte for byte first.
"""
import json
import re
import shlex
import sys


def text(v):
    if isinstance(v, dict) and "bytes" in v:
        return bytes.fromhex(v["bytes"]).decode("utf-8", "surrogateescape")
    return v


def q(v):
    s = text(v)
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return "bytes:" + s.encode("utf-8", "surrogateescape").hex()
    # shlex.quote's '"'"' is hard to read in a CHECK line: a word holding a
    # single quote is double-quoted when that is just as exact.
    if "'" in s and not re.search(r'[^\w@%+=:,./\-]', s.replace("'", "")) :
        return '"' + s + '"'
    return shlex.quote(s)


rec = json.load(sys.stdin)
print("phase:", rec["phase"])
print("modifiers:", " ".join(rec["modifiers"]) or "-")
original = rec["original"]
for p in rec.get("parsed", []):
    words = [original[i] for i in p["words"]]
    origin = words[0]["origin"] if words else "?"
    print("arg {} = {} <- {} @ {}".format(
        p["option"], " ".join(q(v) for v in p["values"]) or "-",
        " ".join(q(w["arg"]) for w in words), origin))
print("argv:", " ".join(q(a) for a in rec["argv"]))
for e in rec["edits"]:
    print("edit: {} {} {} -> {} [{}]".format(
        e["rule"], e["action"], " ".join(q(w) for w in e["removed"]),
        " ".join(q(w) for w in e["added"]), text(e["origin"])))
for f in rec["files"]:
    print("file {} replaces {}:".format(f["name"], q(f["replaces"])))
    for line in text(f["content"]).splitlines():
        print("  | " + line)
for e in rec["env"]:
    print("env: {} {} {}".format(e["op"], e["name"], q(e.get("value", ""))))
for w in rec["warnings"]:
    print("warning:", text(w))
