#!/usr/bin/env bash
# Builds, then runs the whole lit suite. Prints lit's summary and, as the
# very last line, "N passed, N failed[, N skipped]" (CI reads it). Exits
# non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/utils/build.sh"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
# The check target (test/CMakeLists.txt) runs lit over the suite and over
# each GoogleTest case of the unit tests.
ninja -C "$root/build" check-cuwrap 2>&1 | tee "$out" || status=$?

# The fuzz targets (docs/fuzzing.md), briefly, where clang can build them:
# a finding fails the check. CUWRAP_CHECK_FUZZ=0 skips them.
fuzz_failed=0
if [[ ${CUWRAP_CHECK_FUZZ:-1} != 0 ]] && command -v clang++-14 >/dev/null; then
  "$root/utils/fuzz.sh" --smoke 2>&1 | tee -a "$out" || fuzz_failed=1
else
  echo "fuzz: skipped (no clang++-14, or CUWRAP_CHECK_FUZZ=0)"
fi

# lit's summary lines look like "  Passed           : 42" (lit 14) or
# "  Passed: 42"; failures include Failed, Unresolved, Timed Out, XPASS.
count() {
  local n=0 v
  for label in "$@"; do
    v=$(sed -n "s/^ *${label} *: *\([0-9][0-9]*\) *\$/\1/p" "$out" | tail -1)
    n=$((n + ${v:-0}))
  done
  echo "$n"
}
passed=$(count 'Passed' 'Expectedly Failed')
failed=$(count 'Failed' 'Unresolved' 'Timed Out' 'Unexpectedly Passed')
skipped=$(count 'Unsupported' 'Skipped' 'Excluded')
if [[ $fuzz_failed -ne 0 ]]; then failed=$((failed + 1)); fi
if [[ $status -eq 0 && $failed -ne 0 ]]; then status=1; fi
# lit itself failing (a broken config, no tests found) counts as a failure.
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
line="$passed passed, $failed failed"
[[ $skipped -ne 0 ]] && line+=", $skipped skipped"
echo "$line"
exit "$status"
