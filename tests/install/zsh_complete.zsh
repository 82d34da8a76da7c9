# What zsh's completion system offers for command lines, as a user pressing Tab would get it:
# an interactive zsh in a pseudo-terminal (zsh/zpty) with COMPLETION_DIR first in fpath, whose
# compadd also records the matches it adds.
#
#   zsh -f zsh_complete.zsh COMPLETION_DIR WORKDIR LINE...
# prints, for each LINE (completed in WORKDIR), its matches sorted on one line ("" for none).
# All lines are completed in one shell, one after the other, as a session would.
zmodload zsh/zpty
local dir=$1 work=$2 out
shift 2
out=$(mktemp)
zpty z zsh -f -i
zpty -w z "PS1= PROMPT= RPROMPT=; fpath=(${(q)dir} \$fpath); autoload -Uz compinit"
zpty -w z "compinit -u -D; cd ${(q)work}; __out=${(q)out}"
zpty -w z "zstyle ':completion:*' insert-tab false; zstyle ':completion:*' list-grouped false"
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a __hits; builtin compadd -O __hits "$@"; (( $#__hits )) && print -rl -- $__hits >> $__out; builtin compadd "$@"; }'
zpty -w z '__done() { print -r -- "<<done>>" >> $__out }; comppostfuncs=(__done)'
zpty -w z 'bindkey "^I" complete-word'
local line i junk
for line in "$@"; do
  : >| $out
  zpty -n -w z $'\C-u'"$line"$'\t'
  for i in {1..200}; do
    while zpty -rt z junk; do :; done  # drain the terminal, or zsh blocks writing to it
    grep -q '<<done>>' $out && break
    sleep 0.05
  done
  grep -v '<<done>>' $out | sort -u | tr '\n' ' '
  print
done
zpty -d z
rm -f $out
