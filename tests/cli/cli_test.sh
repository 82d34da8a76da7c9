#!/usr/bin/env bash
# The command line as users meet it: outputs, error lines, exit codes, the check mode.
# Usage: cli_test.sh PATH/TO/pressparse   (run from the repository root)
set -uo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# expect_error NAME EXIT_CODE STDERR_PATTERN -- ARGS...
expect_error() {
  local name=$1 code=$2 pattern=$3
  shift 4
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  if [[ $rc -ne $code ]]; then fail "$name: exit $rc, expected $code"; return; fi
  if [[ -s $tmp/out ]]; then fail "$name: stdout not empty"; return; fi
  if [[ $(wc -l <"$tmp/err") -ne 1 ]]; then fail "$name: stderr is not one line: $(cat "$tmp/err")"; return; fi
  if ! grep -qE "$pattern" "$tmp/err"; then fail "$name: stderr '$(cat "$tmp/err")' !~ $pattern"; return; fi
  ok
}

# A page prints one JSON object and exits 0.
if "$bin" data/sample.txt >"$tmp/out" 2>"$tmp/err" && [[ $(wc -l <"$tmp/out") -eq 1 ]] &&
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a["schema_version"]==1 and a["headline"]' "$tmp/out"; then
  ok
else
  fail "sample page: $(cat "$tmp/err")"
fi

# --pretty indents; stdin works and names the input "-".
if "$bin" --pretty data/sample.txt | head -2 | grep -q '^  "schema_version": 1,$'; then ok; else fail "--pretty"; fi
if "$bin" - <data/sample.txt | grep -q '"path":"-"'; then ok; else fail "stdin"; fi
if cmp -s <("$bin" - <data/sample.txt | sed 's/"path":"-"/"path":"data\/sample.txt"/') <("$bin" data/sample.txt); then
  ok
else
  fail "stdin output differs from file output"
fi

# A gzip-compressed page reads as the page itself.
gzip -c data/sample.txt >"$tmp/sample.txt.gz"
if cmp -s <("$bin" "$tmp/sample.txt.gz" | sed 's/"path":"[^"]*"/"path":"p"/') <("$bin" data/sample.txt | sed 's/"path":"[^"]*"/"path":"p"/'); then
  ok
else
  fail "gzip page differs from the page"
fi
head -c 100 "$tmp/sample.txt.gz" >"$tmp/cut.gz"

# Errors: one line naming the file and the reason, exit 1, nothing on stdout.
: >"$tmp/empty.txt"
printf ' \n\t\n' >"$tmp/blank.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0' >"$tmp/image.png"
printf 'Заголовок\n\nТекст.\n' >"$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
expect_error missing 1 "^pressparse: $tmp/nope.txt: no such file$" -- "$tmp/nope.txt"
expect_error directory 1 "^pressparse: $tmp: is a directory \(use -r to read the pages in it\)$" -- "$tmp"
expect_error empty 1 "^pressparse: $tmp/empty.txt: empty file$" -- "$tmp/empty.txt"
expect_error blank 1 "^pressparse: $tmp/blank.txt: only white space$" -- "$tmp/blank.txt"
expect_error binary 1 "^pressparse: $tmp/image.png: not text \(binary data\)$" -- "$tmp/image.png"
if [[ $(id -u) -ne 0 ]]; then
  expect_error unreadable 1 "^pressparse: $tmp/locked.txt: Permission denied$" -- "$tmp/locked.txt"
fi
expect_error truncated-gzip 1 "^pressparse: $tmp/cut.gz: truncated gzip data$" -- "$tmp/cut.gz"
expect_error too-large 1 "larger than the size cap of 10 bytes" -- --max-bytes 10 data/sample.txt
expect_error no-input 2 "no input given" --
expect_error bad-option 2 "" -- --no-such-option data/sample.txt
# Options that used to do nothing, or the opposite of what was meant, silently (issue 10).
expect_error max-bytes-negative 2 "^pressparse: --max-bytes must be a positive number of bytes" -- --max-bytes -1 data/sample.txt
expect_error max-bytes-zero 2 "^pressparse: --max-bytes must be a positive number of bytes" -- --max-bytes 0 data/sample.txt
expect_error skip-existing-alone 2 "^pressparse: --skip-existing needs --output-dir" -- --skip-existing data/sample.txt
expect_error glob-unclosed 2 "^pressparse: --glob '\[ab': a '\[' is not closed" -- -r data --glob '[ab'
expect_error glob-class 2 "unknown character class \[:foo:\]" -- -r data --glob '[[:foo:]]'
expect_error glob-slash 2 "file names, which hold no '/'" -- -r data --glob 'data/*.txt'
expect_error jobs-too-many 2 "^pressparse: --jobs must be at most 1024" -- -j 40000 data/sample.txt

# --version and --help.
if "$bin" --version | grep -qE '^pressparse [0-9]+\.[0-9]+\.[0-9]+$'; then ok; else fail "--version"; fi
if "$bin" --help | grep -q 'Examples:'; then ok; else fail "--help has examples"; fi

# A full disk is reported, not ignored.
if [[ -w /dev/full ]]; then
  "$bin" data/sample.txt >/dev/full 2>"$tmp/err"
  rc=$?
  if [[ $rc -eq 2 ]] && grep -q "stdout: No space left on device" "$tmp/err"; then ok; else fail "/dev/full: rc=$rc"; fi
fi

# check: a passing page, a changed expectation with a readable diff, --update, --ignore.
cp data/sample.txt "$tmp/page.txt"
"$bin" check --update "$tmp/page.txt" >/dev/null
if "$bin" check "$tmp/page.txt" | tail -1 | grep -qx '1 passed, 0 failed'; then ok; else fail "check passes"; fi
sed -i 's/"category": "Новости Латвии"/"category": "Новости Литвы"/' "$tmp/page.expected.json"
"$bin" check "$tmp/page.txt" >"$tmp/report"
rc=$?
if [[ $rc -eq 1 ]] && grep -q '^    category:$' "$tmp/report" && grep -q 'first difference at character 9' "$tmp/report" &&
  tail -1 "$tmp/report" | grep -qx '0 passed, 1 failed'; then
  ok
else
  fail "check reports a difference: rc=$rc $(cat "$tmp/report")"
fi
if "$bin" check --ignore category "$tmp/page.txt" >/dev/null; then ok; else fail "check --ignore"; fi
rm "$tmp/page.expected.json"
"$bin" check "$tmp/page.txt" >"$tmp/report"
rc=$?
if [[ $rc -eq 1 ]] && grep -q 'no expected file' "$tmp/report"; then ok; else fail "check without expected file: rc=$rc"; fi

# check with an expected file of 100,000 nested arrays (it once overflowed the stack): that page
# fails with one clear line, the pages around it are still checked.
mkdir -p "$tmp/deep"
for name in a b c; do cp data/sample.txt "$tmp/deep/$name.txt"; done
"$bin" check --update "$tmp/deep/a.txt" "$tmp/deep/b.txt" "$tmp/deep/c.txt" >/dev/null
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000)' >"$tmp/deep/b.expected.json"
"$bin" check "$tmp/deep" >"$tmp/report" 2>&1
rc=$?
if [[ $rc -eq 1 ]] &&
  grep -qx "FAIL $tmp/deep/b.txt: $tmp/deep/b.expected.json is nested deeper than 64 levels" "$tmp/report" &&
  tail -1 "$tmp/report" | grep -qx '2 passed, 1 failed'; then
  ok
else
  fail "check with a 100,000-deep expected file: rc=$rc $(tail -c 300 "$tmp/report")"
fi

# check for CI: a directory of new pages gets its expected files (--new-only creates, leaves the
# others alone; --update creates and rewrites), and --junit writes a report CI reporters read.
mkdir -p "$tmp/golden/sub"
cp data/sample.txt "$tmp/golden/one.txt"
cp data/no-byline.html "$tmp/golden/sub/two.html"
gzip -c data/sample.txt >"$tmp/golden/sub/three.txt.gz"
echo "not a page" >"$tmp/golden/NOTES"
"$bin" check "$tmp/golden" >"$tmp/report" 2>"$tmp/err"
rc=$?
if [[ $rc -eq 1 ]] && grep -qx 'pressparse: check: no pages with expected files found (--new-only creates them)' "$tmp/err"; then
  ok
else
  fail "check on a directory of new pages: rc=$rc $(cat "$tmp/err")"
fi
"$bin" check --new-only "$tmp/golden" >"$tmp/report"
rc=$?
if [[ $rc -eq 0 ]] && grep -qx "created $tmp/golden/one.expected.json" "$tmp/report" &&
  grep -qx "created $tmp/golden/sub/two.expected.json" "$tmp/report" &&
  grep -qx "created $tmp/golden/sub/three.expected.json" "$tmp/report" &&
  tail -1 "$tmp/report" | grep -qx '3 passed, 0 failed, 3 created' && [[ ! -e $tmp/golden/NOTES.expected.json ]]; then
  ok
else
  fail "check --new-only creates: rc=$rc $(cat "$tmp/report")"
fi
sed -i 's/"category": "Новости Латвии"/"category": "Новости Литвы"/' "$tmp/golden/one.expected.json"
rm "$tmp/golden/sub/two.expected.json"
cp "$tmp/golden/one.expected.json" "$tmp/one.before"
"$bin" check --new-only --junit "$tmp/report.xml" "$tmp/golden" >"$tmp/report"
rc=$?
if [[ $rc -eq 1 ]] && cmp -s "$tmp/one.before" "$tmp/golden/one.expected.json" &&
  grep -qx "created $tmp/golden/sub/two.expected.json" "$tmp/report" &&
  tail -1 "$tmp/report" | grep -qx '2 passed, 1 failed, 1 created'; then
  ok
else
  fail "check --new-only leaves existing files: rc=$rc $(cat "$tmp/report")"
fi
if xmllint --noout --schema tests/cli/junit.xsd "$tmp/report.xml" 2>"$tmp/err" &&
  [[ $(xmllint --xpath 'count(//testcase)' "$tmp/report.xml") == 3 ]] &&
  [[ $(xmllint --xpath 'string(//testsuite/@failures)' "$tmp/report.xml") == 1 ]] &&
  xmllint --xpath 'string(//testcase[failure]/@name)' "$tmp/report.xml" | grep -qx "$tmp/golden/one.txt" &&
  xmllint --xpath 'string(//failure)' "$tmp/report.xml" | grep -q 'expected: "Новости Литвы"'; then
  ok
else
  fail "check --junit report: $(cat "$tmp/err") $(head -c 600 "$tmp/report.xml")"
fi
"$bin" check --update "$tmp/golden" >"$tmp/report"
rc=$?
if [[ $rc -eq 0 ]] && tail -1 "$tmp/report" | grep -qx '3 passed, 0 failed, 3 updated' &&
  grep -q '"category": "Новости Латвии"' "$tmp/golden/one.expected.json"; then
  ok
else
  fail "check --update rewrites: rc=$rc $(cat "$tmp/report")"
fi
"$bin" check --junit "$tmp/no-such-dir/report.xml" "$tmp/golden" >/dev/null 2>"$tmp/err"
rc=$?
if [[ $rc -eq 2 ]] && grep -q "^pressparse: $tmp/no-such-dir/report.xml: cannot write the JUnit report: " "$tmp/err" &&
  [[ $(wc -l <"$tmp/err") -eq 1 ]]; then
  ok
else
  fail "check --junit to an unwritable path: rc=$rc $(cat "$tmp/err")"
fi
if "$bin" check --update --new-only "$tmp/golden" >/dev/null 2>&1; then fail "--update with --new-only"; else ok; fi

finish
