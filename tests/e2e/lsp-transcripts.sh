#!/bin/sh
# lsp-transcripts.sh — scripted conversations with `promise lsp`: each
# tests/lsp/NAME.in is sent as framed JSON-RPC, and every message the server
# writes must equal tests/lsp/NAME.out exactly (tests/lsp/transcript.py).
# Regenerate one with `tests/lsp/transcript.py build/promise NAME.in >
# NAME.out` and review the diff.
. tests/e2e/lib.sh
for need in python3 faketime; do
	command -v "$need" >/dev/null || { fail "lsp: $need is missing" "run 'make deps'"; exit 1; }
done
for t in tests/lsp/*.in; do
	name=$(basename "$t" .in)
	if python3 tests/lsp/transcript.py "$PROMISE" "$t" "${t%.in}.out" >"$TMP/diff" 2>&1; then
		pass "lsp transcript: $name"
	else
		fail "lsp transcript: $name" "$(head -n 60 "$TMP/diff")"
	fi
done

# The command around the server.
expect_status "lsp --help" 0 "$PROMISE" lsp --help
expect_grep "lsp --help names --stdio" '--stdio' "$TMP/out"
PROMISE_TODAY=someday expect_status "lsp with a bad PROMISE_TODAY" 2 "$PROMISE" lsp </dev/null
expect_grep "names the bad PROMISE_TODAY" "PROMISE_TODAY 'someday' is not a date" "$TMP/err"
expect_status "lsp rejects arguments" 2 "$PROMISE" lsp extra </dev/null
expect_status "lsp at once at end of input" 1 "$PROMISE" lsp </dev/null
