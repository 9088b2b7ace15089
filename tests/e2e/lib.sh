# lib.sh — helpers for the end-to-end scripts (sourced). Each check prints
# "PASS: name" or "FAIL: name" and what differed; run.sh counts them.
# $PROMISE is the binary under test; $TMP a scratch directory removed at exit.
set -u
: "${PROMISE:=$PWD/build/promise}"
TOP=$PWD
TMP=$(mktemp -d)
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
export PROMISE_TODAY=2026-11-23
unset NO_COLOR FORCE_COLOR
# The files under test live in this project's own repository: keep its
# history out of their findings (tests/e2e/git.sh turns it back on).
export PROMISE_NO_GIT=1
# English messages whatever the machine's locale (messages.sh tests the others).
unset LANGUAGE
export LC_ALL=C.UTF-8

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@"; }

# expect_status NAME WANT CMD...: run CMD, compare its exit status.
expect_status() {
	name=$1 want=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" = "$want" ]; then pass "$name"; else
		fail "$name" "exit status $got, wanted $want" "stdout:" "$(head -c 2000 "$TMP/out")" "stderr:" "$(head -c 2000 "$TMP/err")"; fi
}

# expect_same NAME EXPECTED_FILE ACTUAL_FILE
expect_same() {
	if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$(diff -u "$2" "$3" | head -n 40)"; fi
}

# expect_grep NAME PATTERN FILE: FILE has a line matching PATTERN (grep -E).
expect_grep() {
	if grep -Eq -- "$2" "$3"; then pass "$1"; else fail "$1" "no line matches /$2/ in:" "$(head -c 2000 "$3")"; fi
}

# expect_no_grep NAME PATTERN FILE
expect_no_grep() {
	if grep -Eq -- "$2" "$3"; then fail "$1" "unexpected line matching /$2/:" "$(grep -E -- "$2" "$3" | head -n 5)"; else pass "$1"; fi
}
