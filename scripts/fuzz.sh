#!/usr/bin/env bash
# The long fuzz run (issue 12): the properties of tests/test_fuzz.py with random, unseeded
# examples, in turn, until $1 seconds (default 2400) have passed. A failure is printed (the
# falsifying example) in the output and the run goes on; turn each into a regression test in
# tests/test_hard_inputs.py. Examples run per property go to $FACTLINT_FUZZ_LOG; CPU time at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
export FACTLINT_FUZZ_LOG="${FACTLINT_FUZZ_LOG:-/tmp/factlint-fuzz.log}" FACTLINT_FUZZ_PROFILE=long
export FACTLINT_CACHE_DIR="${FACTLINT_CACHE_DIR:-$(mktemp -d)}"
end=$(( $(date +%s) + ${1:-2400} ))
slice=${2:-300}  # seconds per property before moving on to the next
tests=("tests/test_fuzz.py::test_library_fuzz[markdown]" "tests/test_fuzz.py::test_library_fuzz[text]" \
  "tests/test_fuzz.py::test_cli_fuzz")
while [ "$(date +%s)" -lt "$end" ]; do
  for t in "${tests[@]}"; do
    left=$(( end - $(date +%s) ))
    [ "$left" -le 0 ] && break
    echo "== $(date -u +%T) $t"
    timeout --signal=INT "$(( left < slice ? left : slice ))" .venv/bin/python -m pytest -q -p no:cacheprovider "$t" \
      --hypothesis-show-statistics
  done
done
times
