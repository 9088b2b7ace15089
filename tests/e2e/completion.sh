#!/bin/sh
# completion.sh — the bash, zsh and fish completions, loaded into the real
# shells and asked to complete: commands, options from --help, formats and
# rule names from the binary, and .promise files.
. tests/e2e/lib.sh

# The completions run the `promise` the user typed; put ours first on PATH.
mkdir -p "$TMP/bin" "$TMP/work/accounts" "$TMP/work/notes"
ln -s "$PROMISE" "$TMP/bin/promise"
PATH=$TMP/bin:$PATH
export PATH
: > "$TMP/work/accounts/acme.promise"
: > "$TMP/work/accounts/acme.txt"

# expect_words NAME EXPECTED_WORDS FILE: FILE holds exactly those words, in
# any order (one per line; fish's "word<TAB>description" counts as word).
expect_words() {
	printf '%s\n' $2 | LC_ALL=C sort > "$TMP/want"
	cut -f1 "$3" | sed '/^$/d' | LC_ALL=C sort > "$TMP/got"
	expect_same "$1" "$TMP/want" "$TMP/got"
}

rules=$("$PROMISE" rules --names | tr '\n' ' ')
commands=$("$PROMISE" --list-commands | tr '\n' ' ')
formats=$("$PROMISE" lint --list-formats | tr '\n' ' ')

# --- bash -------------------------------------------------------------------------
# Source bash-completion and the script, set COMP_WORDS/COMP_CWORD as
# readline would, call the function and print COMPREPLY.
bash_complete() {
	(cd "$TMP/work" && bash --norc --noprofile -c '
		. /usr/share/bash-completion/bash_completion
		. "$1/completions/promise.bash"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_promise
		printf "%s\n" "${COMPREPLY[@]}"
	' bash "$TOP" "$@") > "$TMP/compl" 2>&1
}
if [ -r /usr/share/bash-completion/bash_completion ]; then
	bash_complete promise ""
	expect_words "bash: commands" "$commands" "$TMP/compl"
	bash_complete promise lin
	expect_words "bash: a command prefix" "lint" "$TMP/compl"
	bash_complete promise explain overd
	expect_words "bash: a rule name" "overdue" "$TMP/compl"
	bash_complete promise explain ""
	expect_words "bash: every rule name" "$rules" "$TMP/compl"
	bash_complete promise lint --fo
	expect_words "bash: an option from lint --help" "--format" "$TMP/compl"
	bash_complete promise lint --format ""
	expect_words "bash: the formats" "$formats" "$TMP/compl"
	bash_complete promise lint -f js
	expect_words "bash: a format after -f" "json" "$TMP/compl"
	bash_complete promise lint --fail-on w
	expect_words "bash: a fail-on level" "warning" "$TMP/compl"
	bash_complete promise rules --n
	expect_words "bash: an option of rules" "--names" "$TMP/compl"
	bash_complete promise lint accounts/
	expect_words "bash: .promise files, not others" "accounts/acme.promise" "$TMP/compl"
	bash_complete promise lint -q ""
	expect_words "bash: directories to lint" "accounts notes" "$TMP/compl"
	bash_complete promise init no
	expect_words "bash: init completes directories" "notes" "$TMP/compl"
	bash_complete promise --v
	expect_words "bash: a global option" "--version" "$TMP/compl"
else
	fail "bash: bash-completion is not installed (make deps)"
fi

# --- zsh ------------------------------------------------------------------------------
# zsh -n for syntax; then a real interactive zsh in a pseudo-terminal (zpty)
# with compinit, a Tab typed after the words, and compadd wrapped to record
# what the completion offered.
if zsh -n "$TOP/completions/_promise" 2> "$TMP/err"; then pass "zsh: syntax"; else fail "zsh: syntax" "$(cat "$TMP/err")"; fi
cat > "$TMP/zsetup" <<'Z'
fpath=($ZT_FPATH $fpath)
autoload -U compinit && compinit -u -D
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"; return
  fi
  local -a hits
  builtin compadd -A hits "$@"
  (( $#hits )) && print -rl -- $hits >> $ZT_OUT
  builtin compadd "$@"
}
Z
cat > "$TMP/zrun" <<'Z'
zmodload zsh/zpty
zpty z env ZT_FPATH=$1 ZT_OUT=$2 zsh -f -i
zpty -w z "source ${(q)3}"
zpty -w z "$4"$'\t'
integer i
for (( i = 0; i < 100; i++ )); do [[ -s $2 ]] && break; sleep 0.05; done
sleep 0.1
zpty -d z
Z
zsh_complete() {
	rm -f "$TMP/compl"
	(cd "$TMP/work" && zsh -f "$TMP/zrun" "$TOP/completions" "$TMP/compl" "$TMP/zsetup" "$1")
	touch "$TMP/compl"
}
zsh_complete "promise explain overd"
expect_words "zsh: a rule name" "overdue" "$TMP/compl"
zsh_complete "promise lin"
expect_words "zsh: a command prefix" "lint" "$TMP/compl"
zsh_complete "promise lint --fo"
expect_words "zsh: an option from lint --help" "--format" "$TMP/compl"
zsh_complete "promise lint --format "
expect_words "zsh: the formats" "$formats" "$TMP/compl"
zsh_complete "promise lint accounts/"
expect_words "zsh: .promise files, not others" "acme.promise" "$TMP/compl"

# --- fish -------------------------------------------------------------------------------
fish_complete() {
	(cd "$TMP/work" && fish --no-config -c "source '$TOP/completions/promise.fish'; complete -C '$1'") > "$TMP/compl" 2>&1
}
fish_complete "promise explain overd"
expect_words "fish: a rule name" "overdue" "$TMP/compl"
fish_complete "promise "
expect_words "fish: commands" "$commands" "$TMP/compl"
fish_complete "promise lint --fo"
expect_words "fish: an option from lint --help" "--format" "$TMP/compl"
fish_complete "promise lint -f "
expect_words "fish: the formats after -f" "$formats" "$TMP/compl"
fish_complete "promise lint --fail-on "
expect_words "fish: the fail-on levels" "error warning info never" "$TMP/compl"
fish_complete "promise lint accounts/acme"
expect_grep "fish: a .promise file" '^accounts/acme\.promise$' "$TMP/compl"
fish_complete "promise rules --"
expect_words "fish: the options of rules" "--names --markdown --scdoc" "$TMP/compl"
