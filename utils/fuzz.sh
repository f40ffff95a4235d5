#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, coverage feedback,
# AddressSanitizer and UndefinedBehaviorSanitizer in build/fuzz, and runs
# them (docs/fuzzing.md).
#
#   utils/fuzz.sh [--smoke] [SECONDS] [TARGET...]
#
# Each target runs for SECONDS (default 60) over its seed corpus in
# fuzz/corpus/TARGET; new inputs go to build/fuzz/corpus/TARGET, never into
# the repository, and a crash leaves its input in build/fuzz/artifacts/.
# --smoke (utils/check.sh): 4 seconds a target, quietly, one summary line.
# Prints "fuzz: TARGET: N runs, ..." per target; exits non-zero if a target
# found anything. Needs clang++-14 (or $CUWRAP_FUZZ_CXX).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
smoke=0
if [[ ${1:-} == --smoke ]]; then
  smoke=1
  shift
fi
seconds=${1:-60}
[[ $smoke == 1 && $# == 0 ]] && seconds=4
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} == 0 ]] && targets=(quoting plan config record dryrun)

cxx=${CUWRAP_FUZZ_CXX:-clang++-14}
cc=${CUWRAP_FUZZ_CC:-clang-14}
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: no $cxx: the fuzz targets need clang (libFuzzer)" >&2
  exit 2
fi
b=$root/build/fuzz
if [[ ! -f $b/build.ninja ]]; then
  CC=$cc CXX=$cxx cmake -G Ninja -S "$root" -B "$b" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCUWRAP_FUZZ=ON \
    -DCUWRAP_SANITIZE=address,undefined >"$b.configure.log" 2>&1 ||
    { cat "$b.configure.log" >&2; exit 1; }
fi
if [[ $smoke == 1 ]]; then
  ninja -C "$b" cuwrap-fuzzers >"$b.build.log" 2>&1 ||
    { tail -50 "$b.build.log" >&2; exit 1; }
else
  ninja -C "$b" cuwrap-fuzzers
fi

status=0
mkdir -p "$b/artifacts"
for t in "${targets[@]}"; do
  seeds=$root/fuzz/corpus/$t
  work=$b/corpus/$t
  mkdir -p "$work"
  log=$b/$t.log
  # The first directory takes the new inputs; the seeds are only read.
  # -timeout: an input that runs 10 s is a hang, reported as a finding.
  if "$b/fuzz/cuwrap-fuzz-$t" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$b/artifacts/$t-" "$work" "$seeds" \
      </dev/null >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz: $t: ${runs:-?} runs, ${cov:-cov: ?}, no findings"
  else
    status=1
    echo "fuzz: $t: FINDING (log $log, input in $b/artifacts/):"
    grep -m1 -A12 -E 'ERROR: (AddressSanitizer|libFuzzer)|runtime error|does not read back|changed on its way|written text does not' "$log" || tail -20 "$log"
  fi
done
exit "$status"
