#!/usr/bin/env bash
# Writes the text forms of the project's HTML fixtures into data/text-forms/: each page as
# `w3m -dump` at 60, 80 and 120 columns and `lynx -dump` at the same widths, with its numbered
# link list and without it (-nolist); and once more as w3m at 72 columns with every list link
# also wrapped around a picture whose alt text is the link's text, which prints each title twice
# and glued ("TitleTitle"), as a browser's "Save as Text" does with a teaser's picture and title. The test suite reads every dump and requires its article
# to equal the HTML page's (tests/unit/text_forms_test.cpp). Run it after changing a fixture or
# adding one to the list below; it needs Debian's w3m and lynx.
#
#   scripts/make-text-forms.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/data/text-forms
pages=(sample-twin lists-captions no-byline)
widths=(60 80 120)

for tool in w3m lynx; do
  command -v "$tool" >/dev/null || { echo "make-text-forms: $tool not found (apt-get install $tool)" >&2; exit 2; }
done

mkdir -p "$out"
# lynx prints file:// addresses for a page read from disk; run it from the data directory with
# relative names so the addresses do not depend on where the repository lives.
cd "$root/data"
for page in "${pages[@]}"; do
  for width in "${widths[@]}"; do
    w3m -dump -cols "$width" -T text/html -I UTF-8 -O UTF-8 "$page.html" >"$out/$page.w3m-$width.txt"
    lynx -dump -width="$width" -assume_charset=utf-8 -display_charset=utf-8 \
      "$page.html" >"$out/$page.lynx-$width.txt"
    lynx -dump -nolist -width="$width" -assume_charset=utf-8 -display_charset=utf-8 \
      "$page.html" >"$out/$page.lynx-nolist-$width.txt"
  done
  sed -E 's#<li><a href="([^"]*)">([^<]*)</a>#<li><a href="\1"><img src="/img/t.jpg" alt="\2"></a><a href="\1">\2</a>#' \
    "$page.html" | w3m -dump -cols 72 -T text/html -I UTF-8 -O UTF-8 >"$out/$page.glued-72.txt"
done
echo "make-text-forms: $(ls "$out" | wc -l) dumps in data/text-forms/"
