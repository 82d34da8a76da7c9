#!/usr/bin/env bash
# Byte-identical output before and after a change: runs two pressparse binaries over the same
# pages and compares their JSON Lines set by set.
#
#   bench/same_output.sh BEFORE/pressparse AFTER/pressparse
#
# Sets: the real text pages (presslv/*.txt and the seed), the fixtures in data/ (*.txt and
# *.html, as detected), and the HTML pages of html/, web/ and dates/ in the shared data
# (PRESSPARSE_SHARED_DATA, default ../shared/data beside the source tree), read as HTML and again
# as text (which sends a whole page of markup through the text path). Input paths are the same
# for both binaries, so the lines compare directly. Exit status 1 on any difference.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2
  exit 2
fi
before=$1
after=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PRESSPARSE_SHARED_DATA:-$root/../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
ls "$shared"/presslv/*.txt "$shared"/seed/*.txt >"$work/text.list" 2>/dev/null || true
ls data/*.txt data/*.html >"$work/fixtures.list"
find "$shared/html" "$shared/web" "$shared/dates" -type f \
  \( -name '*.html' -o -name '*.htm' -o -name '*.html.gz' -o -name '*.htm.gz' \) 2>/dev/null |
  sort >"$work/html.list" || true

status=0
compare() {  # NAME LIST [OPTIONS...]
  local name=$1 list=$2
  shift 2
  local pages
  pages=$(wc -l <"$list")
  if [[ $pages -eq 0 ]]; then
    echo "$name: no pages (skipped)"
    return
  fi
  "$before" -q -j 2 --format jsonl "$@" --files-from "$list" >"$work/$name.before" 2>/dev/null || true
  "$after" -q -j 2 --format jsonl "$@" --files-from "$list" >"$work/$name.after" 2>/dev/null || true
  if cmp -s "$work/$name.before" "$work/$name.after"; then
    echo "$name: $pages pages, identical ($(wc -c <"$work/$name.after") bytes of JSON Lines)"
  else
    echo "$name: $pages pages, DIFFERENT:"
    diff <(tr -d '\r' <"$work/$name.before") <(tr -d '\r' <"$work/$name.after") | head -20
    status=1
  fi
}

compare text "$work/text.list"
compare fixtures "$work/fixtures.list"
compare html-as-html "$work/html.list" --input-format html
compare html-as-text "$work/html.list" --input-format text
exit $status
