# bash completion for pressparse(1)                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/pressparse; uses bash-completion's helpers.
# tests/install/completion_test.sh checks that every option of --help is named here.

_pressparse()
{
    local cur prev words cword split
    _init_completion -s || return

    # Inside `check` once the word `check` came first (options of pressparse may precede it).
    local i subcommand=
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            check)
                subcommand=check
                break
                ;;
            --glob | --files-from | --output-dir | --format | -j | --jobs | --input-format | \
                --max-bytes)
                ((i++))
                ;;
            -*) ;;
            *) break ;;
        esac
    done

    case $prev in
        --format)
            COMPREPLY=($(compgen -W 'json jsonl markdown text' -- "$cur"))
            return
            ;;
        --input-format)
            COMPREPLY=($(compgen -W 'auto text html' -- "$cur"))
            return
            ;;
        --ignore)
            COMPREPLY=($(compgen -W 'schema_version site url language headline source date
                date_text date_source category comments body related stats fingerprint
                warnings' -- "$cur"))
            return
            ;;
        --glob | -j | --jobs | --max-bytes)
            return
            ;;
        --files-from | --junit)
            _filedir
            return
            ;;
        --output-dir)
            _filedir -d
            return
            ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        local opts
        if [[ $subcommand == check ]]; then
            opts='--update --new-only --ignore --junit -h --help'
        else
            opts='-r --recursive --glob --files-from -0 --null --output-dir --skip-existing
                --format --pretty -j --jobs --fail-fast -q --quiet --stats --summary-record
                --dedupe --input-format --max-bytes --version -h --help'
        fi
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi

    if [[ -z $subcommand && $i -ge $cword ]]; then
        COMPREPLY=($(compgen -W 'check' -- "$cur"))
    fi
    _filedir
} &&
    complete -F _pressparse pressparse

# ex: filetype=sh
