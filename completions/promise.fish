# fish completion for promise(1).
#
# Commands, options, formats and rule names are asked of the promise being
# completed (`promise --list-commands`, `promise CMD --help`, `promise lint
# --list-formats`, `promise rules --names`), so they always match it.
# Installed as fish/vendor_completions.d/promise.fish.

# The command word after the program, or nothing yet.
function __promise_command
    set -l tokens (commandline -opc)
    for t in $tokens[2..-1]
        if not string match -q -- '-*' $t
            echo $t
            return 0
        end
    end
    return 1
end

function __promise_run
    set -l bin (commandline -opc)[1]
    command $bin $argv 2>/dev/null
end

# The options a command's --help lists, as "--option<TAB>what it does".
function __promise_options
    set -l cmd (__promise_command)
    __promise_run $cmd --help | string replace -rf -- '^ +(?:-[A-Za-z], )?(--[a-z][a-z-]*)(?: [^ ]+)?  +(.*)$' '$1\t$2'
end

# Is the word before the cursor an option that takes a value? (Those with
# a placeholder in --help: "--format FORMAT".)
function __promise_after_value_option
    set -l prev (commandline -opc)[-1]
    string match -q -- '-*' $prev; or return 1
    set -l cmd (__promise_command); or return 1
    set -l p (string escape --style=regex -- $prev)
    __promise_run $cmd --help | string match -rq -- '^ +(?:'$p', --[a-z][a-z-]*|(?:-[A-Za-z], )?'$p') [^ ]+  '
end

function __promise_after
    set -l tokens (commandline -opc)
    contains -- $tokens[-1] $argv
end

complete -c promise -f
complete -c promise -n 'not __promise_command' -s h -l help -d 'Show the help'
complete -c promise -n 'not __promise_command' -s V -l version -d 'Show the version and commit'
complete -c promise -n 'not __promise_command' -a '(__promise_run --list-commands)' -d Command
complete -c promise -n '__promise_command; and string match -q -- "-*" (commandline -ct)' -a '(__promise_options)'

complete -c promise -n '__promise_after -f --format' -x -a '(__promise_run lint --list-formats)' -d Format
complete -c promise -n '__promise_after --fail-on' -x -a 'error warning info never'
complete -c promise -n '__promise_after --lang' -x -a 'auto en nl sv'
complete -c promise -n '__promise_after --color --colour' -x -a 'auto always never'
complete -c promise -n '__promise_after --today' -x -a '(date +%F)'
complete -c promise -n '__promise_after --due-soon-days' -x
complete -c promise -n '__promise_after -j --jobs' -x

complete -c promise -n 'test "$(__promise_command)" = explain' -x -a '(__promise_run rules --names)' -d Rule
complete -c promise -n 'test "$(__promise_command)" = init' -x -a '(__fish_complete_directories)'
complete -c promise -n 'test "$(__promise_command)" = lint; and not string match -q -- "-*" (commandline -ct); and not __promise_after_value_option' -x -a '(__fish_complete_suffix .promise)'
complete -c promise -n '__promise_after --stdin-filename' -x -a '(__fish_complete_suffix .promise)'
