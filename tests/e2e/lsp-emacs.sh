#!/bin/sh
# lsp-emacs.sh — Emacs in batch mode: promise-mode with eglot (Debian's
# elpa-eglot) against the real `promise lsp`, and flymake without eglot
# (tests/lsp/emacs-client.el does the checks).
. tests/e2e/lib.sh
command -v emacs >/dev/null || { fail "emacs: emacs is missing" "run 'make deps'"; exit 1; }
export WORKDIR="$TMP" PROMISE
timeout 120 emacs --batch -Q -L "$TOP/editor/emacs" -l "$TOP/tests/lsp/emacs-client.el" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
cat "$TMP/out"
if [ $rc -ne 0 ] || ! grep -q '^PASS' "$TMP/out"; then
	fail "emacs: the session ran to the end" "exit status $rc" "$(tail -n 20 "$TMP/err")"
fi
