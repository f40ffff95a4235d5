#!/usr/bin/env bash
# Overhead of the nvcc wrapper per call, measured with hyperfine (not part
# of the test suite: no timed tests). Compares, shell-less (-N):
#   direct:     a fake nvcc that exits at once (static C program)
#   floor:      a minimal static exec trampoline that execv's the fake
#   cuwrap:     build/wrappers/nvcc -c x.cu -o x.o, CUWRAP_NVCC = the fake
#   cuwrap+:    the same with a few realistic flags (CMake-style compile)
# and prints the median per call, wrapper/floor and wrapper/direct, and
# the ratio of added time, (wrapper - direct) / (floor - direct): what the
# wrapper costs a call next to what the least possible wrapper (an exec
# and nothing else) costs it. docs/performance.md has the goal (<= 1.3)
# and the numbers.
# Usage: utils/bench.sh [RUNS]   (default 300)
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
cc -O2 -static -o "$work/nvcc" "$work/fake.c"
cc -O2 -static -DFAKE="\"$work/nvcc\"" -o "$work/trampoline" "$work/trampoline.c"

wrapper=$root/build/wrappers/nvcc
flags="-forward-unknown-to-host-compiler -DNDEBUG -I/src/include -O3 --generate-code=arch=compute_80,code=[compute_80,sm_80] -Xcompiler=-fPIC -MD -MT x.o -MF x.o.d -x cu"
export CUWRAP_NVCC="$work/nvcc"
unset CUWRAP_LOG NIX_DEBUG
# An empty config file: no file next to the binary changes the result.
echo '{}' > "$work/cuwrap.json"
export CUWRAP_CONFIG="$work/cuwrap.json"

cd "$work"
hyperfine -N --warmup 30 --runs "$runs" --export-json "$work/bench.json" \
  -n direct "$work/nvcc -c x.cu -o x.o" \
  -n floor "$work/trampoline -c x.cu -o x.o" \
  -n cuwrap "$wrapper -c x.cu -o x.o" \
  -n cuwrap+flags "$wrapper $flags -c x.cu -o x.o" >&2

python3 - "$work/bench.json" <<'PY'
import json, sys
res = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
us = lambda s: f"{s * 1e6:8.1f} us"
print("median per call:")
for name, m in res.items():
    print(f"  {name:<14}{us(m)}")
added = res["floor"] - res["direct"]
for name in ("cuwrap", "cuwrap+flags"):
    print(f"  {name}/floor  = {res[name] / res['floor']:.2f}x   "
          f"{name}/direct = {res[name] / res['direct']:.2f}x   "
          f"added: {(res[name] - res['direct']) / added:.2f}x the floor's")
PY
echo "reproduce: $root/utils/bench.sh $runs"
