#!/usr/bin/env bash
# End-to-end throughput of the pressparse CLI, in one run:
#
#   1. real corpora (../shared/data): text = presslv/*.txt + the seed page, HTML =
#      html/readability-test-pages/*/source.html (--input-format html). The file list (not the
#      files) is repeated until one measurement lasts >= MIN_SECONDS at --jobs 2; each figure is
#      the median of RUNS runs of `pressparse -q --files-from LIST -j N --stats`, read from the
#      --stats line; peak RSS from /usr/bin/time -f %M (the largest of the runs).
#   2. the in-process reference line: build/bench/pressparse_gumbo_baseline (bare gumbo_parse vs
#      extract on the same HTML bytes; extract on the text pages), by whole passes; then the same
#      binary's --interleaved mode, which pairs the two sides of each ratio page by page (ABBA):
#      extract / bare gumbo on the Readability pages and on every 10th page of web/ (.html.gz),
#      and the CLI's per-page work at -j 1 (load, extract, JSON line, write) / extract in memory
#      on the text pages; the median of ROUNDS rounds' ratios and their spread.
#   3. the batch-memory check: 10,000 pages made from the fixtures in data/ (one word varied per
#      copy, in a temporary directory), pages/s, MB/s and peak RSS at 1,000 and 10,000 pages,
#      -j 1 and -j 2, and the RSS ratio 10,000 / 1,000 (must stay flat).
#   4. the single page typed by hand: `pressparse ../shared/data/seed/press-lv-2026-02-06.txt`,
#      whole-process wall time (hyperfine) and peak RSS (/usr/bin/time), medians of many runs.
#
# Results: bench/results/YYYY-MM-DD-DESCRIPTION.csv (columns benchmark,metric,value,unit,jobs,
# notes, after a `# machine: …` comment line) and a Markdown table on stdout.
#
#   bench/throughput.sh [BUILD_DIR [DESCRIPTION]]      (defaults: build-bench, throughput)
#
# The per-stage Google Benchmark cases go to the same name with -stages.csv (STAGES=0 skips them).
#
# Environment: RUNS (5), MIN_SECONDS (2), SINGLE_RUNS (hyperfine runs, 300), ROUNDS (interleaved
# rounds, 9), PRESSPARSE_SHARED_DATA
# (default: ../shared/data beside the source tree), WAIT_QUIET_MINUTES (0: before measuring, wait
# up to that long, polling every 30 s, for running fuzz_ processes to end).
set -euo pipefail

SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_ARG="${1:-build-bench}"
DESC="${2:-throughput}"
if [[ "$BUILD_ARG" != /* && ! -d "$BUILD_ARG" && -d "$SRC/$BUILD_ARG" ]]; then
    BUILD_ARG="$SRC/$BUILD_ARG"
fi
BUILD="$(cd "$BUILD_ARG" && pwd)"
PP="$BUILD/pressparse"
BASELINE="$BUILD/bench/pressparse_gumbo_baseline"
SHARED="${PRESSPARSE_SHARED_DATA:-$SRC/../shared/data}"
RUNS="${RUNS:-5}"
MIN_SECONDS="${MIN_SECONDS:-2}"
SINGLE_RUNS="${SINGLE_RUNS:-300}"
ROUNDS="${ROUNDS:-9}"
WAIT_QUIET_MINUTES="${WAIT_QUIET_MINUTES:-0}"

for exe in "$PP" "$BASELINE"; do
    if [[ ! -x "$exe" ]]; then
        echo "throughput.sh: $exe not found; build first:" >&2
        echo "  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPRESSPARSE_BUILD_BENCH=ON" \
             "-DPRESSPARSE_BUILD_TESTS=OFF && cmake --build build-bench -j2" >&2
        exit 2
    fi
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/pressparse-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

say() { echo "throughput.sh: $*" >&2; }

# ---------------------------------------------------------------------------------------------
# Tools: GNU time for peak RSS, hyperfine for wall time (Debian packages; installed if missing).
TOOL_NOTES=""
install_pkg() {  # package
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        say "installing Debian package $1"
        if (apt-get install -y -qq "$1" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$1" >/dev/null 2>&1; }); then
            TOOL_NOTES+="; installed Debian package $1 for this run"
            return 0
        fi
    fi
    return 1
}
if [[ ! -x /usr/bin/time ]]; then
    install_pkg time || { say "/usr/bin/time missing (apt-get install time)"; exit 2; }
fi
HAVE_HYPERFINE=1
if ! command -v hyperfine >/dev/null; then
    install_pkg hyperfine || { HAVE_HYPERFINE=0; say "hyperfine missing: single-page wall time skipped"; }
fi

# ---------------------------------------------------------------------------------------------
# A quiet machine: optionally wait for fuzzers to end; say so in every row when not quiet.
busy_count() { { pgrep -f '[f]uzz_' || true; } | wc -l; }
if [[ "$WAIT_QUIET_MINUTES" -gt 0 ]]; then
    deadline=$(( $(date +%s) + WAIT_QUIET_MINUTES * 60 ))
    while [[ $(busy_count) -gt 0 && $(date +%s) -lt $deadline ]]; do
        say "waiting for fuzz_ processes to end ($(busy_count) running)"
        sleep 30
    done
fi
# The machine line says what was busy; every row then carries a short mark.
LOAD_DETAIL=""
if [[ $(busy_count) -gt 0 ]]; then
    LOAD_DETAIL="; MEASURED UNDER LOAD: fuzz_ processes running ($(busy_count))"
    say "warning: fuzz_ processes are running; figures are taken under load"
fi
# Any other process busy on a core right now (top's second sample: current, not lifetime, CPU).
busy_now() {
    top -bn2 -d 1 -w 200 2>/dev/null |
        awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 > 20 {printf "%s%s (pid %s, %s%% CPU)", sep, $12, $1, $9; sep = ", "}' || true
}
busy_others="$(busy_now)"
if [[ -n "$busy_others" ]]; then
    LOAD_DETAIL+="; MEASURED UNDER LOAD: busy on a core at start: $busy_others"
    say "warning: busy at start: $busy_others"
fi
LOAD_NOTE=""
if [[ -n "$LOAD_DETAIL" ]]; then LOAD_NOTE="; UNDER LOAD (see machine line)"; fi

# ---------------------------------------------------------------------------------------------
# Machine line.
compiler="$(grep -E '^CMAKE_CXX_COMPILER:' "$BUILD/CMakeCache.txt" | cut -d= -f2 || true)"
compiler_version="$("${compiler:-c++}" --version 2>/dev/null | head -1 || echo unknown)"
build_type="$(grep -E '^CMAKE_BUILD_TYPE:' "$BUILD/CMakeCache.txt" | cut -d= -f2 || true)"
cpu="$(lscpu 2>/dev/null | grep 'Model name' | head -1 | sed -E 's/.*:[[:space:]]*//' || echo unknown)"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
MACHINE="nproc=$(nproc); CPU: $cpu; memory: $mem total; compiler: $compiler_version; build type: ${build_type:-unknown}; kernel $(uname -r); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)$LOAD_DETAIL"

# ---------------------------------------------------------------------------------------------
# Rows of the results.
ROWS=()
row() {  # benchmark metric value unit jobs notes
    local notes="$6$LOAD_NOTE"
    ROWS+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"$'\t'"$5"$'\t'"$notes")
}

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
maxof() { sort -g | tail -1; }
fmt() { awk -v v="$2" -v f="$1" 'BEGIN {printf f, v}'; }

# One batch run: prints "pages errors seconds pages_per_s mb_per_s rss_kib".
run_once() {  # list jobs [extra args...]
    local list="$1" jobs="$2"
    shift 2
    local rc=0
    /usr/bin/time -f %M -o "$TMP/rss" "$PP" -q --files-from "$list" -j "$jobs" --stats "$@" \
        >/dev/null 2>"$TMP/err" || rc=$?
    if [[ $rc -gt 1 ]]; then
        say "pressparse failed (exit $rc) on $list:"
        cat "$TMP/err" >&2
        exit 1
    fi
    local line
    line="$(grep -E '^pressparse: [0-9]+ pages' "$TMP/err" | tail -1)"
    [[ -n "$line" ]] || { say "no --stats line from pressparse"; cat "$TMP/err" >&2; exit 1; }
    echo "$line" | sed -E 's/^pressparse: ([0-9]+) pages, ([0-9]+) errors, [0-9]+ warnings, [0-9]+ skipped in ([0-9.]+) s \(([0-9.]+) pages\/s, ([0-9.]+) MB\/s\).*/\1 \2 \3 \4 \5/' |
        tr '\n' ' '
    tail -1 "$TMP/rss"
}

# The runs of a file of run_once lines; prints "median_pages_per_s median_mb_per_s max_rss_kib
# median_rss_kib pages errors median_seconds".
summarize() {  # file
    local out="$1" pps mbps rssmax rssmed pages errors secs
    pps=$(awk '{print $4}' "$out" | median)
    mbps=$(awk '{print $5}' "$out" | median)
    rssmax=$(awk '{print $6}' "$out" | maxof)
    rssmed=$(awk '{print $6}' "$out" | median)
    pages=$(awk 'NR == 1 {print $1}' "$out")
    errors=$(awk 'NR == 1 {print $2}' "$out")
    secs=$(awk '{print $3}' "$out" | median)
    echo "$pps $mbps $rssmax $rssmed $pages $errors $secs"
}

# RUNS runs, summarized.
measure() {  # list jobs [extra args...]
    local out="$TMP/measure"
    : >"$out"
    for ((r = 0; r < RUNS; r++)); do
        run_once "$@" >>"$out"
    done
    summarize "$out"
}

# A list of the corpus repeated `times` times.
replicate() {  # src_list times out_list
    : >"$3"
    for ((i = 0; i < $2; i++)); do cat "$1" >>"$3"; done
}

# How many repeats of the list make a --jobs 2 run last MIN_SECONDS (with 15% to spare).
calibrate() {  # src_list [extra args...]
    local src="$1"
    shift
    local times=1 secs
    while :; do
        replicate "$src" "$times" "$TMP/cal.list"
        secs=$(run_once "$TMP/cal.list" 2 "$@" | awk '{print $3}')
        if awk -v s="$secs" 'BEGIN {exit !(s >= 0.25)}'; then break; fi
        times=$((times * 8))
    done
    awk -v t="$times" -v s="$secs" -v m="$MIN_SECONDS" 'BEGIN {n = int(t * m * 1.15 / s) + 1; if (n < 1) n = 1; print n}'
}

# The machine's own ceiling for two workers: the list split in two (alternate lines), each half run
# by its own `pressparse -j 1` process, both at once; prints the pages/s of the pair (all pages ÷
# the wall time until both ended). On a virtual machine two busy cores may each run slower than
# one alone (shared caches, memory bandwidth, the host's scheduling): no threading can beat this.
run_pair() {  # list [extra args...]
    local list="$1"
    shift
    awk 'NR % 2 == 1' "$list" >"$TMP/pair.a"
    awk 'NR % 2 == 0' "$list" >"$TMP/pair.b"
    local pages t0 t1 rc=0
    pages=$(wc -l <"$list")
    t0=$(date +%s.%N)
    "$PP" -q --files-from "$TMP/pair.a" -j 1 "$@" >/dev/null 2>"$TMP/pair.a.err" &
    local pid=$!
    "$PP" -q --files-from "$TMP/pair.b" -j 1 "$@" >/dev/null 2>"$TMP/pair.b.err" || rc=$?
    wait "$pid" || rc=$?
    t1=$(date +%s.%N)
    if [[ $rc -gt 1 ]]; then
        say "pressparse failed (exit $rc) on a half of $list:"
        cat "$TMP/pair.a.err" "$TMP/pair.b.err" >&2
        exit 1
    fi
    awk -v n="$pages" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", n / (b - a)}'
}

corpus() {  # name src_list [extra args...]
    local name="$1" src="$2"
    shift 2
    local n bytes times
    n=$(wc -l <"$src")
    bytes=$(xargs -d '\n' cat <"$src" | wc -c)
    say "$name: $n pages, $bytes bytes; calibrating"
    times=$(calibrate "$src" "$@")
    replicate "$src" "$times" "$TMP/$name.list"
    local desc="$n pages ($bytes bytes) listed x$times = $((n * times)) pages per run; median of $RUNS runs"
    # The three runs of a round one after the other (-j 1, -j 2, two -j 1 processes at once), so
    # that a change in the machine's load falls on all three alike; each ratio is the median of the
    # rounds' own ratios.
    say "$name: $RUNS rounds of --jobs 1, --jobs 2 and two --jobs 1 processes at once, $((n * times)) pages each"
    : >"$TMP/$name.j1"
    : >"$TMP/$name.j2"
    : >"$TMP/$name.pair"
    for ((r = 0; r < RUNS; r++)); do
        run_once "$TMP/$name.list" 1 "$@" >>"$TMP/$name.j1"
        run_once "$TMP/$name.list" 2 "$@" >>"$TMP/$name.j2"
        run_pair "$TMP/$name.list" "$@" >>"$TMP/$name.pair"
    done
    local jobs
    for jobs in 1 2; do
        local pps mbps rssmax rssmed pages errors secs
        read -r pps mbps rssmax rssmed pages errors secs < <(summarize "$TMP/$name.j$jobs")
        local errnote=""
        if [[ "$errors" != 0 ]]; then errnote="; $errors of $pages pages failed"; fi
        row "cli $name corpus" "throughput" "$(fmt %.1f "$pps")" "pages/s" "$jobs" "$desc; $secs s per run$errnote"
        row "cli $name corpus" "throughput" "$(fmt %.2f "$mbps")" "MB/s" "$jobs" "$desc"
        row "cli $name corpus" "peak RSS" "$(fmt %.1f "$(awk -v k="$rssmax" 'BEGIN {print k / 1024}')")" "MiB" "$jobs" "largest of $RUNS runs (median $(fmt %.1f "$(awk -v k="$rssmed" 'BEGIN {print k / 1024}')") MiB); /usr/bin/time -f %M$TOOL_NOTES"
    done
    local pair_pps scaling ceiling share
    pair_pps=$(median <"$TMP/$name.pair")
    row "cli $name corpus" "throughput, two -j 1 processes at once" "$(fmt %.1f "$pair_pps")" "pages/s" "2" "$desc; the list split in two, one process per half, wall time until both ended"
    # Per round: -j 2 ÷ -j 1, pair ÷ -j 1, -j 2 ÷ pair.
    paste "$TMP/$name.j1" "$TMP/$name.j2" "$TMP/$name.pair" >"$TMP/$name.rounds"
    scaling=$(awk '{printf "%.4f\n", $10 / $4}' "$TMP/$name.rounds" | median)
    ceiling=$(awk '{printf "%.4f\n", $13 / $4}' "$TMP/$name.rounds" | median)
    share=$(awk '{printf "%.4f\n", $10 / $13}' "$TMP/$name.rounds" | median)
    row "cli $name corpus" "pages/s --jobs 2 / --jobs 1" "$(fmt %.3f "$scaling")" "x" "2" \
        "median of the rounds' ratios; $(awk -v r="$scaling" 'BEGIN {print (r >= 1.9 ? "target >= 1.9: met" : "target >= 1.9: NOT met")}')"
    row "cli $name corpus" "pages/s two -j 1 processes / --jobs 1 (the machine's ceiling)" "$(fmt %.3f "$ceiling")" "x" "2" \
        "median of the rounds' ratios: what two independent processes reach on this machine"
    row "cli $name corpus" "pages/s --jobs 2 / two -j 1 processes" "$(fmt %.3f "$share")" "x" "2" \
        "median of the rounds' ratios: the share of the machine's ceiling the threads reach"
}

# ---------------------------------------------------------------------------------------------
# 1. Real corpora.
HAVE_SHARED=0
if [[ -d "$SHARED/presslv" && -d "$SHARED/html/readability-test-pages" ]]; then
    HAVE_SHARED=1
    SHARED="$(cd "$SHARED" && pwd)"
    { ls "$SHARED"/presslv/*.txt; ls "$SHARED"/seed/*.txt 2>/dev/null || true; } >"$TMP/text.src"
    ls "$SHARED"/html/readability-test-pages/*/source.html >"$TMP/html.src"
    corpus text "$TMP/text.src"
    corpus html "$TMP/html.src" --input-format html

    # 2. The in-process reference line.
    say "gumbo baseline (in process, one thread)"
    while IFS=, read -r bench metric value unit jobs notes; do
        notes="${notes#\"}"
        notes="${notes%\"}"
        row "$bench" "$metric" "$value" "$unit" "$jobs" "$notes"
    done < <("$BASELINE" --csv --reps "$RUNS" --min-seconds 1 --html "$TMP/html.src" --text "$TMP/text.src")

    # The same ratios interleaved page by page: a list's name (before its first dot) names its set.
    say "interleaved ratios (in process, one thread, $ROUNDS rounds)"
    mkdir -p "$TMP/sets"
    cp "$TMP/html.src" "$TMP/sets/readability.list"
    find "$SHARED/web" -name '*.html.gz' 2>/dev/null | sort | awk 'NR % 10 == 1' >"$TMP/sets/web-every-10th.list"
    cp "$TMP/text.src" "$TMP/sets/presslv.list"
    web_set=()
    [[ -s "$TMP/sets/web-every-10th.list" ]] && web_set=(--html "$TMP/sets/web-every-10th.list")
    while IFS=, read -r bench metric value unit jobs notes; do
        notes="${notes#\"}"
        notes="${notes%\"}"
        row "$bench" "$metric" "$value" "$unit" "$jobs" "$notes"
    done < <("$BASELINE" --interleaved --csv --rounds "$ROUNDS" --html "$TMP/sets/readability.list" \
                 "${web_set[@]}" --round-seconds 1 --text "$TMP/sets/presslv.list")
else
    say "$SHARED/presslv or html/readability-test-pages not found: real-corpus figures and the gumbo baseline skipped"
    row "cli real corpora" "skipped" "" "" "" "$SHARED not found"
fi

# ---------------------------------------------------------------------------------------------
# 3. Batch memory: 10,000 pages varied from the fixtures.
say "generating 10,000 pages from $SRC/data"
mkdir -p "$TMP/gen"
/usr/bin/python3 - "$SRC/data" "$TMP/gen" 10000 <<'PY'
import os, re, sys
src, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
fixtures = sorted(f for f in os.listdir(src)
                  if (f.endswith(".txt") or f.endswith(".html")) and ".expected." not in f)
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in fixtures]
# Words of running text only (Cyrillic, so never inside HTML markup).
word = re.compile(r"[А-Яа-яЁё]{5,}")
spans = [[m.span() for m in word.finditer(t)] for t in texts]
letters = "абвгдежзик"
with open(os.path.join(out, "list"), "w") as lst:
    for i in range(count):
        k = i % len(fixtures)
        text, ws = texts[k], spans[k]
        a, b = ws[(i // len(fixtures)) % len(ws)]
        tag = "".join(letters[int(d)] for d in str(i))
        page = text[:a] + text[a:b] + tag + text[b:]  # one word varied per copy
        name = os.path.join(out, "%05d-%s" % (i, fixtures[k]))
        with open(name, "w", encoding="utf-8") as f:
            f.write(page)
        lst.write(name + "\n")
PY
head -1000 "$TMP/gen/list" >"$TMP/gen1k.list"
cp "$TMP/gen/list" "$TMP/gen10k.list"
gen_bytes=$(xargs -d '\n' cat <"$TMP/gen10k.list" | wc -c)
declare -A RSS
for size in 1k 10k; do
    for jobs in 1 2; do
        say "batch memory: $size pages, --jobs $jobs"
        read -r pps mbps rssmax rssmed pages errors secs < <(measure "$TMP/gen$size.list" "$jobs")
        RSS[$size.$jobs]=$rssmax
        note="pages varied from data/ fixtures (10,000 = $gen_bytes bytes); median of $RUNS runs"
        if [[ "$errors" != 0 ]]; then note+="; $errors of $pages pages failed"; fi
        row "cli batch $pages pages" "throughput" "$(fmt %.1f "$pps")" "pages/s" "$jobs" "$note; $secs s per run"
        row "cli batch $pages pages" "throughput" "$(fmt %.2f "$mbps")" "MB/s" "$jobs" "$note"
        row "cli batch $pages pages" "peak RSS" "$(fmt %.1f "$(awk -v k="$rssmax" 'BEGIN {print k / 1024}')")" "MiB" "$jobs" "largest of $RUNS runs; /usr/bin/time -f %M"
    done
done
for jobs in 1 2; do
    ratio=$(awk -v a="${RSS[10k.$jobs]}" -v b="${RSS[1k.$jobs]}" 'BEGIN {printf "%.3f", a / b}')
    verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 1.10 ? "flat (<= 1.10): met" : "GROWS (> 1.10): not met")}')
    row "cli batch memory" "peak RSS 10,000 / 1,000 pages" "$ratio" "x" "$jobs" "$verdict"
done

# ---------------------------------------------------------------------------------------------
# 4. The single page typed by hand.
SEED="$SHARED/seed/press-lv-2026-02-06.txt"
if [[ -f "$SEED" ]]; then
    seed_bytes=$(wc -c <"$SEED")
    if [[ $HAVE_HYPERFINE -eq 1 ]]; then
        say "single page: hyperfine, $SINGLE_RUNS runs"
        hyperfine -N --style none --warmup 20 --runs "$SINGLE_RUNS" \
            --export-json "$TMP/hf.json" "$PP $SEED" >/dev/null 2>&1 ||
            hyperfine --style none --warmup 20 --runs "$SINGLE_RUNS" \
                --export-json "$TMP/hf.json" "$PP $SEED >/dev/null" >/dev/null
        read -r hmed hmean hsd hmin hmax < <(/usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = sorted(r["times"])
med = r.get("median") or t[len(t) // 2]
print(*(f"{v * 1000:.2f}" for v in (med, r["mean"], r["stddev"], r["min"], r["max"])))
' "$TMP/hf.json")
        row "cli single page (seed, $seed_bytes bytes)" "wall time" "$hmed" "ms" "-" "whole process, median of $SINGLE_RUNS hyperfine runs (mean $hmean ± $hsd, min $hmin, max $hmax ms)$TOOL_NOTES"
    fi
    say "single page: peak RSS, 50 runs"
    : >"$TMP/single.rss"
    for ((r = 0; r < 50; r++)); do
        /usr/bin/time -f %M -o "$TMP/rss" "$PP" "$SEED" >/dev/null
        tail -1 "$TMP/rss" >>"$TMP/single.rss"
    done
    rss=$(median <"$TMP/single.rss")
    row "cli single page (seed, $seed_bytes bytes)" "peak RSS" "$(fmt %.1f "$(awk -v k="$rss" 'BEGIN {print k / 1024}')")" "MiB" "-" "median of 50 runs; /usr/bin/time -f %M"
else
    row "cli single page" "skipped" "" "" "" "$SEED not found"
fi

# ---------------------------------------------------------------------------------------------
# Whatever else became busy during the run goes into the machine line too.
busy_end="$(busy_now)"
if [[ -n "$busy_end" ]]; then
    MACHINE+="; busy on a core at the end: $busy_end"
    say "warning: busy at the end: $busy_end"
fi

# ---------------------------------------------------------------------------------------------
# Output: the CSV, and a Markdown table on stdout.
mkdir -p "$SRC/bench/results"
CSV="$SRC/bench/results/$(date +%F)-$DESC.csv"
n=2
while [[ -e "$CSV" ]]; do  # the history stays: a second run the same day gets -2, and so on
    CSV="$SRC/bench/results/$(date +%F)-$DESC-$n.csv"
    n=$((n + 1))
done
csv_field() {
    local v="$1"
    if [[ "$v" == *[,\"]* ]]; then
        v="\"${v//\"/\"\"}\""
    fi
    printf '%s' "$v"
}
{
    echo "# machine: $MACHINE"
    echo "benchmark,metric,value,unit,jobs,notes"
    for r in "${ROWS[@]}"; do
        IFS=$'\t' read -r b m v u j n <<<"$r"
        echo "$(csv_field "$b"),$(csv_field "$m"),$(csv_field "$v"),$(csv_field "$u"),$(csv_field "$j"),$(csv_field "$n")"
    done
} >"$CSV"
say "wrote $CSV"

# ---------------------------------------------------------------------------------------------
# 5. The per-stage Google Benchmark cases, kept beside the CSV (STAGES=0 skips them).
STAGES_BIN="$BUILD/bench/pressparse_stages_bench"
if [[ "${STAGES:-1}" != 0 && -x "$STAGES_BIN" ]]; then
    STAGES_CSV="${CSV%.csv}-stages.csv"
    say "stage benchmarks (Google Benchmark), about two minutes"
    # JSON, then CSV here: Google Benchmark's own CSV writer refuses counters that only some
    # cases have (the JSON writer's json_bytes/s).
    "$STAGES_BIN" --benchmark_out="$TMP/stages.json" --benchmark_out_format=json >/dev/null 2>"$TMP/stages.err" || {
        say "pressparse_stages_bench failed:"
        cat "$TMP/stages.err" >&2
        exit 1
    }
    {
        echo "# machine: $MACHINE"
        /usr/bin/python3 - "$TMP/stages.json" <<'PY'
import csv, json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
fixed = ["name", "iterations", "real_time", "cpu_time", "time_unit"]
extra = sorted({k for r in runs for k, v in r.items()
                if isinstance(v, (int, float)) and k not in fixed
                and k not in ("family_index", "per_family_instance_index", "repetitions",
                              "repetition_index", "threads")})
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(fixed + extra)
for r in runs:
    out.writerow([r.get(k, "") for k in fixed + extra])
PY
    } >"$STAGES_CSV"
    say "wrote $STAGES_CSV"
fi

echo "Machine: $MACHINE"
echo
echo "| benchmark | metric | value | unit | jobs | notes |"
echo "| --- | --- | ---: | --- | ---: | --- |"
for r in "${ROWS[@]}"; do
    IFS=$'\t' read -r b m v u j n <<<"$r"
    echo "| $b | $m | $v | $u | $j | ${n//|/\\|} |"
done
