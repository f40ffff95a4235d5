#!/usr/bin/env bash
# Builds cuwrap, then builds examples/saxpy through the wrappers (plain nvcc
# and the CMake project), shows each wrapped call before and after, the
# RUNPATH of each result, and runs it (or, without a GPU, shows where the
# loader looks for libcuda.so.1). Everything is built in a temp dir.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/utils/build.sh" >/dev/null

llvm=/usr/lib/llvm-14/bin
cuwrap=$root/build/bin/cuwrap
work=$(mktemp -d "${TMPDIR:-/tmp}/cuwrap-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PATH="$root/build/wrappers:$PATH"
export CUWRAP_LOG="$work/cuwrap.log"
# Without a GPU there is no driver; the toolkit's stub libcuda.so stands in
# for it in a driver directory of our own, so the loader trace below shows
# libcuda.so.1 found through the RUNPATH cuwrap gave the program
# (nvcc-facts.md, "Runtime check without a GPU"). With a GPU, the real one.
if ! nvidia-smi -L >/dev/null 2>&1; then
  mkdir -p "$work/driver"
  cp /usr/local/cuda/lib64/stubs/libcuda.so "$work/driver/libcuda.so.1"
  export CUWRAP_DRIVER_DIR="$work/driver"
fi

section() { printf '\n=== %s\n' "$*"; }
show_log() {
  # The record of every wrapped call: the command before and after, and
  # each edit with the rule that made it and why.
  "$cuwrap" log "$CUWRAP_LOG"
  : > "$CUWRAP_LOG"
}
runpath() {
  printf '%s: ' "$1"
  "$llvm/llvm-readelf" -d "$1" | grep -E 'RUNPATH|RPATH' || echo "(no RUNPATH)"
}
run_it() {
  local exe=$1
  if nvidia-smi -L >/dev/null 2>&1; then
    "$exe"
  else
    echo "no GPU here (nvidia-smi -L fails); the stub stands in for the driver."
    echo "where the loader found libcuda.so.1:"
    LD_DEBUG=libs "$exe" 2>&1 |
      grep -A4 'find library=libcuda\.so\.1' | grep -E 'find library|RUNPATH|trying file' |
      sed 's/^ *[0-9]*:[[:space:]]*/  /' || true
    echo "and what the program says: $("$exe" 2>&1 | tail -1 || true)"
  fi
}

section "wrappers on PATH: $(command -v nvcc), $(command -v ld)"
"$cuwrap" config | sed -n '1,3p;/^nvcc\|^host_cxx\|^driver_dir\|^log/p'

section "nvcc saxpy.cu -o saxpy"
cp "$root/examples/saxpy/saxpy.cu" "$work/"
(cd "$work" && nvcc saxpy.cu -o saxpy)
show_log
runpath "$work/saxpy"
run_it "$work/saxpy"

section "CMake project examples/saxpy (compile with nvcc, link with g++ -> ld)"
cmake -G Ninja -S "$root/examples/saxpy" -B "$work/cmake" \
  -DCMAKE_CUDA_COMPILER="$root/build/wrappers/nvcc" >/dev/null
: > "$CUWRAP_LOG"   # CMake's compiler checks ran through the wrappers too
ninja -C "$work/cmake" >/dev/null
show_log
runpath "$work/cmake/saxpy"
run_it "$work/cmake/saxpy"
