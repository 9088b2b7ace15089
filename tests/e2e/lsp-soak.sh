#!/bin/sh
# lsp-soak.sh — 100,000 random edits and requests against `promise lsp`
# (tests/soak/lsp-soak.py): every request answered once, memory flat after
# the warm-up, a clean exit. About 15 s, 35 s under the sanitizers;
# `make soak SOAK_MESSAGES=N` runs a longer one on its own.
. tests/e2e/lib.sh
command -v python3 >/dev/null || { fail "soak: python3 is missing" "run 'make deps'"; exit 1; }
if python3 tests/soak/lsp-soak.py "$PROMISE" > "$TMP/soak" 2>&1; then
	pass "lsp soak: $(tail -n 1 "$TMP/soak" | sed 's/^soak: //')"
	pass "lsp soak: $(tail -n 2 "$TMP/soak" | head -n 1 | sed 's/^soak: //')"
else
	fail "lsp soak" "$(tail -n 30 "$TMP/soak")"
fi
