#!/usr/bin/env bash
# Overhead of the nvcc wrapper per call (not part of the test suite: no
# timed tests). Compares, in interleaved rounds (utils/bench-rounds.py):
#   direct:     a fake nvcc that exits at once (static C program)
#   floor:      a minimal static exec trampoline that execv's the fake
#   cuwrap:     nvcc -c x.cu -o x.o, a copy of build/bin/cuwrap named nvcc,
#               CUWRAP_NVCC = the fake
#   cuwrap+:    the same with a few realistic flags (CMake-style compile)
#   before(+):  the same through a copy of CUWRAP_BENCH_BEFORE, another
#               build's bin/cuwrap, when set
# and prints the median per call and the ratio of added time,
# (wrapper - direct) / (floor - direct): what the wrapper costs a call next
# to what the least possible wrapper (an exec and nothing else) costs it.
# docs/performance.md has the goal (<= 1.3) and the numbers.
# Usage: [CUWRAP_BENCH_BEFORE=OTHER/build/bin/cuwrap] utils/bench.sh [ROUNDS]
#        (default 300)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-300}
"$root/utils/build.sh" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/cuwrap-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat > "$work/fake.c" <<'C'
int main(void) { return 0; }
C
cat > "$work/trampoline.c" <<'C'
#include <unistd.h>
int main(int argc, char **argv) {
  (void)argc;
  argv[0] = FAKE;
  execv(FAKE, argv);
  return 127;
}
C
# Every program runs from a copy, as installed: the same bytes exec'd from
# the file lld wrote measured 0.2 of the floor's added time slower than a
# copy of it (how its pages came into the page cache; docs/performance.md),
# and the comparison must not depend on which linker wrote what.
cc -O2 -static -o "$work/nvcc.out" "$work/fake.c"
cc -O2 -static -DFAKE="\"$work/nvcc\"" -o "$work/trampoline.out" "$work/trampoline.c"
cp "$work/nvcc.out" "$work/nvcc"
cp "$work/trampoline.out" "$work/trampoline"
mkdir -p "$work/after" "$work/before"
cp "$root/build/bin/cuwrap" "$work/after/nvcc"
wrapper=$work/after/nvcc
flags="-forward-unknown-to-host-compiler -DNDEBUG -I/src/include -O3 --generate-code=arch=compute_80,code=[compute_80,sm_80] -Xcompiler=-fPIC -MD -MT x.o -MF x.o.d -x cu"
export CUWRAP_NVCC="$work/nvcc"
unset CUWRAP_LOG NIX_DEBUG
# An empty config file: no file next to the binary changes the result.
echo '{}' > "$work/cuwrap.json"
export CUWRAP_CONFIG="$work/cuwrap.json"

cd "$work"
# Another build to compare with (before/after a change): its nvcc wrapper.
other=()
if [[ -n ${CUWRAP_BENCH_BEFORE:-} ]]; then
  cp "$CUWRAP_BENCH_BEFORE" "$work/before/nvcc"
  other=("before=$work/before/nvcc -c x.cu -o x.o"
         "before+flags=$work/before/nvcc $flags -c x.cu -o x.o")
fi
python3 "$root/utils/bench-rounds.py" "$runs" \
  "direct=$work/nvcc -c x.cu -o x.o" \
  "floor=$work/trampoline -c x.cu -o x.o" \
  "${other[@]}" \
  "cuwrap=$wrapper -c x.cu -o x.o" \
  "cuwrap+flags=$wrapper $flags -c x.cu -o x.o"
echo "reproduce: ${CUWRAP_BENCH_BEFORE:+CUWRAP_BENCH_BEFORE=$CUWRAP_BENCH_BEFORE }$root/utils/bench.sh $runs"
