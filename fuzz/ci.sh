#!/usr/bin/env bash
# fuzz/ci.sh [SECONDS] — CI-time fuzzing: builds the `fuzz` preset, replays every saved
# reproducer in fuzz/regressions/TARGET/ with its target, then runs each target for SECONDS
# (default 60) from its seed corpus in a fresh corpus directory. Exits non-zero on any crash,
# leak, timeout or out-of-memory; what was found is saved in build-fuzz/ci-artifacts/TARGET/
# (copy it into fuzz/regressions/TARGET/ after fixing, so the test suite replays it).
# FUZZ_BUILD_DIR (default: build-fuzz) and JOBS (default: 1) may be set in the environment.
set -euo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}  # the preset's directory unless told
targets=(fuzz_decode fuzz_text fuzz_text_layout fuzz_html fuzz_dates fuzz_pipeline fuzz_jsonld
         fuzz_check fuzz_prepass fuzz_words fuzz_word_hashes)
cd "$root"

start=$SECONDS
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j "${JOBS:-1}" --target fuzzers >/dev/null
echo "ci.sh: built in $((SECONDS - start)) s" >&2

failed=()
for target in "${targets[@]}"; do
  bin=$build/fuzz/$target
  artifacts=$build/ci-artifacts/$target
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  common=(-rss_limit_mb=2048 -timeout=10 -artifact_prefix="$artifacts/")

  # 1. The saved reproducers: each must run clean now.
  mapfile -t saved < <(find "$root/fuzz/regressions/$target" -type f ! -name '.*' ! -name '*.md' \
                         2>/dev/null | sort)
  if ((${#saved[@]} > 0)); then
    if ! "$bin" "${common[@]}" "${saved[@]}" >"$artifacts/replay.log" 2>&1; then
      tail -n 40 "$artifacts/replay.log"
      echo "ci.sh: $target: a saved reproducer fails again" >&2
      failed+=("$target")
      continue
    fi
  fi

  # 2. Fuzz from the seeds, in a corpus directory of this run only.
  seeds=$build/seeds/$target
  corpus=$(mktemp -d "$build/ci-corpus.XXXXXX")
  "$root/fuzz/seeds.sh" "$target" "$seeds" 2>/dev/null
  dict=()
  case $target in
    fuzz_html | fuzz_pipeline | fuzz_prepass) dict=(-dict="$root/fuzz/dicts/html.dict") ;;
    fuzz_text | fuzz_text_layout | fuzz_dates | fuzz_words | fuzz_word_hashes) dict=(-dict="$root/fuzz/dicts/text.dict") ;;
  esac
  status=0
  "$bin" "${common[@]}" "${dict[@]}" -seed=1 -max_total_time="$seconds" -print_final_stats=1 \
    "$corpus" "$seeds" >"$artifacts/fuzz.log" 2>&1 || status=$?
  rm -rf "$corpus"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$artifacts/fuzz.log" | tail -n 1)
  if ((status != 0)); then
    grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$artifacts/fuzz.log" | tail -n 40
    echo "ci.sh: $target: FAILED (exit $status) after ${execs:-?} executions;" \
      "reproducer in $artifacts/" >&2
    failed+=("$target")
  else
    echo "ci.sh: $target: ${#saved[@]} reproducers replayed, ${execs:-?} executions, no findings" >&2
  fi
done

echo "ci.sh: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed in $((SECONDS - start)) s" >&2
((${#failed[@]} == 0))
