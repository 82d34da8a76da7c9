#!/usr/bin/env bash
# The shell completions: each names every option of `pressparse --help` and `pressparse check
# --help` (so they cannot drift); the bash one, sourced with bash-completion's helpers in a
# clean shell, completes an option prefix, the values of --format and --input-format, the check
# subcommand and its options; the zsh and fish ones pass their shell's syntax check.
#
#   completion_test.sh PRESSPARSE SOURCE_DIR
set -uo pipefail
source "$(dirname "$0")/../cli/lib.sh" "$1"
src=$2
source "$(dirname "$0")/help_options.sh"
dir=$src/completions
here=$(cd "$(dirname "$0")" && pwd)

# Every option, as each shell's file spells it: bash and zsh name it as it is typed; fish
# declares "-s j" and "-l jobs".
named() {
  local file=$1 opt=$2 pattern
  if [[ $file == *.fish ]]; then
    if [[ $opt == --* ]]; then pattern=" -l ${opt#--}"; else pattern=" -s ${opt#-}"; fi
  else
    pattern="(^|[^-[:alnum:]])$opt"
  fi
  grep -qE -- "$pattern([^-[:alnum:]]|\$)" "$file"
}
for file in "$dir/pressparse.bash" "$dir/_pressparse" "$dir/pressparse.fish"; do
  for opt in "${main_options[@]}" "${check_options[@]}"; do
    if named "$file" "$opt"; then ok; else fail "$(basename "$file") does not complete $opt"; fi
  done
  if grep -qw check "$file"; then ok; else fail "$(basename "$file") does not complete check"; fi
done

# bash, for real.
helpers=/usr/share/bash-completion/bash_completion
if [[ ! -f $helpers ]]; then
  echo "bash-completion not installed (scripts/setup-deps.sh installs it): shells' completion skipped"
  finish || exit 1
  exit 77
fi
# complete LINE...: the words of a command line, the last being completed; prints COMPREPLY.
complete_line() {
  env -i HOME="$tmp" PATH="$PATH" bash --norc --noprofile -c '
    source "$1" || exit 3
    source "$2" || exit 3
    cd "$3"
    shift 3
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    _pressparse pressparse "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    ((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}" | sort' \
    _ "$helpers" "$dir/pressparse.bash" "$tmp/files" "$@"
}
mkdir -p "$tmp/files/pages"
touch "$tmp/files/story.txt"
expect() {
  local want=$1
  shift
  local got
  got=$(complete_line "$@" | tr '\n' ' ')
  if [[ $got == "$want" ]]; then ok; else fail "completing '$*': got '$got', want '$want'"; fi
}
expect '--format ' pressparse --fo
expect '--input-format ' pressparse --inp
expect '--jobs ' pressparse --jo
expect 'json jsonl markdown text ' pressparse --format ''
expect 'json jsonl ' pressparse --format j
expect 'auto html text ' pressparse -r --input-format ''
expect 'check ' pressparse ch
expect 'check pages story.txt ' pressparse ''
expect 'story.txt ' pressparse page.html s
expect '--new-only ' pressparse check --n
expect '--new-only ' pressparse -q check data --n
expect '--update ' pressparse check --u
expect 'stats ' pressparse check --ignore st
expect '' pressparse check --pre
expect 'pages ' pressparse --output-dir p
expect 'story.txt ' pressparse check s

# fish, for real (`complete -C` prints what fish would offer), when it is here.
fish_complete() {
  fish --no-config -c 'source $argv[1]; cd $argv[2]; complete -C $argv[3]' \
    "$dir/pressparse.fish" "$tmp/files" "$1" | cut -f1 | sort | tr '\n' ' '
}
fish_expect() {
  local got
  got=$(fish_complete "$2")
  if [[ $got == "$1" ]]; then ok; else fail "fish completing '$2': got '$got', want '$1'"; fi
}
if command -v fish >/dev/null; then
  fish_expect '--format ' 'pressparse --fo'
  fish_expect 'json jsonl markdown text ' 'pressparse --format '
  fish_expect 'auto html text ' 'pressparse --input-format '
  fish_expect 'check ' 'pressparse ch'
  fish_expect '--new-only ' 'pressparse check --n'
  fish_expect 'story.txt ' 'pressparse check s'
fi

# zsh, for real (an interactive zsh in a pseudo-terminal pressing Tab; see zsh_complete.zsh),
# when it is here: one shell a line, and two lines in one shell (the function must work again).
zsh_expect() {
  local want=$1 got
  shift
  got=$(cd "$tmp/files" && timeout 60 zsh -f "$here/zsh_complete.zsh" "$dir" "$tmp/files" "$@" | tr '\n' '|')
  if [[ $got == "$want" ]]; then ok; else fail "zsh completing '$*': got '$got', want '$want'"; fi
}
if command -v zsh >/dev/null && zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
  zsh_expect '--format |' 'pressparse --fo'
  zsh_expect 'json jsonl markdown text |' 'pressparse --format '
  zsh_expect 'auto html text |' 'pressparse --input-format '
  zsh_expect 'check pages story.txt |' 'pressparse '
  zsh_expect 'check |' 'pressparse ch'
  zsh_expect '--new-only |' 'pressparse check --n'
  zsh_expect '--update |' 'pressparse -q check data --u'
  zsh_expect 'stats |' 'pressparse check --ignore st'
  zsh_expect '--pretty |' 'pressparse page.html --pre'
  zsh_expect 'story.txt |' 'pressparse check s'
  zsh_expect 'pages |' 'pressparse --output-dir '
  zsh_expect '--new-only |json jsonl markdown text |' 'pressparse check --n' 'pressparse --format '
fi

# zsh and fish: the syntax, when the shell is here.
for shell in zsh fish; do
  file=$dir/_pressparse
  [[ $shell == fish ]] && file=$dir/pressparse.fish
  if command -v "$shell" >/dev/null; then
    if "$shell" -n "$file" 2>"$tmp/err"; then ok; else fail "$shell -n $file: $(cat "$tmp/err")"; fi
  else
    echo "$shell not installed: its completion's syntax not checked"
  fi
done
finish
