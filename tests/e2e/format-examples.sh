#!/bin/sh
# format-examples.sh — every example in grammar/FORMAT.md is linted: a block
# marked `promise` must have no findings, `promise expect=a,b` exactly the
# findings of rules a and b.
. tests/e2e/lib.sh

awk -v dir="$TMP" '
	/^```promise/ { n++; f = sprintf("%s/ex%02d.promise", dir, n); e = $0; sub(/^```promise */, "", e);
	                sub(/^expect=/, "", e); print e > (f ".expect"); close(f ".expect"); inblock = 1; next }
	/^```/ && inblock { inblock = 0; close(f); next }
	inblock { print > f }
' grammar/FORMAT.md

count=0
for ex in "$TMP"/ex*.promise; do
	count=$((count + 1))
	name=$(basename "$ex")
	want=$(tr ',' '\n' < "$ex.expect" | sed '/^$/d' | sort -u)
	"$PROMISE" lint -f json "$ex" > "$TMP/out.json" 2> "$TMP/err"
	got=$(grep -o '"rule":"[a-z-]*"' "$TMP/out.json" | sed 's/"rule":"\(.*\)"/\1/' | sort -u)
	if [ "$want" = "$got" ]; then pass "FORMAT.md example $name"; else
		fail "FORMAT.md example $name" "wanted: $(echo $want)" "got: $(echo $got)" "$(cat "$TMP/out.json")"; fi
done
if [ "$count" -ge 5 ]; then pass "FORMAT.md has its examples ($count)"; else fail "FORMAT.md has its examples" "found $count"; fi
