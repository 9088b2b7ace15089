#!/bin/sh
# lsp-neovim.sh — Neovim (headless, Debian's 0.7) with its built-in LSP
# client and editor/vim as its runtime path drives the real `promise lsp`
# (tests/lsp/nvim-client.lua does the editing and the checks).
. tests/e2e/lib.sh
command -v nvim >/dev/null || { fail "neovim: nvim is missing" "run 'make deps'"; exit 1; }
export RESULTS="$TMP/results" WORKDIR="$TMP" PROMISE
: >"$RESULTS"
timeout 120 nvim --headless -u NONE -i NONE -n \
	--cmd "set rtp^=$TOP/editor/vim" --cmd 'filetype plugin on' --cmd 'syntax on' \
	-c "luafile $TOP/tests/lsp/nvim-client.lua" >"$TMP/nvim.log" 2>&1
rc=$?
cat "$RESULTS"
if [ $rc -ne 0 ] || ! grep -q '^PASS' "$RESULTS"; then
	fail "neovim: the session ran to the end" "exit status $rc" "$(tail -n 20 "$TMP/nvim.log")"
fi

# Vim: the same runtime files give the filetype, syntax groups and an
# errorformat that reads `promise lint --format gcc` lines.
if command -v vim >/dev/null; then
	printf 'promise A-1: Ship it\n  due: 2026-11-20\n' >"$TMP/a.promise"
	# What `promise lint --format gcc` prints, fed to :make in place of it.
	printf '%s\n' "a.promise:2:8: error: A-1 is overdue: due 2026-11-20, 3 days ago [overdue]" \
		"a.promise:1:9: warning: A-1 has no 'by:' [missing-promiser]" >"$TMP/gcc.txt"
	timeout 60 vim -es -N -u NONE -i NONE --cmd "set rtp^=$TOP/editor/vim" \
		--cmd 'filetype plugin on' --cmd 'syntax on' -c "edit $TMP/a.promise" \
		-c "let &l:makeprg = 'cat $TMP/gcc.txt'" -c 'silent make!' -c 'let q = getqflist()' \
		-c 'call writefile([&filetype, synIDattr(synID(1, 1, 1), "name"), synIDattr(synID(2, 3, 1), "name"), q[0].lnum . ":" . q[0].col . ":" . q[0].type, q[1].lnum . ":" . q[1].col . ":" . q[1].type, q[0].text], "'"$TMP"'/vim.out")' \
		-c 'qa!' >/dev/null 2>&1
	printf '%s\n' promise promiseKeyword promiseKey 2:8:e 1:9:w 'A-1 is overdue: due 2026-11-20, 3 days ago [overdue]' >"$TMP/vim.want"
	expect_same "vim: filetype, syntax and errorformat for --format gcc" "$TMP/vim.want" "$TMP/vim.out"
fi
