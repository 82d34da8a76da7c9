#!/usr/bin/env bash
# Batch runs through the command line: JSON Lines, exit codes, broken pipes, full disks,
# unwritable output directories, Ctrl-C in the middle of a run, and the GNU parallel recipe
# from docs/scaling.md (several local workers over --files-from chunks, merged output equal to one
# single-process run).
# Usage: batch_cli_test.sh PATH/TO/pressparse   (run from the repository root)
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A few hundred invented pages from the fixtures.
python3 - "$tmp/pages" data/*.txt <<'PY'
import pathlib, sys
out, sources = pathlib.Path(sys.argv[1]), [pathlib.Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
for i in range(1, 601):
    d = out / ("a" if i % 2 == 0 else "b")
    d.mkdir(parents=True, exist_ok=True)
    (d / f"p{i}.txt").write_text(sources[i % len(sources)].replace("Мадоне", f"Мадоне-{i}"), encoding="utf-8")
PY
find "$tmp/pages" -type f | sort >"$tmp/list.txt"

# JSON Lines, one per page, in list order, whatever -j.
"$bin" -q --files-from "$tmp/list.txt" -j 1 >"$tmp/j1.jsonl"
"$bin" -q --files-from "$tmp/list.txt" -j 4 >"$tmp/j4.jsonl"
if [[ $(wc -l <"$tmp/j1.jsonl") -eq 600 ]] && cmp -s "$tmp/j1.jsonl" "$tmp/j4.jsonl"; then ok; else fail "-j 1 and -j 4 differ"; fi

# A filter over a slow stream of paths: each result comes out while the list is still open.
mkfifo "$tmp/slow.list"
"$bin" -q --files-from "$tmp/slow.list" -j 2 >"$tmp/slow.out" &
filter=$!
exec {list_fd}>"$tmp/slow.list"
echo "$tmp/pages/a/p2.txt" >&$list_fd
for _ in $(seq 50); do [[ -s $tmp/slow.out ]] && break; sleep 0.1; done
lines_while_open=$(wc -l <"$tmp/slow.out")
echo "$tmp/pages/a/p4.txt" >&$list_fd
exec {list_fd}>&-
wait "$filter"
if [[ $lines_while_open -eq 1 ]] && [[ $(wc -l <"$tmp/slow.out") -eq 2 ]]; then ok; else fail "slow list: $lines_while_open line(s) before the list closed"; fi

# The same at -j 1, where the calling thread reads, runs and writes each page itself.
mkfifo "$tmp/slow1.list"
"$bin" -q --files-from "$tmp/slow1.list" -j 1 >"$tmp/slow1.out" &
filter=$!
exec {list_fd}>"$tmp/slow1.list"
echo "$tmp/pages/a/p2.txt" >&$list_fd
for _ in $(seq 50); do [[ -s $tmp/slow1.out ]] && break; sleep 0.1; done
lines_while_open=$(wc -l <"$tmp/slow1.out")
echo "$tmp/pages/a/p4.txt" >&$list_fd
exec {list_fd}>&-
wait "$filter"
if [[ $lines_while_open -eq 1 ]] && [[ $(wc -l <"$tmp/slow1.out") -eq 2 ]]; then ok; else fail "slow list at -j 1: $lines_while_open line(s) before the list closed"; fi

# A failing input in a batch: its record, one stderr line, exit 1, every other page intact.
"$bin" -q "$tmp/pages/a/p2.txt" "$tmp/missing.txt" "$tmp/pages/a/p4.txt" >"$tmp/mixed.jsonl" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 1 ]] && [[ $(wc -l <"$tmp/mixed.jsonl") -eq 3 ]] && grep -q '"error":{"code":"not_found"' "$tmp/mixed.jsonl" &&
  [[ $(wc -l <"$tmp/err") -eq 1 ]] && grep -q "^pressparse: $tmp/missing.txt: no such file$" "$tmp/err"; then
  ok
else
  fail "mixed batch: rc=$rc $(cat "$tmp/err")"
fi

# A closed pipe ends the run quietly.
"$bin" -q --files-from "$tmp/list.txt" 2>"$tmp/err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
if [[ $rc -eq 0 ]] && [[ ! -s $tmp/err ]]; then ok; else fail "broken pipe: rc=$rc $(cat "$tmp/err")"; fi

# A full disk is fatal, and said once.
if [[ -w /dev/full ]]; then
  "$bin" -q --files-from "$tmp/list.txt" >/dev/full 2>"$tmp/err"
  rc=$?
  if [[ $rc -eq 2 ]] && [[ $(wc -l <"$tmp/err") -eq 1 ]] && grep -q "No space left on device" "$tmp/err"; then
    ok
  else
    fail "/dev/full: rc=$rc $(cat "$tmp/err")"
  fi
fi

# An output directory that cannot be created.
"$bin" -q --output-dir /dev/null/out "$tmp/pages/a/p2.txt" "$tmp/pages/a/p4.txt" >/dev/null 2>"$tmp/err"
rc=$?
if [[ $rc -eq 2 ]] && [[ $(wc -l <"$tmp/err") -eq 1 ]] && grep -q "cannot write" "$tmp/err"; then ok; else fail "unwritable output dir: rc=$rc"; fi

# Ctrl-C in the middle of a run: outputs written so far are whole, no temporary files remain.
# (a list long enough to take several seconds on any machine, so the signal lands mid-run)
for n in $(seq 1 100); do cat "$tmp/list.txt"; done >"$tmp/long.txt"
"$bin" -q --files-from "$tmp/long.txt" -j 1 --output-dir "$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
rc=$?
bad=0
python3 -c '
import json, pathlib, sys
for f in pathlib.Path(sys.argv[1]).rglob("*"):
    if f.is_file():
        json.loads(f.read_text(encoding="utf-8"))
' "$tmp/out" || bad=1
if [[ $rc -eq 130 ]] && [[ $bad -eq 0 ]] && [[ -z $(find "$tmp/out" -name '*.tmp*' 2>/dev/null) ]] &&
  grep -q "interrupted" "$tmp/err"; then
  ok
else
  fail "SIGINT: rc=$rc bad=$bad $(cat "$tmp/err")"
fi

# --output-dir mirrors the tree; --skip-existing resumes.
"$bin" -q -r "$tmp/pages" --output-dir "$tmp/mirror" --glob '*.txt' 2>/dev/null
if [[ $(find "$tmp/mirror" -name '*.json' | wc -l) -eq 600 ]] && [[ -f $tmp/mirror/pages/a/p2.txt.json ]]; then ok; else fail "mirror"; fi
"$bin" -q -r "$tmp/pages" --output-dir "$tmp/mirror" --skip-existing --stats 2>"$tmp/err"
if grep -q "0 pages, 0 errors, 0 warnings, 600 skipped" "$tmp/err"; then ok; else fail "skip-existing: $(cat "$tmp/err")"; fi

# The GNU parallel recipe: chunks of the list to several local workers, output kept in order.
if command -v parallel >/dev/null; then
  parallel --will-cite --pipe -k -N 50 -j 3 "$bin" -q --files-from - -j 1 <"$tmp/list.txt" >"$tmp/parallel.jsonl"
  if cmp -s "$tmp/parallel.jsonl" "$tmp/j1.jsonl"; then ok; else fail "GNU parallel output differs from one run"; fi
else
  echo "GNU parallel not installed: recipe test skipped"
fi

# A web archive written by a real archiver: wget fetching the fixture pages from a local
# server. Every page comes back once, with its address as the url.
if command -v wget >/dev/null; then
  mkdir -p "$tmp/site"
  cp data/sample.txt data/navheader.txt data/sample-twin.html "$tmp/site/"
  python3 -I -c '
import functools, http.server, sys, threading
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
threading.Timer(60, server.shutdown).start()
server.serve_forever()
' "$tmp/site" >"$tmp/port" 2>/dev/null &
server=$!
for _ in $(seq 1 50); do [[ -s $tmp/port ]] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
(cd "$tmp" && timeout 60 wget -q --tries=3 --retry-connrefused --waitretry=1 --timeout=10 --no-proxy --warc-file=crawl -O /dev/null \
  "http://127.0.0.1:$port/sample.txt" "http://127.0.0.1:$port/navheader.txt" "http://127.0.0.1:$port/sample-twin.html")
kill $server 2>/dev/null
wait $server 2>/dev/null
"$bin" -q --stats "$tmp/crawl.warc.gz" >"$tmp/warc.jsonl" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 0 ]] && [[ $(wc -l <"$tmp/warc.jsonl") -eq 3 ]] &&
  grep -q "\"url\":\"http://127.0.0.1:$port/sample-twin.html\"" "$tmp/warc.jsonl" &&
  [[ $(grep -c '"headline":"Полгода ремонта позади: в Мадоне открыли пешеходный мост через Аргале"' "$tmp/warc.jsonl") -eq 2 ]] &&
  grep -q "3 pages, 0 errors" "$tmp/err"; then
  ok
else
  fail "wget archive: rc=$rc $(cat "$tmp/err")"
fi
else
  echo "wget not installed: archive test skipped"
fi

# --- Issue 10: no output lost without a word ---------------------------------------------

# Output names keep the input's whole name: 6 inputs, 6 files, and a resumed run skips them all.
bin=$(realpath "$bin")
mkdir -p "$tmp/names" && cd "$tmp/names" || exit 1
for n in story.txt story.html story b.error.txt; do cp "$tmp/pages/a/p2.txt" "$n"; done
gzip -c story.txt >story.txt.gz
: >b.txt
"$bin" -q --stats --output-dir out story.txt story.html story story.txt.gz b.txt b.error.txt 2>"$tmp/err"
rc=$?
files=$(cd out && find . -type f | sort | tr '\n' ' ')
if [[ $rc -eq 1 ]] && [[ $files == "./b.error.txt.json ./b.txt.error.json ./story.html.json ./story.json ./story.txt.gz.json ./story.txt.json " ]] &&
  grep -q "6 pages, 1 errors" "$tmp/err"; then
  ok
else
  fail "whole names: rc=$rc files=$files $(cat "$tmp/err")"
fi
"$bin" -q --stats --output-dir out --skip-existing story.txt story.html story story.txt.gz b.error.txt 2>"$tmp/err"
if grep -q "0 pages, 0 errors, 0 warnings, 5 skipped" "$tmp/err"; then ok; else fail "whole names, resumed: $(cat "$tmp/err")"; fi

# a.txt and ../a.txt are two outputs; the same file named twice is one output and one
# output_collision record, never an overwrite.
mkdir -p sub && cp story.txt a.txt && cp story.txt sub/a.txt
(cd sub && "$bin" -q --output-dir ../out2 a.txt ../a.txt ./a.txt 2>"$tmp/err")
rc=$?
if [[ $rc -eq 1 ]] && [[ -f out2/a.txt.json ]] && [[ -f out2/%2E%2E/a.txt.json ]] &&
  grep -q '"code":"output_collision"' out2/a.txt.error.json &&
  grep -q '^pressparse: ./a.txt: output file ../out2/a.txt.json is taken by an earlier input of this run$' "$tmp/err"; then
  ok
else
  fail "collision: rc=$rc $(cat "$tmp/err")"
fi

# An input that changes outcome: the stale output of the other kind goes.
: >flip.txt
"$bin" -q --output-dir out3 flip.txt 2>/dev/null
cp story.txt flip.txt
"$bin" -q --output-dir out3 flip.txt
if [[ -f out3/flip.txt.json ]] && [[ ! -e out3/flip.txt.error.json ]]; then ok; else fail "stale error record kept"; fi

# kill -9 leaves a temporary; the next run removes it (and never reads outputs back as inputs
# when the output directory is inside the walked tree).
mkdir -p tree/out/tree && cp story.txt tree/page.txt
echo '{"half' >tree/out/tree/.pressparse-4194304-1.tmp
"$bin" -q -r tree --output-dir tree/out 2>"$tmp/err"
"$bin" -q -r tree --output-dir tree/out --stats 2>"$tmp/err"
if [[ ! -e tree/out/tree/.pressparse-4194304-1.tmp ]] && grep -q "^pressparse: 1 pages, 0 errors" "$tmp/err" &&
  [[ $(find tree/out -type f | wc -l) -eq 1 ]]; then
  ok
else
  fail "temporaries / output inside the tree: $(cat "$tmp/err") $(find tree/out -type f)"
fi
"$bin" -q -r tree --output-dir tree/out --skip-existing --stats 2>"$tmp/err"
: >tree/out/tree/page.txt.json
"$bin" -q -r tree --output-dir tree/out --skip-existing --stats 2>>"$tmp/err"
if [[ $(grep -c "1 skipped" "$tmp/err") -eq 1 ]] && grep -q "1 pages, 0 errors, 0 warnings, 0 skipped" "$tmp/err" &&
  [[ -s tree/out/tree/page.txt.json ]]; then
  ok
else
  fail "skip-existing with an empty output: $(cat "$tmp/err")"
fi

# A --files-from that cannot be read is an error (status 2); a line over 64 KiB is a record.
"$bin" -q --files-from sub story.txt >"$tmp/o" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 2 ]] && [[ $(wc -l <"$tmp/o") -eq 1 ]] &&
  [[ $(cat "$tmp/err") == "pressparse: sub: cannot read the file list: is a directory" ]]; then
  ok
else
  fail "list is a directory: rc=$rc $(cat "$tmp/err")"
fi
{ echo story.txt; head -c 100000 /dev/zero | tr '\0' x; echo; echo story.html; } >long.list
"$bin" -q --files-from long.list >"$tmp/o" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 1 ]] && [[ $(wc -l <"$tmp/o") -eq 3 ]] && grep -q '"path":"long.list:2"' "$tmp/o" &&
  [[ $(cat "$tmp/err") == "pressparse: long.list:2: a line of the file list longer than 65536 bytes" ]]; then
  ok
else
  fail "long list line: rc=$rc $(cat "$tmp/err")"
fi

# Names on stderr are escaped: one line per error, no terminal escapes; input.path is lossless.
"$bin" -q "$(printf 'evil\npressparse: forged\033[2J')" $'bad\xff' >"$tmp/o" 2>"$tmp/err"
if [[ $(wc -l <"$tmp/err") -eq 2 ]] && ! grep -q $'\033' "$tmp/err" &&
  grep -qF 'pressparse: evil\npressparse: forged\x1b[2J: no such file' "$tmp/err" &&
  grep -qF 'pressparse: bad\xff: no such file' "$tmp/err"; then
  ok
else
  fail "escaped names: $(cat -A "$tmp/err")"
fi
cp story.txt $'two\xfe' && cp story.txt $'two\xfd'
paths=$("$bin" -q $'two\xfe' $'two\xfd' | python3 -c 'import json,sys; print(" ".join(json.loads(l)["input"]["path"] for l in sys.stdin))')
if [[ $paths == 'two\xfe two\xfd' ]]; then ok; else fail "lossless paths: $paths"; fi

# A FIFO named as input is refused at once; one SIGINT ends a run waiting on a silent list.
mkfifo fifo
timeout -s KILL 10 "$bin" -q fifo story.txt >"$tmp/o" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 1 ]] && [[ $(wc -l <"$tmp/o") -eq 2 ]] &&
  [[ $(cat "$tmp/err") == "pressparse: fifo: not a regular file (a FIFO, socket or device)" ]]; then
  ok
else
  fail "FIFO input: rc=$rc $(cat "$tmp/err")"
fi
timeout -s KILL 20 "$bin" -q --files-from fifo 2>"$tmp/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
rc=$?
if [[ $rc -eq 130 ]]; then ok; else fail "SIGINT while the list is silent: rc=$rc"; fi
cd - >/dev/null || exit 1

# | head -1 at -j 8 is quiet, as at -j 1: nothing is reported after the reader has gone.
{ head -200 "$tmp/list.txt"; for i in $(seq 1 2000); do echo "$tmp/missing-$i.txt"; done; } >"$tmp/closing.txt"
for j in 1 8; do
  "$bin" -q -j $j --files-from "$tmp/closing.txt" 2>"$tmp/err" | head -1 >/dev/null
  rc=${PIPESTATUS[0]}
  if [[ $rc -eq 0 ]] && [[ ! -s $tmp/err ]]; then ok; else fail "head -1 at -j $j: rc=$rc $(head -3 "$tmp/err")"; fi
done

# Worker threads that cannot be created (a limit below -j): a warning, and the run goes on, in
# the calling thread when none can start. (Address space limits and AddressSanitizer do not mix.)
if ! grep -qa __asan_init "$bin"; then
  (ulimit -v 1000000 && MALLOC_ARENA_MAX=2 "$bin" -q -j 1024 --files-from "$tmp/list.txt" >"$tmp/o" 2>"$tmp/err")
  rc=$?
  if [[ $rc -eq 0 ]] && cmp -s "$tmp/o" "$tmp/j1.jsonl" && [[ $(wc -l <"$tmp/err") -eq 1 ]] &&
    grep -q "^pressparse: warning: started [0-9]* of 1024 worker threads" "$tmp/err"; then
    ok
  else
    fail "thread limit: rc=$rc $(cat "$tmp/err")"
  fi
  (ulimit -s 2000000 && ulimit -v 1000000 && "$bin" -q -j 4 --files-from "$tmp/list.txt" >"$tmp/o" 2>"$tmp/err")
  rc=$?
  if [[ $rc -eq 0 ]] && cmp -s "$tmp/o" "$tmp/j1.jsonl" &&
    grep -q "started 0 of 4 worker threads .*going on with none" "$tmp/err"; then
    ok
  else
    fail "no thread at all: rc=$rc $(cat "$tmp/err")"
  fi
fi

finish
