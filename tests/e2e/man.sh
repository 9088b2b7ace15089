#!/bin/sh
# man.sh — the manual pages: they build from their scdoc sources, groff
# has nothing to warn about, promise(1) describes every command and every
# option the binary has, promise-rules(7) every rule, promise(5) every field
# of FORMAT.md, and the examples in promise(5) lint as they say.
. tests/e2e/lib.sh

if make -s BUILD="$BUILD" man > "$TMP/out" 2>&1; then pass "man: the pages build"; else fail "man: the pages build" "$(cat "$TMP/out")"; fi
for page in promise.1 promise.5 promise-rules.7; do
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -E UTF-8 -l "$BUILD/man/$page" > "$TMP/$page.txt" 2> "$TMP/err" </dev/null
	if [ -s "$TMP/$page.txt" ] && [ ! -s "$TMP/err" ]; then pass "man: $page renders without warnings"
	else fail "man: $page renders without warnings" "$(head -n 20 "$TMP/err")"; fi
done

# promise(1): every command, and every option of every command's --help.
"$PROMISE" --list-commands > "$TMP/commands"
expect_grep "man: --list-commands lists lint" '^lint$' "$TMP/commands"
while read -r cmd; do
	expect_grep "promise(1) describes the command $cmd" "^\*$cmd\* " man/promise.1.scd
	"$PROMISE" "$cmd" --help | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' > "$TMP/options"
	while read -r opt; do
		expect_grep "promise(1) describes $cmd $opt" "\*$opt\*" man/promise.1.scd
	done < "$TMP/options"
done < "$TMP/commands"
"$PROMISE" --help | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' > "$TMP/options"
while read -r opt; do
	expect_grep "promise(1) describes $opt" "\*$opt\*" man/promise.1.scd
done < "$TMP/options"

# promise-rules(7): generated, so every rule is there with its code.
"$PROMISE" rules --names > "$TMP/rules"
missing=""
while read -r rule; do
	grep -Eq "^ {3}$rule$" "$TMP/promise-rules.7.txt" || missing="$missing $rule"
done < "$TMP/rules"
if [ -z "$missing" ] && [ -s "$TMP/rules" ]; then pass "promise-rules(7) has a section for every rule"
else fail "promise-rules(7) has a section for every rule" "missing:$missing"; fi
expect_grep "promise-rules(7) shows an example" '^ +due: +2026-11-20 +# today is 2026-11-23, no status$' "$TMP/promise-rules.7.txt"
expect_grep "promise-rules(7) keeps code spans as bold words" '\(status: broken DATE\)' "$TMP/promise-rules.7.txt"
expect_no_grep "promise-rules(7) leaves no Markdown backticks" '`' "$TMP/promise-rules.7.txt"

# promise(5): every field of FORMAT.md's table, and its examples lint as said.
sed -n 's/^| `\([a-z-]*\)` | .* | \(yes\|no\) |$/\1/p' grammar/FORMAT.md > "$TMP/fields"
expect_grep "man: FORMAT.md's field table read" '^in-return$' "$TMP/fields"
while read -r key; do
	expect_grep "promise(5) describes the field $key" "^\*$key\*$" man/promise.5.scd
done < "$TMP/fields"
awk -v dir="$TMP" '
	/^; lint: / { want = substr($0, 9); next }
	/^```$/ && want != "" && !inside { inside = 1; n++; file = dir "/ex" n ".promise"; print want > (dir "/ex" n ".want"); next }
	/^```$/ && inside { inside = 0; want = ""; close(file); next }
	inside { print > file }
' man/promise.5.scd
n=0
for ex in "$TMP"/ex*.promise; do
	n=$((n + 1))
	want=$(cat "${ex%.promise}.want")
	"$PROMISE" lint -f json "$ex" > "$TMP/ex.json" 2>/dev/null
	got=$(python3 -c 'import json,sys; print(",".join(sorted({d["rule"] for d in json.load(open(sys.argv[1]))})))' "$TMP/ex.json")
	case $want in
	clean) want_rules="" ;;
	expect\ *) want_rules=$(echo "${want#expect }" | tr ',' '\n' | LC_ALL=C sort | paste -sd, -) ;;
	*) want_rules="?$want" ;;
	esac
	if [ "$got" = "$want_rules" ]; then pass "promise(5) example $n: $want"
	else fail "promise(5) example $n: $want" "found: ${got:-nothing}" "$(cat "$ex")"; fi
done
[ "$n" -ge 3 ] && pass "promise(5) has linted examples" || fail "promise(5) has linted examples" "found $n"
