#!/bin/bash
# Configure and build the saxpy CMake project through the wrappers with
# NIX_DEBUG as $2 ("unset" or a level), in a fresh directory $1/<name>, and
# leave there, with the build directory's path replaced by @BUILD@, what must
# not depend on the debug level:
#   implicit.txt  CMake's conclusions from `nvcc -v` (CMakeCUDACompiler.cmake)
#   commands.txt  the build commands (ninja -t commands)
#   output.txt    what cmake and ninja printed: the compilers' stdout/stderr
#   runpath.txt   the dynamic section's NEEDED/RUNPATH/RPATH of the program
#   counts.txt    with logging on: nvcc and ld records of the build against
#                 the nvcc and link commands ninja ran, and any missing output
# usage: log-consistency.sh WORK NAME LEVEL SRC WRAPPERS
set -eu
work=$1 name=$2 level=$3 src=$4 wrappers=$5
dir=$work/$name
b=$dir/build
rm -rf "$dir"
mkdir -p "$b" "$dir/top"
export PATH="$wrappers:$PATH" NIX_BUILD_TOP=$dir/top
unset NIX_DEBUG CUWRAP_LOG
[ "$level" = unset ] || export NIX_DEBUG="$level"

norm() { sed -e "s|$b|@BUILD@|g" -e "s|$dir|@DIR@|g"; }
{
  cmake -G Ninja -S "$src" -B "$b" -DSAXPY_SEPARABLE=ON \
    -DCMAKE_CUDA_ARCHITECTURES=75 -DCMAKE_CUDA_COMPILER="$wrappers/nvcc" 2>&1
  ninja -C "$b" 2>&1
} | norm > "$dir/output.txt"
grep -hE 'IMPLICIT|HOST_LINK|CMAKE_CUDA_COMPILER_(ID|VERSION|TOOLKIT)' \
  "$b"/CMakeFiles/*/CMakeCUDACompiler.cmake | norm > "$dir/implicit.txt"
ninja -C "$b" -t commands | norm > "$dir/commands.txt"
llvm-readelf -d "$b/saxpy" | grep -E 'NEEDED|RUNPATH|RPATH' > "$dir/runpath.txt" || true

[ "$level" = unset ] && exit 0
python3 - "$dir/top/cuwrap.log" "$b" "$dir/commands.txt" > "$dir/counts.txt" <<'PY'
import json, shlex, sys
log, build, commands = sys.argv[1:]
recs = [json.loads(l) for l in open(log)]
cmds = [shlex.split(c) for c in open(commands).read().splitlines()]
nvcc_cmds = [c for c in cmds if c[0].endswith("/nvcc")]
link_cmds = [c for c in cmds if not c[0].endswith("/nvcc") and "-o" in c
             and not any(w == "-c" for w in c)]
def out(c):
    return c[c.index("-o") + 1] if "-o" in c else None
here = [r for r in recs if r.get("cwd") == build]
nvcc_recs = [r for r in here if r["personality"] == "nvcc"]
ld_recs = [r for r in here if r["personality"].startswith("ld")]
print("nvcc commands", len(nvcc_cmds), "records", len(nvcc_recs))
print("link commands", len(link_cmds), "ld records", len(ld_recs))
logged = {r["output"] for r in nvcc_recs} | {r["output"] for r in ld_recs}
missing = [out(c) for c in nvcc_cmds + link_cmds if out(c) not in logged]
print("missing", missing)
# Calls made while CMake configured (compiler id, try-compiles) are logged
# too, in their own directories.
print("configure records", "yes" if len(recs) > len(here) else "no")
PY
