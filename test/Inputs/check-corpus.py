#!/usr/bin/env python3
"""check-corpus.py CUWRAP DIR [--mutate]

Runs `CUWRAP plan --json -- nvcc ARGS` for every DIR/*.cmd (comment lines
start with '#', the command is the first other line, in shell syntax; the
cwd is DIR so @files resolve) and checks that the command cuwrap would run
holds the user's words unchanged, in order:

- each `@file` on the command line is translated, and nothing else: it
  becomes `-optf <generated-N>` whose content holds the file's words in
  nvcc's quoting, or (a word holding a double quote) the words themselves;
- for calls that do not link (compile, device-compile, device-link, query,
  preprocess, device-output, library) the result must equal that exactly;
- for link calls, later rules may add words (the driver RUNPATH): the
  user's words must still appear in order, nothing removed or replaced,
  and every extra word must be one a rule recorded as added.

Prints "ok NAME (phase)" or "MISMATCH NAME: why" per file and a summary;
exits 1 on any mismatch. --mutate drops the last word of each expectation,
so the test can show the comparison fails when words differ.
"""
import json
import os
import shlex
import subprocess
import sys

NON_LINK = {"compile", "device-compile", "device-link", "query", "preprocess",
            "device-output", "library"}


def text(v):
    if isinstance(v, dict) and "bytes" in v:
        return bytes.fromhex(v["bytes"]).decode("utf-8", "surrogateescape")
    return v


def nvcc_words(s):
    """nvcc's options-file syntax: whitespace splits, double quotes group."""
    out, cur, in_word, in_quote = [], "", False, False
    for c in s:
        if c == '"':
            in_quote, in_word = not in_quote, True
        elif c.isspace() and not in_quote:
            if in_word:
                out.append(cur)
            cur, in_word = "", False
        else:
            cur, in_word = cur + c, True
    if in_word:
        out.append(cur)
    return out


def command_of(path):
    with open(path) as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith("#"):
                return shlex.split(line)
    raise SystemExit(f"{path}: no command")


def check(cuwrap, d, name, mutate):
    words = command_of(os.path.join(d, name))
    if os.path.basename(words[0]) != "nvcc":
        return f"not an nvcc command: {words[0]}"
    user = words[1:]
    out = subprocess.run([cuwrap, "plan", "--json", "--", "nvcc"] + user,
                         cwd=d, capture_output=True, text=True)
    if out.returncode != 0:
        return f"cuwrap plan failed ({out.returncode}): {out.stderr.strip()}"
    rec = json.loads(out.stdout)
    argv = [text(a) for a in rec["argv"]]
    files = {f["name"]: text(f["content"]) for f in rec["files"]}
    edits = rec["edits"]
    for e in edits:
        if e["action"] in ("remove", "replace"):
            return f"rule {e['rule']} {e['action']}s {e['removed']}"

    # What the user's words become once each @file is translated.
    expected = []
    translations = [e for e in edits if e["rule"] == "response-file"]
    for w in user:
        if not w.startswith("@"):
            expected.append(w)
            continue
        with open(os.path.join(d, w[1:])) as f:
            rsp_words = shlex.split(f.read())
        tr = [e for e in translations if [text(x) for x in e["removed"]] == [w]]
        if len(tr) != 1:
            return f"{w} was not translated exactly once"
        added = [text(x) for x in tr[0]["added"]]
        if added[:1] == ["-optf"] and len(added) == 2:
            if nvcc_words(files.get(added[1], "")) != rsp_words:
                return f"{w}: options file {added[1]} holds {files.get(added[1])!r}, not {rsp_words}"
        elif added != rsp_words:
            return f"{w}: became {added}, not {rsp_words}"
        expected += added
    if mutate:
        expected = expected[:-1]

    if rec["phase"] in NON_LINK:
        if argv != expected:
            return f"phase {rec['phase']}: ran {argv}, expected {expected}"
        return None
    # Link: the user's words in order; extra words only as recorded adds.
    added = [text(x) for e in edits if e["action"] == "add" for x in e["added"]]
    i = 0
    extra = []
    for a in argv:
        if i < len(expected) and a == expected[i]:
            i += 1
        else:
            extra.append(a)
    if i != len(expected):
        return f"phase {rec['phase']}: {expected[i]!r} and what follows are missing or moved in {argv}"
    for a in extra:
        if a not in added:
            return f"phase {rec['phase']}: {a!r} was added without an edit"
        added.remove(a)
    return None


def main():
    args = [a for a in sys.argv[1:] if a != "--mutate"]
    mutate = "--mutate" in sys.argv
    cuwrap, d = args
    names = sorted(n for n in os.listdir(d) if n.endswith(".cmd"))
    bad = 0
    for name in names:
        why = check(cuwrap, d, name, mutate)
        if why:
            bad += 1
            print(f"MISMATCH {name}: {why}")
        else:
            print(f"ok {name}")
    print(f"checked {len(names)} command lines, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
