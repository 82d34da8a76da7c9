#!/usr/bin/env bash
# fuzz/run.sh TARGET SECONDS — builds the `fuzz` preset, assembles TARGET's seed corpus and runs
# TARGET for SECONDS with one worker. New inputs accumulate in build-fuzz/corpus/TARGET (kept
# between runs); crashers, leaks and timeouts are saved in fuzz/regressions/TARGET/, which the
# normal test suite replays (tests/unit/fuzz_regressions_test.cpp). Exit status: libFuzzer's
# (0 when nothing was found). Extra arguments after SECONDS go to libFuzzer.
#
#   fuzz/run.sh fuzz_html 600
#   targets: fuzz_decode fuzz_text fuzz_text_layout fuzz_html fuzz_dates fuzz_pipeline
#            fuzz_jsonld fuzz_check fuzz_prepass fuzz_words fuzz_word_hashes
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
target=${1:-}
seconds=${2:-}
[[ $target =~ ^fuzz_(decode|text|text_layout|html|dates|pipeline|jsonld|check|prepass|words|word_hashes)$ && $seconds =~ ^[0-9]+$ ]] || usage
shift 2

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$root/build-fuzz
cd "$root"
cmake --preset fuzz >/dev/null
cmake --build "$build" -j1 --target "$target" >/dev/null

seeds=$build/seeds/$target
corpus=$build/corpus/$target
logs=$build/logs/$target
regressions=$root/fuzz/regressions/$target
"$root/fuzz/seeds.sh" "$target" "$seeds"
mkdir -p "$corpus" "$logs" "$regressions"

args=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -jobs=1 -workers=1
      -print_final_stats=1 -artifact_prefix="$regressions/")
case $target in
  fuzz_html | fuzz_pipeline | fuzz_prepass) args+=(-dict="$root/fuzz/dicts/html.dict") ;;
  fuzz_text | fuzz_text_layout | fuzz_dates | fuzz_words | fuzz_word_hashes) args+=(-dict="$root/fuzz/dicts/text.dict") ;;
esac

# With -jobs libFuzzer runs the worker as a child that logs to fuzz-0.log in the current
# directory: run it in the log directory and show the log when it ends.
rm -f "$logs/fuzz-0.log"
status=0
(cd "$logs" && "$build/fuzz/$target" "${args[@]}" "$@" "$corpus" "$seeds") || status=$?
log=$logs/fuzz-0.log
if [[ -f $log ]]; then
  grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$log" | tail -n 60
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  echo "run.sh: $target: ${execs:-?} executions in ${seconds}s, exit status $status" >&2
fi
exit "$status"
