#!/bin/sh
# git.sh — the git-aware checks against real repositories built here with
# the git command line: moved due dates with and without a renegotiation,
# dropped promises (open, kept), renamed files, promises moved between
# files, merges, the default base, uncommitted changes, pull-request mode,
# a shallow clone, and a directory outside any repository.
. tests/e2e/lib.sh
unset PROMISE_NO_GIT
# Nothing from the machine's git configuration; commits are reproducible.
export HOME="$TMP/home" GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES="$TMP"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME"
git config --global user.name "Sara Lind"
git config --global user.email "sara@example.se"
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# rec ID DUE [FIELD-LINE...]: a promise with nothing else to flag.
rec() {
	id=$1 due=$2; shift 2
	printf 'promise %s: Replace the pump seals at the Delft site, unit %s\n' "$id" "$id"
	printf '  by:        Sara Lind\n  to:        Tom Bakker (Acme BV)\n  made:      2026-10-01\n'
	printf '  due:       %s\n  recorded:  service ticket 4411\n' "$due"
	printf '  in-return: site access the day before, arranged by Tom Bakker\n'
	for line in "$@"; do printf '  %s\n' "$line"; done
	echo
}

# commit DAY MESSAGE: commit everything, dated DAY (author and committer).
commit() {
	git add -A && GIT_AUTHOR_DATE="$1T09:30:00+01:00" GIT_COMMITTER_DATE="$1T09:30:00+01:00" \
		git commit -q -m "$2"
}

# lint ARGS...: lint in the current directory; stdout in $TMP/out,
# stderr in $TMP/err, exit status in $rc.
lint() {
	"$PROMISE" lint --color never "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}

short() { git rev-parse --short "$1"; }

# --- a due date moved without, and with, a renegotiation -------------------------
mkdir "$TMP/moves" && cd "$TMP/moves" && git init -q
{ rec M-1 2026-12-01; rec M-2 2026-12-02; rec M-3 2026-12-03; } > acme.promise
commit 2026-10-01 "Record the Delft promises"
{ rec M-1 2026-12-15; rec M-2 2026-12-16 "renegotiated: 2026-10-02 due moved to 2026-12-16, agreed by Tom Bakker"
  rec M-3 2026-12-17; } > acme.promise
commit 2026-10-02 "Push the Delft dates"
moved=$(short HEAD)
{ rec M-1 2026-12-15; rec M-2 2026-12-16 "renegotiated: 2026-10-02 due moved to 2026-12-16, agreed by Tom Bakker"
  rec M-3 2026-12-17 "renegotiated: 2026-10-03 due moved to 2026-12-17, agreed by Tom Bakker by mail"; } > acme.promise
commit 2026-10-03 "Record the agreement for M-3"
lint --base HEAD~2
[ "$rc" = 0 ] && pass "moved due: a warning does not fail the run" || fail "moved due: exit $rc" "$(cat "$TMP/err")"
expect_grep "moved due without renegotiation: reported with the original due and the commit" \
	"^\./acme\.promise:5:14: warning: the due date of M-1 was moved from 2026-12-01 to 2026-12-15 in commit $moved \"Push the Delft dates\" without a renegotiated entry \[moved-due\]$" "$TMP/out"
expect_no_grep "moved due with a renegotiation in the same commit: quiet" 'M-2' "$TMP/out"
expect_no_grep "moved due, renegotiation recorded in a later commit: quiet" 'M-3' "$TMP/out"
expect_grep "moved due: the hint names both dates" 'hint: .*due moved from 2026-12-01 to 2026-12-15' "$TMP/out"
lint --base HEAD
expect_no_grep "moved due: nothing since the base, nothing reported" 'moved-due' "$TMP/out"
lint --base HEAD~2 -f json
expect_grep "moved due: JSON names the rule and the promise" '"rule":"moved-due","code":"P405",.*"promise":"M-1"' "$TMP/out"

# Moved twice without renegotiation: the first unrecorded move is named.
{ rec M-1 2026-12-20; rec M-2 2026-12-16 "renegotiated: 2026-10-02 due moved to 2026-12-16, agreed by Tom Bakker"
  rec M-3 2026-12-17 "renegotiated: 2026-10-03 due moved to 2026-12-17, agreed by Tom Bakker by mail"; } > acme.promise
commit 2026-10-04 "Push M-1 again"
lint --base HEAD~3
expect_grep "moved twice: the first move and a count of later ones" \
	"M-1 was moved from 2026-12-01 to 2026-12-15 in commit $moved .*\(and 1 later move\)" "$TMP/out"

# Uncommitted: the working tree is the last step.
sed 's/2026-12-16/2026-12-30/' acme.promise > acme.tmp && mv acme.tmp acme.promise
lint --base HEAD
expect_grep "moved in the working tree: named as uncommitted" \
	'M-2 was moved from 2026-12-16 to 2026-12-30 in the uncommitted changes' "$TMP/out"
git checkout -q acme.promise

# --- dropped: open versus ended ---------------------------------------------------
mkdir "$TMP/drops" && cd "$TMP/drops" && git init -q
{ rec D-1 2026-12-01; rec D-2 2026-12-02; rec D-3 2026-12-03 "status: kept 2026-11-20"; rec D-4 2026-12-04; } > acme.promise
commit 2026-10-01 "Record the Delft promises"
{ rec D-1 2026-12-01; rec D-2 2026-12-02 "status: released 2026-10-02"; rec D-3 2026-12-03 "status: kept 2026-11-20"; rec D-4 2026-12-04; } > acme.promise
commit 2026-10-02 "Tom released us from D-2"
{ rec D-4 2026-12-04; } > acme.promise
commit 2026-10-03 "Tidy up the Delft file"
tidy=$(short HEAD)
base=$(short HEAD~2)
lint --base HEAD~2
[ "$rc" = 1 ] && pass "dropped: an error fails the run" || fail "dropped: exit $rc, wanted 1" "$(cat "$TMP/out")"
expect_grep "dropped open promise: reported where it stood, with base and commit" \
	"^\./acme\.promise:1:9: error: D-1 was open at the base $base and was deleted in commit $tidy \"Tidy up the Delft file\" without being kept, broken or released \[dropped-promise\]$" "$TMP/out"
expect_grep "dropped: the old header is shown" '^ +1 \| promise D-1: Replace the pump seals' "$TMP/out"
expect_no_grep "dropped after being released: quiet" 'D-2' "$TMP/out"
expect_no_grep "dropped when kept at the base: quiet" 'D-3' "$TMP/out"
expect_no_grep "still there: quiet" 'D-4 was' "$TMP/out"
expect_grep "dropped: the summary counts linted files only" 'in 1 file \(1 promise\)' "$TMP/err"
lint --base HEAD~2 -f json
expect_grep "dropped: JSON has a position and the promise" '"file":"./acme.promise","line":1,"column":9,.*"rule":"dropped-promise".*"promise":"D-1"' "$TMP/out"
# Deleted with its whole file, and deleted in the working tree.
rec D-5 2026-12-05 > other.promise
commit 2026-10-04 "Add D-5"
git rm -q other.promise && commit 2026-10-05 "Remove the other file"
lint --base HEAD~1
expect_grep "dropped with its file: reported at the old path" '^other\.promise:1:9: error: D-5 was open' "$TMP/out"
: > acme.promise
lint --base HEAD
expect_grep "dropped in the working tree: named as uncommitted" 'D-4 was open at the base .* deleted in the uncommitted changes' "$TMP/out"
git checkout -q acme.promise

# --- renamed files and promises moved between files ----------------------------
mkdir "$TMP/renames" && cd "$TMP/renames" && git init -q && mkdir accounts
{ rec R-1 2026-12-01; rec R-2 2026-12-02; } > accounts/acme.promise
rec R-3 2026-12-03 > accounts/delft.promise
commit 2026-10-01 "Record"
git mv accounts/acme.promise accounts/acme-bv.promise && commit 2026-10-02 "Rename the Acme file"
{ rec R-1 2026-12-01; } > accounts/acme-bv.promise
{ rec R-3 2026-12-03; rec R-2 2026-12-02; } > accounts/delft.promise
commit 2026-10-03 "Move R-2 to the Delft file"
mkdir archive && git mv accounts/delft.promise archive/delft.promise && commit 2026-10-04 "Archive Delft"
lint --base HEAD~3
expect_no_grep "renamed file, moved promise: nothing dropped" 'dropped-promise' "$TMP/out"
[ "$rc" = 0 ] && pass "renamed and moved: exit 0" || fail "renamed and moved: exit $rc" "$(cat "$TMP/out")"
# Linting only accounts/: the archive is not linted, so R-2 and R-3 are
# gone from what is linted, but they still stand in the repository.
lint --base HEAD~3 accounts
expect_no_grep "moved out of the linted paths but still committed: not dropped" 'dropped-promise' "$TMP/out"

# --- merges ------------------------------------------------------------------------
mkdir "$TMP/merges" && cd "$TMP/merges" && git init -q
{ rec G-1 2026-12-01; rec G-2 2026-12-02; } > acme.promise
commit 2026-10-01 "Record"
git checkout -q -b side
{ rec G-1 2026-12-11; rec G-2 2026-12-02; } > acme.promise
commit 2026-10-02 "Side: push G-1"
side=$(short HEAD)
git checkout -q main
rec G-9 2026-12-09 > other.promise
commit 2026-10-03 "Main: add G-9"
GIT_AUTHOR_DATE="2026-10-04T09:30:00+01:00" GIT_COMMITTER_DATE="2026-10-04T09:30:00+01:00" \
	git merge -q --no-ff -m "Merge the side branch" side
lint --base HEAD~1
expect_status "merge: exit 0 with a warning" 0 "$PROMISE" lint --base HEAD~1
expect_grep "merge: the move is blamed on the side commit, not the merge" \
	"G-1 was moved from 2026-12-01 to 2026-12-11 in commit $side \"Side: push G-1\"" "$TMP/out"
n=$(grep -c 'moved-due' "$TMP/out")
[ "$n" = 1 ] && pass "merge: reported once" || fail "merge: reported $n times" "$(cat "$TMP/out")"

# --- the default base: the merge base with origin's default branch -------------
cd "$TMP" && git clone -q "$TMP/moves" clone && cd clone
git checkout -q -b feature
sed 's/2026-12-17/2026-12-24/' acme.promise > acme.tmp && mv acme.tmp acme.promise
commit 2026-10-06 "Feature: push M-3"
feature=$(short HEAD)
lint
expect_grep "default base: origin/HEAD's merge base; only the branch's own move" \
	"M-3 was moved from 2026-12-17 to 2026-12-24 in commit $feature" "$TMP/out"
expect_no_grep "default base: older moves on main are not the branch's" 'M-1' "$TMP/out"

# --- pull-request mode ----------------------------------------------------------------
mkdir "$TMP/pr" && cd "$TMP/pr" && git init -q
{ rec P-1 2026-11-01; rec P-2 2026-12-02; } > acme.promise
rec P-3 2026-11-02 > delft.promise
commit 2026-10-01 "Record, with two promises that will fall overdue"
git checkout -q -b change
{ rec P-1 2026-11-01; rec P-2 2026-11-05; } > acme.promise
{ printf 'promise P-4: We will try to help with the pumps\n  by:        Sara Lind\n'
  printf 'this line is not part of the format\n'; } > new.promise
commit 2026-10-05 "Change P-2, add P-4"
lint --changed-since main
expect_grep "pr mode: the changed promise is reported" 'P-2 is overdue' "$TMP/out"
expect_grep "pr mode: the added promise is reported" 'P-4 has no .due:' "$TMP/out"
expect_grep "pr mode: a syntax error of a changed file is reported" 'new\.promise:3:1: error: .*\[syntax-error\]' "$TMP/out"
expect_grep "pr mode: its move since the base is reported" 'P-2 was moved from 2026-12-02 to 2026-11-05' "$TMP/out"
expect_no_grep "pr mode: an unchanged promise in a changed file is not" 'P-1' "$TMP/out"
expect_no_grep "pr mode: a promise in an unchanged file is not" 'P-3' "$TMP/out"
lint
expect_grep "without pr mode: the daily job sees everyone's overdue promises" 'P-3 is overdue' "$TMP/out"
expect_grep "without pr mode: P-1 too" 'P-1 is overdue' "$TMP/out"
git checkout -q main && git checkout -q -b tidy
rec P-2 2026-12-02 > acme.promise
commit 2026-10-06 "Drop P-1"
lint --changed-since main
expect_grep "pr mode: a dropped promise is reported" 'P-1 was open at the base .* deleted in commit' "$TMP/out"
[ "$rc" = 1 ] && pass "pr mode: a dropped promise fails the change" || fail "pr mode: exit $rc"
expect_no_grep "pr mode: P-3 is not this change's" 'P-3' "$TMP/out"
lint --changed-since no-such-branch
[ "$rc" = 2 ] && pass "pr mode: an unknown REF is a usage error" || fail "pr mode: unknown REF exit $rc"
expect_grep "pr mode: unknown REF names it" "^promise: --changed-since 'no-such-branch' names no commit" "$TMP/err"
lint --base no-such-branch
[ "$rc" = 2 ] && pass "an unknown --base is a usage error" || fail "unknown --base exit $rc"

# --- missing made: the day it was first committed ----------------------------------
mkdir "$TMP/made" && cd "$TMP/made" && git init -q
rec F-1 2026-12-01 | grep -v 'made:' > acme.promise
commit 2026-09-14 "Record F-1 without a made date"
{ rec F-1 2026-12-01 | grep -v 'made:'; rec F-2 2026-12-02 | grep -v 'made:'; } > acme.promise
commit 2026-09-20 "Add F-2"
git mv acme.promise acme-bv.promise && commit 2026-09-25 "Rename"
rec F-3 2026-12-03 | grep -v 'made:' >> acme-bv.promise
lint
expect_grep "missing made: the hint gives the first commit's date" 'F-1 has no .made:' "$TMP/out"
expect_grep "missing made: F-1 first committed 2026-09-14" 'first committed on 2026-09-14' "$TMP/out"
expect_grep "missing made: F-2 first committed 2026-09-20 (renames kept)" 'first committed on 2026-09-20' "$TMP/out"
n=$(grep -c 'first committed' "$TMP/out")
[ "$n" = 2 ] && pass "missing made: an uncommitted promise gets the plain hint" || fail "missing made: $n dated hints" "$(cat "$TMP/out")"

# Standard input has no history: linted as it is, quietly.
cd "$TMP/drops"
"$PROMISE" lint --base HEAD~3 - < acme.promise > "$TMP/out" 2> "$TMP/err"
expect_no_grep "standard input: no history findings" 'dropped-promise|moved-due' "$TMP/out"
expect_no_grep "standard input: no note" 'skipped' "$TMP/err"

# --- where the checks cannot run ----------------------------------------------------
mkdir "$TMP/plain" && rec N-1 2026-12-01 > "$TMP/plain/acme.promise"
cd "$TMP/plain"
lint
[ "$rc" = 0 ] && pass "outside a repository: the lint still runs" || fail "outside: exit $rc" "$(cat "$TMP/err")"
n=$(grep -c 'note: git-aware checks skipped' "$TMP/err")
[ "$n" = 1 ] && pass "outside a repository: said once" || fail "outside: said $n times" "$(cat "$TMP/err")"
expect_grep "outside a repository: says why" "skipped: '\.' is not inside a git repository" "$TMP/err"
lint -q
expect_no_grep "outside a repository: --quiet keeps it quiet" 'skipped' "$TMP/err"
lint --no-git
expect_no_grep "--no-git: no note" 'skipped' "$TMP/err"
PROMISE_NO_GIT=1 lint
expect_no_grep "PROMISE_NO_GIT: no note" 'skipped' "$TMP/err"

cd "$TMP" && git clone -q --depth 1 "file://$TMP/drops" shallow && cd shallow
lint --base HEAD~2
n=$(grep -c 'note: git-aware checks skipped' "$TMP/err")
[ "$n" = 1 ] && pass "shallow clone without the base: said once" || fail "shallow: said $n times" "$(cat "$TMP/err")"
expect_grep "shallow clone: says why" "skipped: --base 'HEAD~2' is not in this shallow clone" "$TMP/err"
cp "$TMP/out" "$TMP/shallow.out"; shallow_rc=$rc
lint --changed-since HEAD~1
expect_grep "shallow clone, pr mode: says that everything is reported" 'every promise is reported' "$TMP/err"
lint --no-git
[ "$rc" = "$shallow_rc" ] && pass "shallow clone: the exit status is unaffected" || fail "shallow: exit $shallow_rc vs $rc"
expect_same "shallow clone: everything else is reported as without git" "$TMP/out" "$TMP/shallow.out"
lint
expect_no_grep "shallow clone in step with origin: nothing to skip" 'skipped' "$TMP/err"
