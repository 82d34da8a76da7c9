#!/usr/bin/env bash
# fuzz/seeds.sh TARGET DIR — assembles TARGET's seed corpus in DIR (emptied first), from the
# project's own fixtures (data/) and, when present, the shared real pages in ../shared/data
# (Press.lv text pages, the seed page, a sample of the HTML test pages cut to 32 KiB). The seeds
# are built where the fuzzers run (a build directory), never committed: the shared pages are
# third-party copies.
set -euo pipefail

target=${1:?usage: fuzz/seeds.sh TARGET DIR}
dir=${2:?usage: fuzz/seeds.sh TARGET DIR}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PRESSPARSE_SHARED_DATA:-$root/../shared/data}
cap=32768        # bytes per seed: long inputs slow every execution down
html_every=4     # one HTML test page in this many

rm -rf "$dir"
mkdir -p "$dir"

pages=()
for f in "$root"/data/* "$root"/data/text-forms/*; do
  [[ -f $f && $f != *.expected.json ]] && pages+=("$f")
done
if [[ -d $shared ]]; then
  for f in "$shared"/presslv/*.txt "$shared"/seed/*; do
    [[ -f $f ]] && pages+=("$f")
  done
  i=0
  for f in "$shared"/html/readability-test-pages/*/source.html; do
    [[ -f $f ]] || continue
    if ((i++ % html_every == 0)); then pages+=("$f"); fi
  done
fi

case $target in
  fuzz_dates)
    # Dates as pages print them, and lines of the pages that end in a year or a time.
    n=0
    while IFS= read -r line; do
      printf '%s' "$line" >"$dir/builtin-$((n++))"
    done <<'DATES'
14 июля, 2026 09:42
Редакция PRESS 14 июля, 2026 09:42
© Euronews 6 февраля, 2026 11:49
6. februāris 2026 plkst. 11:49
06.02.2026 11:49
2026-01-15
2015-07-24T05:36:09+0100
2015-07-24T05:36:09.123Z
2015-07-24 05:36
Fri, 24 Jul 2015 05:36:09 GMT
July 24th, 2015 5:36 PM
29 февр., 2024 в 23:59
31 марта 2024 03:30
27 октября, 2024 03:30
DATES
    for f in "${pages[@]}"; do
      [[ $f == *.txt ]] || continue
      grep -aE '(19|20)[0-9]{2}( [0-9]{1,2}:[0-9]{2})?[[:space:]]*$' "$f" | head -n 5 |
        while IFS= read -r line; do
          printf '%s' "$line" >"$dir/line-$(printf '%s' "$line" | md5sum | cut -c1-16)"
        done || true  # no such line, or grep cut off by head
    done
    ;;
  fuzz_jsonld | fuzz_check)
    # Their bytes are a program for the JSON generator (fuzz/json_structure.hpp): any bytes do.
    # A few fixed ones (deep nesting, a large @graph, keys and strings) and the fixtures' heads.
    printf '\x00\x05\xff\xff' >"$dir/builtin-deep"
    printf '\x00\x06\xff\xff' >"$dir/builtin-graph"
    printf '\x01\x01\x09\x01\x07\x09\x02\x04\x03\x03' >"$dir/builtin-keys"
    for f in "${pages[@]}"; do
      head -c 512 "$f" >"$dir/$(printf '%s' "$f" | md5sum | cut -c1-16)"
    done
    ;;
  *)
    for f in "${pages[@]}"; do
      name=$(printf '%s' "$f" | md5sum | cut -c1-16)
      case $target in
        # These take a selector byte first (a declared charset, or how to make UTF-8).
        fuzz_decode) { printf '\x02'; head -c "$cap" "$f"; } >"$dir/$name" ;;
        fuzz_text) { printf '\x01'; head -c "$cap" "$f"; } >"$dir/$name" ;;
        # The page's own bytes (an odd selector byte), and the same bytes as letters of the
        # target's alphabet (an even one).
        fuzz_words | fuzz_word_hashes)
          { printf '\x01'; head -c "$cap" "$f"; } >"$dir/$name"
          { printf '\x02'; head -c 4096 "$f"; } >"$dir/$name-alphabet" ;;
        # Six steering bytes (width, indent, flags, width changes), varied by the file's name.
        fuzz_text_layout)
          [[ $f == *.html ]] && continue
          { printf "\\x${name:0:2}\\x${name:2:2}\\x${name:4:2}\\x${name:6:2}\\x${name:8:2}\\x${name:10:2}"
            head -c "$cap" "$f"; } >"$dir/$name" ;;
        *) head -c "$cap" "$f" >"$dir/$name" ;;
      esac
    done
    ;;
esac
echo "seeds: $(find "$dir" -type f | wc -l) files in $dir" >&2
