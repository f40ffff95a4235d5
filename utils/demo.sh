#!/usr/bin/env bash
# Builds cuwrap, then builds examples/saxpy through the wrappers two of the
# three ways in (docs/wiring.md): plain nvcc with the wrappers first on PATH,
# and the CMake project with only cuwrap's toolchain file. Shows each wrapped
# call before and after, the RUNPATH of each result, and runs it (or,
# without a GPU, shows where the loader looks for libcuda.so.1). Everything
# is built in a temp dir.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Building cuwrap takes minutes the first time: show ninja's progress lines
# (and setup's messages) on stderr, the whole output only if it fails.
build_log=$(mktemp "${TMPDIR:-/tmp}/cuwrap-demo-build.XXXXXX")
trap 'rm -f "$build_log"' EXIT
echo "demo: building cuwrap (utils/build.sh; the first build takes a few minutes)" >&2
set +e
"$root/utils/build.sh" 2>&1 | tee "$build_log" |
  { grep --line-buffered -E '^(\[[0-9]+/[0-9]+\]|setup:)' || true; } >&2
status=${PIPESTATUS[0]}
set -e
if ((status != 0)); then
  cat "$build_log" >&2
  echo "demo: building cuwrap failed (output above)" >&2
  exit "$status"
fi

llvm=/usr/lib/llvm-14/bin
cuwrap=$root/build/bin/cuwrap
work=$(mktemp -d "${TMPDIR:-/tmp}/cuwrap-demo.XXXXXX")
trap 'rm -rf "$work" "$build_log"' EXIT
plain_path=$PATH
export CUWRAP_LOG="$work/cuwrap.log"
# Without a GPU there is no driver; the toolkit's stub libcuda.so stands in
# for it in a driver directory of our own, so the loader trace below shows
# libcuda.so.1 found through the RUNPATH cuwrap gave the program
# (docs/nvcc.md, "Checking the run time without a GPU"). With a GPU, the real one.
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

section "cuwrap's settings"
"$cuwrap" config | sed -n '1,3p;/^nvcc\|^host_cxx\|^driver_dir\|^log/p'

section "PATH: the wrappers first on PATH, then nvcc saxpy.cu -o saxpy"
echo "PATH=$root/build/wrappers:\$PATH  (nvcc is $(PATH="$root/build/wrappers:$PATH" command -v nvcc))"
cp "$root/examples/saxpy/saxpy.cu" "$work/"
(cd "$work" && PATH="$root/build/wrappers:$plain_path" nvcc saxpy.cu -o saxpy)
show_log
runpath "$work/saxpy"
run_it "$work/saxpy"

section "toolchain file: CMake project examples/saxpy, PATH untouched (compile with nvcc, link with g++ -B<wrappers>/ -> ld)"
toolchain=$root/build/share/cuwrap/cuwrap-toolchain.cmake
echo "cmake -DCMAKE_TOOLCHAIN_FILE=$toolchain ..."
cmake -G Ninja -S "$root/examples/saxpy" -B "$work/cmake" \
  -DCMAKE_TOOLCHAIN_FILE="$toolchain" >/dev/null
: > "$CUWRAP_LOG"   # CMake's compiler checks ran through the wrappers too
ninja -C "$work/cmake" >/dev/null
show_log
runpath "$work/cmake/saxpy"
run_it "$work/cmake/saxpy"
