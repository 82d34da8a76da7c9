#!/usr/bin/env bash
# Extraction quality gate on a set of web pages whose ground truth was made by people: pressparse
# over the set must not fall below the floors pinned for it in web-baseline.json (raise them when
# quality improves; never lower them). Exit 77 (skipped) when the set is not on this machine.
# Usage: web_gate.sh PATH/TO/pressparse REPO_ROOT SET_DIR [JOBS]
set -uo pipefail
bin=$1
root=$2
set_dir=$3
jobs=${4:-2}
if [[ ! -f $set_dir/truth.jsonl ]]; then
  echo "web page set not found at $set_dir: quality gate skipped"
  exit 77
fi
exec python3 "$root/tools/eval_web.py" --pressparse "$bin" --jobs "$jobs" \
  --baseline "$root/tests/quality/web-baseline.json" --schema "$root/schema/article.schema.json" \
  --show-worst 5 "$set_dir"
