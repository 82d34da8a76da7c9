#!/usr/bin/env bash
# Extraction quality gate: pressparse over the real pages of Readability's test suite must not
# fall below the floors pinned in readability-baseline.json (raise them when quality improves;
# never lower them). Exit 77 (skipped) when the pages are not on this machine.
# Usage: readability_gate.sh PATH/TO/pressparse REPO_ROOT CASES_DIR
set -uo pipefail
bin=$1
root=$2
cases=$3
if [[ ! -d $cases ]]; then
  echo "readability pages not found at $cases: quality gate skipped"
  exit 77
fi
exec python3 "$root/tools/eval_readability.py" --pressparse "$bin" --cases "$cases" \
  --baseline "$root/tests/quality/readability-baseline.json" --show-worst 5
