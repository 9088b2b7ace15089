#!/bin/sh
# init.sh — `promise init`: the starter files, never overwriting one, the
# errors it reports, and the git diff driver it sets up, in a real git
# repository whose diff hunk headers must name the promise that changed.
. tests/e2e/lib.sh

# --- a new directory --------------------------------------------------------
expect_status "init: a new directory" 0 "$PROMISE" init "$TMP/new"
for f in .promise.ini promises/example.promise .gitattributes .github/workflows/promises.yml; do
	if [ -f "$TMP/new/$f" ]; then pass "init: creates $f"; else fail "init: creates $f" "$(ls -la "$TMP/new")"; fi
	expect_grep "init: reports $f as created" "^created +$TMP/new/$f " "$TMP/out"
done
expect_grep "init: outside git, says what to run once it is a repository" "^Once this is a git repository" "$TMP/out"
expect_grep "init: says how to lint it" "^Then lint it: promise lint $TMP/new$" "$TMP/out"
expect_grep "init: prints the git config line" "^  git -C $TMP/new config diff\.promise\.xfuncname '\^promise\[\[:blank:\]:\]\.\*'$" "$TMP/out"

expect_status "init: the example promise lints clean" 0 "$PROMISE" lint "$TMP/new"
expect_grep "init: the example has no findings" '^0 errors, 0 warnings, 0 info in 1 file \(1 promise\)$' "$TMP/err"
expect_grep "init: the example is dated today" '^  made:      2026-11-23$' "$TMP/new/promises/example.promise"
expect_grep "init: the example is kept, so it never falls overdue" '^  status:    kept 2026-11-23$' "$TMP/new/promises/example.promise"
expect_status "init: the example still lints clean a year on" 0 "$PROMISE" lint --today 2027-11-23 "$TMP/new"
expect_grep "init: .gitattributes selects the diff driver" '^\*\.promise diff=promise$' "$TMP/new/.gitattributes"

# The configuration is valid and changes nothing: only comments and blanks.
expect_no_grep "init: .promise.ini has every setting commented out" '^[^#]' "$TMP/new/.promise.ini"
expect_grep "init: .promise.ini offers [rules]" '^#\[rules\]$' "$TMP/new/.promise.ini"
expect_grep "init: .promise.ini offers [people]" '^#\[people\]$' "$TMP/new/.promise.ini"
expect_grep "init: .promise.ini offers [vague.en]" '^#\[vague\.en\]$' "$TMP/new/.promise.ini"

# The workflow is YAML that runs on push, pull requests and a schedule.
python3 - "$TMP/new/.github/workflows/promises.yml" > "$TMP/yaml" 2>&1 <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
on = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
print("triggers:", " ".join(sorted(on)))
print("cron:", on["schedule"][0]["cron"])
steps = doc["jobs"]["lint"]["steps"]
print("lint step:", [s["run"] for s in steps if "run" in s][-1])
PY
expect_grep "init: the workflow runs on push and pull requests and by schedule" '^triggers: pull_request push schedule workflow_dispatch$' "$TMP/yaml"
expect_grep "init: the workflow runs every day" '^cron: 0 6 \* \* \*$' "$TMP/yaml"
expect_grep "init: the workflow lints" '^lint step: promise lint \.$' "$TMP/yaml"

# --- never overwrite --------------------------------------------------------
find "$TMP/new" -type f -exec cksum {} + | sort > "$TMP/before"
expect_status "init again: succeeds" 0 "$PROMISE" init "$TMP/new"
find "$TMP/new" -type f -exec cksum {} + | sort > "$TMP/after"
expect_same "init again: no file changed" "$TMP/before" "$TMP/after"
expect_grep "init again: reports skipped files" "^skipped +$TMP/new/\.gitattributes " "$TMP/out"
expect_no_grep "init again: creates nothing" '^created' "$TMP/out"
expect_no_grep "init again: no hint to lint, as nothing was written" '^Then lint' "$TMP/out"

mkdir -p "$TMP/mine"
printf '*.txt text\n' > "$TMP/mine/.gitattributes"
expect_status "init beside a file of the user's" 0 "$PROMISE" init "$TMP/mine"
expect_grep "init beside a file: it is reported skipped" "^skipped +$TMP/mine/\.gitattributes " "$TMP/out"
printf '*.txt text\n' > "$TMP/expected"
expect_same "init beside a file: the user's file is untouched" "$TMP/expected" "$TMP/mine/.gitattributes"
expect_grep "init beside a file: the rest is created" "^created +$TMP/mine/\.promise\.ini " "$TMP/out"

# --- errors ---------------------------------------------------------------------
printf 'x\n' > "$TMP/plain"
expect_status "init under a regular file exits 2" 2 "$PROMISE" init "$TMP/plain/sub"
expect_grep "init under a regular file: names the path and the reason" "^promise: cannot create '$TMP/plain/sub': Not a directory$" "$TMP/err"
expect_same "init under a regular file: says so once" /dev/null "$TMP/out"
mkdir -p "$TMP/ro/promises"
printf 'x\n' > "$TMP/ro/.github"
expect_status "init with one blocked path exits 2" 2 "$PROMISE" init "$TMP/ro"
expect_grep "init with one blocked path: names it" "^promise: cannot create '$TMP/ro/\.github/workflows': Not a directory$" "$TMP/err"
expect_grep "init with one blocked path: the others are still written" "^created +$TMP/ro/promises/example\.promise " "$TMP/out"
expect_status "init with two directories is a usage error" 2 "$PROMISE" init "$TMP/a" "$TMP/b"
expect_status "init --help" 0 "$PROMISE" init --help
expect_grep "init --help: usage" '^usage: promise init \[DIR\]$' "$TMP/out"
expect_status "init --bogus is a usage error" 2 "$PROMISE" init --bogus
expect_status "init: a bad PROMISE_TODAY is a usage error" 2 env PROMISE_TODAY=someday "$PROMISE" init "$TMP/never"
if [ -e "$TMP/never" ]; then fail "init: a bad PROMISE_TODAY writes nothing"; else pass "init: a bad PROMISE_TODAY writes nothing"; fi

# --- the git diff driver, in a real repository ----------------------------------
repo=$TMP/repo
git init -q "$repo"
git -C "$repo" config user.name "Test"
git -C "$repo" config user.email "test@example.com"
(cd "$repo" && "$PROMISE" init > "$TMP/out" 2>&1)
expect_grep "init in a git repository: says to run the line" '^To have git diff name the promise each change is in, run once:$' "$TMP/out"
line=$(sed -n 's/^  \(git config diff\.promise\..*\)$/\1/p' "$TMP/out")
(cd "$repo" && eval "$line")
cat >> "$repo/promises/example.promise" <<'P'

promise ACME-1: Deliver the revised quote with line-item pricing
  by:        Jan de Vries <jan@example.nl>
  to:        Petra Jansen (Acme BV)
  made:      2026-11-02
  due:       2026-11-20
  recorded:  email "Revised quote" to Petra, 2026-11-02
  in-return: purchase order by 2026-11-27
  note:      prices from the 2026 list
P
git -C "$repo" add -A && git -C "$repo" commit -q -m "promises"
sed -i 's/^  note:      prices from the 2026 list$/  note:      prices from the 2027 list/' "$repo/promises/example.promise"
git -C "$repo" diff > "$TMP/diff"
expect_grep "git diff: the hunk header names the promise changed" '^@@ -[0-9,]+ \+[0-9,]+ @@ promise ACME-1: Deliver the revised quote' "$TMP/diff"
git -C "$repo" checkout -q -- promises/example.promise
sed -i 's/^  status:    kept 2026-11-23$/  status:    kept 2026-11-24/' "$repo/promises/example.promise"
git -C "$repo" diff > "$TMP/diff"
expect_grep "git diff: each hunk names its own promise" '^@@ -[0-9,]+ \+[0-9,]+ @@ promise EXAMPLE-1: ' "$TMP/diff"
git -C "$repo" -c diff.promise.xfuncname= diff > "$TMP/diff-plain"
expect_no_grep "git diff: without the driver, no promise in the header" '^@@ .* @@ promise ACME-1' "$TMP/diff-plain"
