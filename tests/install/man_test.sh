#!/usr/bin/env bash
# The man page renders without a warning, and names every option of `pressparse --help` and
# `pressparse check --help` and every exit status.
#
#   man_test.sh PRESSPARSE MAN_PAGE
set -uo pipefail
source "$(dirname "$0")/../cli/lib.sh" "$1"
page=$2
source "$(dirname "$0")/help_options.sh"

if ! command -v groff >/dev/null; then
  echo "groff not installed (scripts/setup-deps.sh installs it): man page test skipped"
  exit 77
fi

# -ww: every warning; -z: no output, only the diagnostics.
groff -man -Tutf8 -ww -z "$page" 2>"$tmp/warnings"
if [[ ! -s $tmp/warnings ]]; then ok; else fail "groff warns: $(cat "$tmp/warnings")"; fi
if command -v man >/dev/null; then
  MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$tmp/warnings"
  if [[ ! -s $tmp/warnings ]]; then ok; else fail "man --warnings: $(cat "$tmp/warnings")"; fi
fi

# The text a reader sees: ASCII, so that \- is a plain hyphen; no bold or underline.
groff -man -Tascii -P-cbou "$page" >"$tmp/page.txt" 2>/dev/null
has() { grep -qE -- "(^|[^-[:alnum:]])$1([^-[:alnum:]]|\$)" "$tmp/page.txt"; }
for opt in "${main_options[@]}" "${check_options[@]}"; do
  if has "$opt"; then ok; else fail "the man page does not name $opt"; fi
done
for word in check 'EXIT STATUS' 0 1 2 130 expected.json 'SEE ALSO' EXAMPLES FILES \
  not_found is_directory unreadable empty binary too_large output_collision internal \
  json jsonl markdown auto text html; do
  if has "$word"; then ok; else fail "the man page does not say $word"; fi
done
finish
