#!/bin/sh
# ci-adoption.sh — what a team meets when it adopts promise in CI: the
# .promise.ini found per file up to the repository root, configuration
# errors, --select/--ignore, --statistics and --quiet, a repository of 200
# flawed promises adopted through a baseline that then fails only on a new
# problem, the pre-commit hook run by Debian's pre-commit (try-repo), and
# the workflow templates' own commands.
. tests/e2e/lib.sh

PY=/usr/bin/python3
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP/home"
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global safe.directory '*'

good() { # good ID: a promise with no findings
	printf 'promise %s: Send the signed maintenance contract for the Delft depot\n  by:        Jan de Vries\n  to:        Petra Jansen (Acme BV)\n  made:      2026-11-02\n  due:       2026-12-20\n  recorded:  email to Petra, 2026-11-02\n  in-return: purchase order number by 2026-11-27\n' "$1"
}

# --- discovery: nearest .promise.ini, never above the repository ---------------------
R="$TMP/outer/repo"
mkdir -p "$R/team-a/deep" "$R/team-b"
printf '[rules]\nmissing-made = error\n' > "$TMP/outer/.promise.ini"   # above the repo: ignored
git init -q "$R"
printf '[rules]\nmissing-made = off\n' > "$R/.promise.ini"
printf '[rules]\nmissing-made = info\n' > "$R/team-b/.promise.ini"
good A-1 | sed '/made:/d' > "$R/team-a/deep/a.promise"
good B-1 | sed '/made:/d' > "$R/team-b/b.promise"
(cd "$R" && "$PROMISE" lint -f gcc . > "$TMP/out" 2> "$TMP/err")
expect_no_grep "config: the repository's file turns missing-made off for team-a" 'a\.promise.*missing-made' "$TMP/out"
expect_grep "config: the nearest file wins for team-b" 'b\.promise:1:9: info: .*\[missing-made\]' "$TMP/out"
(cd "$R/team-a/deep" && "$PROMISE" lint -f gcc a.promise > "$TMP/out" 2>&1)
expect_no_grep "config: found from a subdirectory" 'missing-made' "$TMP/out"
(cd "$R" && "$PROMISE" lint -f gcc --no-config team-a > "$TMP/out" 2>&1)
expect_grep "config: --no-config uses the defaults" 'warning: .*\[missing-made\]' "$TMP/out"
printf '[rules]\nmissing-made = error\n' > "$TMP/other.ini"
expect_status "config: --config FILE applies to every file" 1 "$PROMISE" lint -f gcc --config "$TMP/other.ini" "$R"
expect_grep "config: --config FILE's severity" 'b\.promise:1:9: error: .*\[missing-made\]' "$TMP/out"
(cd "$R" && "$PROMISE" lint -f gcc - < team-b/b.promise > "$TMP/out" 2>&1)
expect_no_grep "config: standard input uses the current directory's" 'missing-made' "$TMP/out"
(cd "$R" && "$PROMISE" lint -f gcc --stdin-filename team-b/x.promise - < team-b/b.promise > "$TMP/out" 2>&1)
expect_grep "config: --stdin-filename's directory decides" 'x\.promise:1:9: info: ' "$TMP/out"

printf '[lint]\nlanguage = en\n\n[rules]\noverdue = sometimes\n' > "$TMP/bad.ini"
expect_status "config: a bad value exits 2" 2 "$PROMISE" lint --config "$TMP/bad.ini" "$R"
expect_grep "config: file:line and what is wrong" "^promise: $TMP/bad.ini:5: 'overdue' takes error, warning, info or off, not 'sometimes'\$" "$TMP/err"
printf '[rules]\nmissing-made = of\n' > "$R/team-b/.promise.ini"
expect_status "config: a bad discovered file exits 2" 2 "$PROMISE" lint "$R"
expect_grep "config: names the discovered file and line" "team-b/.promise.ini:2: 'missing-made' takes" "$TMP/err"
printf '[rules]\nmissing-made = info\n' > "$R/team-b/.promise.ini"
expect_status "config: a missing --config file exits 2" 2 "$PROMISE" lint --config "$TMP/none.ini" "$R"
expect_grep "config: cannot read, with the reason" "cannot read '$TMP/none.ini': No such file or directory" "$TMP/err"
expect_status "config: --config and --no-config exclude each other" 2 "$PROMISE" lint --config "$TMP/other.ini" --no-config "$R"

# --- selection, statistics, quiet --------------------------------------------------------------
expect_status "--select keeps only the named rules" 1 "$PROMISE" lint --no-config -f gcc --select overdue,P101 samples/
expect_no_grep "--select: nothing else" '\[(missing|not-recorded|unreciprocated|due-soon)' "$TMP/out"
expect_grep "--select: by code too" '\[vague-wording\]$' "$TMP/out"
expect_status "--ignore drops rules" 0 "$PROMISE" lint --no-config -f gcc --ignore overdue,syntax-error,invalid-date,date-order,duplicate-id,dangling-reference,invalid-status samples/
expect_no_grep "--ignore: no overdue" '\[overdue\]' "$TMP/out"
expect_status "--select with an unknown rule exits 2" 2 "$PROMISE" lint --select overdo samples/
expect_grep "--select: names the unknown rule" "no rule named 'overdo'" "$TMP/err"
expect_status "--statistics" 1 "$PROMISE" lint --no-config -f json --statistics samples/
expect_grep "--statistics: a count per rule on stderr" '^ +[0-9]+  P401  overdue$' "$TMP/err"
expect_grep "--statistics: a total" '^ +[0-9]+  total$' "$TMP/err"
$PY -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/out" && pass "--statistics leaves stdout to the report" || fail "--statistics leaves stdout to the report"
expect_status "--quiet" 1 "$PROMISE" lint --no-config --quiet samples/
if [ -s "$TMP/err" ]; then fail "--quiet: nothing on stderr" "$(cat "$TMP/err")"; else pass "--quiet: nothing on stderr"; fi

# --- adoption: 200 flawed promises, a baseline, then only new problems fail ---------------------------
B="$TMP/old"
mkdir -p "$B/accounts"
git init -q "$B"
i=1
while [ $i -le 200 ]; do
	f="$B/accounts/part$((i % 8)).promise"
	case $((i % 4)) in
	0) printf 'promise OLD-%d: Try to improve the quote tool as soon as possible\n  by:        the team\n  due:       2026-10-%02d\n\n' $i $((i % 28 + 1)) >> "$f" ;;
	1) printf 'promise OLD-%d: Deliver some spare seals\n  by:        Sara Lind\n  to:        Tom Bakker\n  due:       2026-11-0%d\n  stauts:    open\n\n' $i $((i % 9 + 1)) >> "$f" ;;
	2) printf 'promise OLD-%d: Replace pump P-%d at the Delft site\n  by:        Jan de Vries\n  made:      2026-02-30\n  in-return: ACME-%d\n\n' $i $i $i >> "$f" ;;
	3) printf 'promise OLD-%d: Call Petra back about invoice %d\n  due:       soon\n\n' $i $i >> "$f" ;;
	esac
	i=$((i + 1))
done
(cd "$B" && git add -A && git commit -qm "old promises")
n_before=$("$PROMISE" lint --no-config -f gcc "$B" 2>/dev/null | wc -l)
if [ "$n_before" -ge 400 ]; then pass "adoption: the old repository has many findings ($n_before)"; else fail "adoption: the old repository has many findings" "$n_before"; fi
expect_status "adoption: --write-baseline records them and exits 0" 0 sh -c "cd '$B' && '$PROMISE' lint --write-baseline .promise-baseline.json ."
expect_grep "adoption: says how many it recorded" "^promise: recorded $n_before findings in .promise-baseline.json\$" "$TMP/err"
(cd "$B" && git add -A && git commit -qm "adopt promise lint")
expect_status "adoption: with the baseline the repository is clean" 0 sh -c "cd '$B' && '$PROMISE' lint --baseline .promise-baseline.json --fail-on info ."
expect_grep "adoption: the baseline hid them all" "the baseline hid $n_before findings\$" "$TMP/err"
# Edits that move promises: a header comment in every file, a promise moved to another file.
for f in "$B"/accounts/*.promise; do { printf '# Moved around in review.\n\n\n'; cat "$f"; } > "$f.new" && mv "$f.new" "$f"; done
awk '/^promise OLD-5:/{p=1} p&&/^$/{print; p=0; next} p' "$B/accounts/part5.promise" > "$TMP/old5"
awk '/^promise OLD-5:/{p=1} p&&/^$/{p=0; next} !p' "$B/accounts/part5.promise" > "$TMP/rest" && mv "$TMP/rest" "$B/accounts/part5.promise"
cat "$TMP/old5" >> "$B/accounts/part0.promise"
expect_status "adoption: moved promises stay quiet" 0 sh -c "cd '$B' && '$PROMISE' lint --baseline .promise-baseline.json --fail-on info ."
# One new problem fails, and only it is reported.
printf 'promise NEW-1: Deliver the new valves\n  by:        Sara Lind\n  to:        Tom Bakker\n  made:      2026-11-01\n  due:       2026-11-15\n  recorded:  mail\n  in-return: purchase order 12\n' >> "$B/accounts/part3.promise"
expect_status "adoption: a new overdue promise fails" 1 sh -c "cd '$B' && '$PROMISE' lint --baseline .promise-baseline.json -f gcc ."
n=$(grep -c . "$TMP/out")
if [ "$n" = 1 ] && grep -q 'NEW-1 is overdue' "$TMP/out"; then pass "adoption: only the new problem is reported"; else fail "adoption: only the new problem is reported" "$(cat "$TMP/out")"; fi
# A fixed old problem leaves a stale entry, which is said.
sed -i 's/stauts:/status:/' "$B/accounts/part1.promise"
(cd "$B" && "$PROMISE" lint --baseline .promise-baseline.json . > /dev/null 2> "$TMP/err")
expect_grep "adoption: fixed findings are pointed out" 'match nothing any more' "$TMP/err"
cp "$B/.promise-baseline.json" "$TMP/bl1"
(cd "$B" && "$PROMISE" lint --write-baseline .promise-baseline.json . 2>/dev/null && "$PROMISE" lint --write-baseline "$TMP/bl2" . 2>/dev/null)
expect_same "adoption: the baseline is the same bytes run to run" "$B/.promise-baseline.json" "$TMP/bl2"
echo '{"promise-baseline": 7}' > "$TMP/badbl.json"
expect_status "adoption: a file that is not a baseline exits 2" 2 "$PROMISE" lint --baseline "$TMP/badbl.json" "$B"
expect_grep "adoption: says why" "badbl.json: not a promise baseline" "$TMP/err"
chmod 555 "$B"
if [ "$(id -u)" != 0 ]; then
	expect_status "adoption: an unwritable baseline exits 2" 2 sh -c "cd '$B' && '$PROMISE' lint --write-baseline .promise-baseline.json ."
fi
chmod 755 "$B"

# --- pre-commit, with Debian's pre-commit and try-repo ---------------------------------------------
H="$TMP/hooks"
mkdir -p "$H"
cp .pre-commit-hooks.yaml "$H/"
git init -q "$H" && (cd "$H" && git add -A && git commit -qm hooks)
P="$TMP/team"
git init -q "$P"
good T-1 > "$P/ok.promise"
(cd "$P" && git add -A && git commit -qm start)
export PRE_COMMIT_HOME="$TMP/pre-commit-home"
BIN=$(dirname "$PROMISE")
expect_status "pre-commit: the hook passes a clean repository" 0 sh -c "cd '$P' && PATH='$BIN':\$PATH pre-commit try-repo '$H' promise-lint --all-files"
expect_grep "pre-commit: the hook ran" 'promise lint\.+Passed' "$TMP/out"
good T-2 | sed 's/2026-12-20/2026-11-01/' > "$P/late.promise"
(cd "$P" && git add late.promise)
expect_status "pre-commit: an overdue promise fails the hook" 1 sh -c "cd '$P' && PATH='$BIN':\$PATH pre-commit try-repo '$H' promise-lint"
expect_grep "pre-commit: the finding is shown" 'late\.promise:5:14: error: T-2 is overdue' "$TMP/out"
expect_no_grep "pre-commit: only the staged promise file" 'ok\.promise' "$TMP/out"

# --- the workflow templates ------------------------------------------------------------------------------
cat > "$TMP/wf.py" <<'PY'
import sys, yaml
gh = yaml.safe_load(open("integrations/github/promises.yml"))
on = gh.get("on", gh.get(True))
assert "pull_request" in on and on["schedule"][0]["cron"], on
jobs = gh["jobs"]
assert set(jobs) == {"pull-request", "daily"}, jobs
runs = lambda job: [s.get("run", "") for s in jobs[job]["steps"]]
uses = lambda job: [s.get("uses", "") for s in jobs[job]["steps"]]
assert any("--changed-since" in r and "--format sarif" in r for r in runs("pull-request"))
assert any("--select syntax-error" in r for r in runs("pull-request"))
assert any("--select overdue" in r for r in runs("daily"))
for j in jobs:
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses(j)), j
gl = yaml.safe_load(open("integrations/gitlab/promises.gitlab-ci.yml"))
cq = gl["promises-code-quality"]
assert cq["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
assert any("--format gitlab" in s for s in cq["script"])
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
assert hooks[0]["id"] == "promise-lint" and hooks[0]["language"] == "system"
# the commands the daily job and the GitLab jobs run, for the test to run
for j in ("daily",):
    for r in runs(j):
        if r.startswith("promise "):
            print(" ".join(r.split()))
for s in cq["script"] + gl["promises-overdue"]["script"]:
    print(s)
PY
if $PY "$TMP/wf.py" > "$TMP/commands" 2> "$TMP/err"; then pass "templates: the workflows have the jobs and steps described"; else fail "templates: the workflows have the jobs and steps described" "$(cat "$TMP/err")"; fi
PATH="$BIN:$PATH"   # the templates call the installed `promise`
W="$TMP/wf"
mkdir -p "$W" && cp samples/accounts/acme.promise "$W/"
(cd "$W" && sh -c "$(sed -n 1p "$TMP/commands")") > /dev/null 2>&1
expect_status "templates: the daily SARIF is valid" 0 $PY -c 'import json,sys,jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' "$TOP/../shared/schemas/sarif-schema-2.1.0.json" "$W/promises.sarif"
expect_status "templates: the daily overdue step fails on an overdue promise" 1 sh -c "cd '$W' && $(sed -n 2p "$TMP/commands")"
expect_status "templates: the GitLab report step succeeds" 0 sh -c "cd '$W' && $(sed -n 3p "$TMP/commands")"
expect_status "templates: its report is valid Code Quality" 0 $PY -c 'import json,sys,jsonschema; jsonschema.Draft7Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))' "$TOP/../shared/schemas/gitlab-codequality.schema.json" "$W/gl-code-quality-report.json"
expect_status "templates: the GitLab overdue job fails on an overdue promise" 1 sh -c "cd '$W' && $(sed -n 4p "$TMP/commands")"

# --- the configuration example of FORMAT.md is a valid configuration ---------------------------------
awk '/^```ini/{p=1; next} /^```/{p=0} p' grammar/FORMAT.md > "$TMP/example.ini"
if grep -q '^\[people\]' "$TMP/example.ini"; then pass "FORMAT.md has a configuration example"; else fail "FORMAT.md has a configuration example"; fi
expect_status "FORMAT.md's configuration example is accepted" 0 "$PROMISE" lint --config "$TMP/example.ini" --fail-on never samples/accounts/acme.promise
