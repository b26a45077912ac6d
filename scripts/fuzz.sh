#!/usr/bin/env bash
# The long fuzz run (issue 12): each property of tests/test_fuzz.py with up to a million random
# examples, unseeded, for at most $1 seconds in all (default 2400), shared equally. Hypothesis
# prints any failing example (and keeps it in .hypothesis/); turn it into a test in
# tests/test_hard_inputs.py. Prints the CPU seconds used at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
export FACTLINT_FUZZ_LOG="${FACTLINT_FUZZ_LOG:-/tmp/factlint-fuzz.log}" FACTLINT_FUZZ_PROFILE=long FACTLINT_CACHE_DIR="${FACTLINT_CACHE_DIR:-$(mktemp -d)}"
total="${1:-2400}"
tests=("tests/test_fuzz.py::test_library_fuzz[markdown]" "tests/test_fuzz.py::test_library_fuzz[text]" \
  "tests/test_fuzz.py::test_cli_fuzz")
for t in "${tests[@]}"; do
  echo "== $t ($((total / ${#tests[@]})) s)"
  timeout --signal=INT "$((total / ${#tests[@]}))" .venv/bin/python -m pytest -q -p no:cacheprovider "$t" \
    --hypothesis-show-statistics
done
times
