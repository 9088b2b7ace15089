#!/bin/sh
# vague-eval.sh — vague-wording on the labelled texts of tests/vague/ stays
# at or above the floors of tests/vague/floors.txt, in every language; and
# the floors bite: the same run with a configuration that strips cue words
# from the lexicons falls below them.
. tests/e2e/lib.sh

if tests/vague/eval.sh --check tests/vague/floors.txt >"$TMP/eval" 2>&1; then
	pass "vague corpus: every language at or above its floor"
else
	fail "vague corpus: every language at or above its floor" "$(cat "$TMP/eval")"
fi
expect_grep "vague corpus: all three languages measured" '^heldout +sv +due' "$TMP/eval"

cat >"$TMP/weaker.ini" <<'INI'
[vague.en]
remove = try, soon, as soon as possible, some, improve, look into, etc.
[vague.nl]
remove = proberen, binnenkort, zo snel mogelijk, enkele, verbeteren, kijken naar, enz.
[vague.sv]
remove = försöka, snarast, snart, några, förbättra, se över, osv.
INI
if tests/vague/eval.sh --config "$TMP/weaker.ini" --check tests/vague/floors.txt >"$TMP/weak" 2>&1; then
	fail "vague corpus: a weaker lexicon falls below the floors" "$(cat "$TMP/weak")"
else
	pass "vague corpus: a weaker lexicon falls below the floors"
fi
expect_grep "vague corpus: the drop is named" '^below the floor: dev (en|nl|sv) due recall' "$TMP/weak"
