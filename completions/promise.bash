# bash completion for promise(1)                           -*- shell-script -*-
#
# Commands, options, formats and rule names are asked of the promise being
# completed (`promise --list-commands`, `promise CMD --help`, `promise lint
# --list-formats`, `promise rules --names`), so they always match it.
# Installed as bash-completion/completions/promise; needs bash-completion.

_promise()
{
    local cur prev words cword
    _init_completion || return

    local bin=${words[0]} cmd="" i
    [[ $bin == "~/"* ]] && bin=$HOME/${bin#"~/"}
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            cmd=${words[i]}
            break
        fi
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_parse_help "$bin")" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$("$bin" --list-commands 2>/dev/null)" -- "$cur"))
        fi
        return
    fi

    case $prev in
        -f | --format)
            COMPREPLY=($(compgen -W "$("$bin" lint --list-formats 2>/dev/null)" -- "$cur"))
            return
            ;;
        --fail-on)
            COMPREPLY=($(compgen -W 'error warning info never' -- "$cur"))
            return
            ;;
        --lang)
            COMPREPLY=($(compgen -W 'auto en nl sv' -- "$cur"))
            return
            ;;
        --color | --colour)
            COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
            return
            ;;
        --today)
            COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur"))
            return
            ;;
        --due-soon-days | -j | --jobs)
            return
            ;;
        --stdin-filename)
            _filedir promise
            return
            ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_parse_help "$bin" "$cmd --help")" -- "$cur"))
        return
    fi

    case $cmd in
        explain)
            COMPREPLY=($(compgen -W "$("$bin" rules --names 2>/dev/null)" -- "$cur"))
            ;;
        init)
            _filedir -d
            ;;
        rules) ;;
        *)
            _filedir promise
            ;;
    esac
} &&
    complete -F _promise promise

# ex: filetype=sh
