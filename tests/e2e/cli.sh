#!/bin/sh
# cli.sh — the lint command as a user and a CI job meet it: exit codes,
# standard input, recursion, unreadable paths, colour, today, help.
. tests/e2e/lib.sh

# --- exit status ---------------------------------------------------------
expect_status "samples: overdue promises exit 1" 1 "$PROMISE" lint samples/
expect_grep "samples: an overdue finding" '\[overdue\]$' "$TMP/out"
expect_grep "samples: a vague finding" '\[vague-wording\]$' "$TMP/out"
expect_grep "samples: an unrecorded finding" '\[not-recorded\]$' "$TMP/out"
expect_grep "samples: an unreciprocated finding" '\[unreciprocated\]$' "$TMP/out"
expect_grep "samples: summary on stderr" '^[0-9]+ errors?, [0-9]+ warnings?, [0-9]+ info in 7 files \(42 promises\)$' "$TMP/err"
expect_no_grep "samples: no summary on stdout" 'info in [0-9]+ files' "$TMP/out"

cat > "$TMP/clean.promise" <<'P'
promise C-1: Send the signed maintenance contract for the Delft depot
  by:        Jan de Vries
  to:        Petra Jansen (Acme BV)
  made:      2026-11-02
  due:       2026-12-20
  recorded:  email to Petra, 2026-11-02
  in-return: purchase order number by 2026-11-27
P
expect_status "clean file exits 0" 0 "$PROMISE" lint "$TMP/clean.promise"
expect_grep "clean file: zero summary" '^0 errors, 0 warnings, 0 info in 1 file \(1 promise\)$' "$TMP/err"

sed 's/Jan de Vries/the team/' "$TMP/clean.promise" > "$TMP/warn.promise"
expect_status "warnings alone exit 0" 0 "$PROMISE" lint "$TMP/warn.promise"
expect_status "--fail-on warning exits 1" 1 "$PROMISE" lint --fail-on warning "$TMP/warn.promise"
expect_status "--fail-on never exits 0 on errors" 0 "$PROMISE" lint --fail-on never samples/
expect_status "--fail-on bogus is a usage error" 2 "$PROMISE" lint --fail-on sometimes samples/
expect_grep "--fail-on bogus names the value" "sometimes" "$TMP/err"
expect_status "unknown option is a usage error" 2 "$PROMISE" lint --frobnicate samples/
expect_status "unknown format is a usage error" 2 "$PROMISE" lint --format yaml samples/
expect_status "unknown command" 2 "$PROMISE" frobnicate

# --- missing and unreadable paths -----------------------------------------
expect_status "missing path exits 2" 2 "$PROMISE" lint "$TMP/nope.promise" "$TMP/clean.promise"
expect_grep "missing path: message names path and reason" "cannot read '$TMP/nope.promise': No such file or directory" "$TMP/err"
expect_grep "missing path: the other file is still linted" "1 promise" "$TMP/err"
expect_status "read error exits 2" 2 "$PROMISE" lint /proc/self/mem
expect_grep "read error: names the path and the reason" "cannot read '/proc/self/mem': " "$TMP/err"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	mkdir -p "$TMP/locked/sub" && cp "$TMP/clean.promise" "$TMP/locked/sub/" && chmod 000 "$TMP/locked/sub"
	chmod 755 "$TMP"
	expect_status "unreadable directory exits 2" 2 setpriv --reuid=65534 --regid=65534 --clear-groups "$PROMISE" lint "$TMP/locked"
	expect_grep "unreadable directory: permission denied" "cannot read '$TMP/locked/sub': Permission denied" "$TMP/err"
	chmod 755 "$TMP/locked/sub"
fi

# --- standard input ---------------------------------------------------------
expect_status "stdin: '-' reads standard input" 1 sh -c "\"$PROMISE\" lint --stdin-filename acme.promise - < samples/accounts/acme.promise"
expect_grep "stdin: --stdin-filename names it" '^acme\.promise:[0-9]+:[0-9]+: error: ACME-13 is overdue' "$TMP/out"
expect_status "stdin: default name" 1 sh -c "\"$PROMISE\" lint - < samples/accounts/acme.promise"
expect_grep "stdin: default name is <stdin>" '^<stdin>:' "$TMP/out"

# --- recursion -------------------------------------------------------------------
mkdir -p "$TMP/repo/a/b" "$TMP/repo/.hidden" "$TMP/repo/c"
cp "$TMP/clean.promise" "$TMP/repo/a/b/one.promise"
sed 's/C-1/C-2/' "$TMP/clean.promise" > "$TMP/repo/c/two.promise"
sed 's/C-1/C-3/' "$TMP/clean.promise" > "$TMP/repo/.hidden/three.promise"
echo "not a promise file" > "$TMP/repo/a/readme.txt"
ln -s .. "$TMP/repo/a/loop"
(cd "$TMP/repo" && "$PROMISE" lint -f json > "$TMP/out" 2> "$TMP/err"; echo $? > "$TMP/rc")
expect_grep "recursion: no path means the current directory" '^0$' "$TMP/rc"
(cd "$TMP/repo" && "$PROMISE" lint . > /dev/null 2> "$TMP/err")
expect_grep "recursion: two files, two promises" 'in 2 files \(2 promises\)' "$TMP/err"

# --- today -----------------------------------------------------------------------
expect_status "--today before the due date: clean" 0 "$PROMISE" lint --today 2026-11-01 samples/accounts/noordzee-logistiek.promise
expect_status "PROMISE_TODAY is used" 1 env PROMISE_TODAY=2026-11-23 "$PROMISE" lint samples/accounts/noordzee-logistiek.promise
expect_status "--today overrides PROMISE_TODAY" 0 env PROMISE_TODAY=2030-01-01 "$PROMISE" lint --today 2026-11-01 samples/accounts/noordzee-logistiek.promise
expect_status "impossible --today is a usage error" 2 "$PROMISE" lint --today 2026-02-30 samples/
expect_grep "impossible --today: message" "today '2026-02-30' is not a date" "$TMP/err"
expect_status "bad PROMISE_TODAY is a usage error" 2 env PROMISE_TODAY=tomorrow "$PROMISE" lint samples/
cat > "$TMP/edge.promise" <<'P'
promise E-1: Deliver the spare seals for pump P-7
  due:       2026-11-22
P
"$PROMISE" lint --today 2026-11-22 -f json "$TMP/edge.promise" > "$TMP/out"
expect_no_grep "due today is not overdue" '"rule":"overdue"' "$TMP/out"
"$PROMISE" lint --today 2026-11-23 -f json "$TMP/edge.promise" > "$TMP/out"
expect_grep "overdue from the next day on" '"rule":"overdue"' "$TMP/out"

# --- colour ------------------------------------------------------------------------
esc=$(printf '\033')
FORCE_COLOR=1 "$PROMISE" lint samples/ > "$TMP/out" 2>/dev/null
expect_grep "FORCE_COLOR colours text" "$esc\\[" "$TMP/out"
FORCE_COLOR=1 NO_COLOR=1 "$PROMISE" lint --color never samples/ > "$TMP/out" 2>/dev/null
expect_no_grep "--color never wins" "$esc" "$TMP/out"
NO_COLOR=1 script -qec "\"$PROMISE\" lint samples/" /dev/null > "$TMP/out" 2>&1 || true
expect_no_grep "NO_COLOR on a terminal: no colour" "$esc\\[1;31m" "$TMP/out"
FORCE_COLOR=1 "$PROMISE" lint -f json samples/ > "$TMP/out" 2>/dev/null
expect_no_grep "json never carries colour" "$esc" "$TMP/out"
"$PROMISE" lint -f json samples/ > "$TMP/a.json" 2>/dev/null
"$PROMISE" lint -f json samples/ > "$TMP/b.json" 2>/dev/null
expect_same "json is identical run to run" "$TMP/a.json" "$TMP/b.json"

# --- chunking never changes the result --------------------------------------------
"$PROMISE" lint samples/ > "$TMP/a.txt" 2>&1
"$PROMISE" lint --chunk-size 64 samples/ > "$TMP/b.txt" 2>&1
expect_same "64-byte chunks give the same report" "$TMP/a.txt" "$TMP/b.txt"

# --- help, rules, explain, version ---------------------------------------------------
expect_status "--help" 0 "$PROMISE" --help
expect_grep "--help lists lint" '^  lint ' "$TMP/out"
for c in lint rules; do
	expect_status "$c --help" 0 "$PROMISE" $c --help
	expect_grep "$c --help: usage" "^usage: promise $c" "$TMP/out"
done
expect_status "explain --help" 0 "$PROMISE" explain --help
expect_status "--version" 0 "$PROMISE" --version
expect_grep "--version names version and commit" '^promise [0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]+\)$' "$TMP/out"
expect_status "rules" 0 "$PROMISE" rules
expect_grep "rules lists overdue with code and severity" '^  P401  overdue +error ' "$TMP/out"
n=$("$PROMISE" rules --names | wc -l)
if [ "$n" -ge 23 ]; then pass "rules --names lists every rule"; else fail "rules --names lists every rule" "$n names"; fi
expect_status "explain by name" 0 "$PROMISE" explain overdue
expect_grep "explain has a bad example" '^Bad:$' "$TMP/out"
expect_grep "explain has a good example" '^Good:$' "$TMP/out"
expect_status "explain by code" 0 "$PROMISE" explain p101
expect_grep "explain by code finds the rule" '^vague-wording \(P101\)' "$TMP/out"
expect_status "explain unknown rule" 2 "$PROMISE" explain no-such-rule

# --- the rule reference in docs/ is the binary's own --------------------------------
"$PROMISE" rules --markdown > "$TMP/rules.md"
expect_same "docs/rules.md is up to date (make docs)" docs/rules.md "$TMP/rules.md"
