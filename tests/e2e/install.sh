#!/bin/sh
# install.sh — `make install` and `make uninstall` under a PREFIX and under
# DESTDIR: the binary runs, `man` finds the pages, the completions are where
# the shells look, and real Vim, Neovim and Emacs load the editor plugins
# from where they were installed. Where the tree has no editor plugins yet,
# a minimal stand-in plugin (a filetype detection, a feature) shows that the
# locations work; the real plugins are checked whenever they are present.
. tests/e2e/lib.sh

make_quiet() { make -s --no-print-directory BUILD="$BUILD" "$@" > "$TMP/make.out" 2>&1; }

# A stand-in editor tree: what an editor plugin needs to be found.
mkdir -p "$TMP/editor/vim/ftdetect" "$TMP/editor/vim/tests" "$TMP/editor/emacs"
echo 'autocmd BufRead,BufNewFile *.promise setfiletype promise' > "$TMP/editor/vim/ftdetect/promise.vim"
echo 'not installed' > "$TMP/editor/vim/README.md"
echo 'not installed' > "$TMP/editor/vim/tests/run.vim"
cat > "$TMP/editor/emacs/promise-mode.el" <<'EL'
;;; promise-mode.el --- stand-in for the install test  -*- lexical-binding: t -*-
(define-derived-mode promise-mode text-mode "Promise")
(provide 'promise-mode)
EL
echo ';; not installed' > "$TMP/editor/emacs/promise-mode-tests.el"
: > "$TMP/x.promise"

# nvim_filetype DATADIRS FILE: the filetype Neovim gives FILE, with no user
# configuration and DATADIRS as the system data directories.
nvim_filetype() {
	XDG_DATA_DIRS=$1 XDG_CONFIG_HOME=$TMP/none XDG_DATA_HOME=$TMP/none HOME=$TMP/home \
		nvim --headless -i NONE +'lua io.stdout:write(vim.bo.filetype .. "\n")' +qa "$2" 2>&1 </dev/null
}
# vim_filetype PACKPATH_DIR FILE: the same for Vim, with PACKPATH_DIR first
# on 'packpath' and filetype detection on, as every vimrc has it.
vim_filetype() {
	rm -f "$TMP/ft"
	HOME=$TMP/home vim -u NORC -N -i NONE --not-a-term --cmd "set packpath^=$1" --cmd 'filetype on' \
		+"call writefile([&filetype], '$TMP/ft')" +qa "$2" >/dev/null 2>&1 </dev/null
	cat "$TMP/ft" 2>/dev/null
}

# --- PREFIX, as a user installs into their home ------------------------------------------
mkdir -p "$TMP/home"
prefix=$TMP/home/.local
if make_quiet install PREFIX="$prefix" EDITORDIR="$TMP/editor"; then pass "install: make install PREFIX=..."
else fail "install: make install PREFIX=..." "$(tail -n 20 "$TMP/make.out")"; fi
expect_status "install: the installed binary runs" 0 "$prefix/bin/promise" --version
expect_grep "install: the installed binary names its commit" "^promise $(cat VERSION) \(commit [0-9a-f]{12}\)$" "$TMP/out"

# man finds the pages from PATH alone: PREFIX/bin is on it, so PREFIX/share/man is searched.
(unset MANPATH; HOME=$TMP/home PATH=$prefix/bin:$PATH man -w promise) > "$TMP/out" 2>&1 </dev/null
expect_grep "install: man -w promise finds the page through PATH" "^$prefix/share/man/man1/promise\.1$" "$TMP/out"
MANPATH=$prefix/share/man man -P cat promise > "$TMP/man" 2>&1 </dev/null
expect_grep "install: man promise shows promise(1)" '^ +promise - lint the promises a team makes' "$TMP/man"
MANPATH=$prefix/share/man man -P cat 5 promise > "$TMP/man" 2>&1 </dev/null
expect_grep "install: man 5 promise shows the format" '^ +promise - the format of \.promise files' "$TMP/man"
MANPATH=$prefix/share/man man -P cat promise-rules > "$TMP/man" 2>&1 </dev/null
expect_grep "install: man promise-rules shows the rules" '^ +unreciprocated$' "$TMP/man"

for f in share/bash-completion/completions/promise share/zsh/site-functions/_promise \
	share/fish/vendor_completions.d/promise.fish; do
	if [ -f "$prefix/$f" ]; then pass "install: $f"; else fail "install: $f"; fi
done
# bash-completion finds completions under XDG_DATA_DIRS by the command name.
(XDG_DATA_DIRS=$prefix/share PATH=$prefix/bin:$PATH bash --norc --noprofile -c '
	. /usr/share/bash-completion/bash_completion
	__load_completion promise && complete -p promise') > "$TMP/out" 2>&1
expect_grep "install: bash-completion loads it on demand" '^complete -F _promise promise$' "$TMP/out"
(PATH=$prefix/bin:$PATH XDG_DATA_DIRS=$prefix/share:/usr/share XDG_CONFIG_HOME=$TMP/none HOME=$TMP/home \
	fish -c 'complete -C "promise explain ove"') > "$TMP/out" 2>&1
expect_grep "install: fish finds it in vendor_completions.d" '^overdue' "$TMP/out"

if [ -f "$prefix/share/promise/vim/promise/ftdetect/promise.vim" ] && [ ! -e "$prefix/share/promise/vim/promise/README.md" ] \
	&& [ ! -e "$prefix/share/promise/vim/promise/tests" ]; then pass "install: the Vim plugin, without its README and tests"
else fail "install: the Vim plugin, without its README and tests" "$(find "$prefix/share/promise" | head)"; fi
ft=$(nvim_filetype "$prefix/share:/usr/share" "$TMP/x.promise")
if [ "$ft" = promise ]; then pass "install: Neovim loads the plugin from PREFIX/share"; else fail "install: Neovim loads the plugin from PREFIX/share" "filetype '$ft'"; fi
ft=$(vim_filetype "$prefix/share/vim/vimfiles" "$TMP/x.promise")
if [ "$ft" = promise ]; then pass "install: Vim loads the plugin from its package"; else fail "install: Vim loads the plugin from its package" "filetype '$ft'"; fi
emacs --batch -Q -L "$prefix/share/emacs/site-lisp/promise" \
	--eval "(progn (require 'promise-mode) (princ (format \"%s\n\" (featurep 'promise-mode))))" > "$TMP/out" 2>&1
expect_grep "install: Emacs loads promise-mode from EMACSDIR" '^t$' "$TMP/out"
if [ -e "$prefix/share/emacs/site-lisp/promise/promise-mode-tests.el" ]; then fail "install: Emacs tests are left out"; else pass "install: Emacs tests are left out"; fi

if make_quiet uninstall PREFIX="$prefix" EDITORDIR="$TMP/editor"; then pass "uninstall: make uninstall"
else fail "uninstall: make uninstall" "$(tail -n 20 "$TMP/make.out")"; fi
find "$prefix" ! -type d > "$TMP/left"
expect_same "uninstall: no file or link is left" /dev/null "$TMP/left"
rm -rf "$TMP/home"

# --- DESTDIR, with the locations debian/rules asks for -----------------------------------
stage=$TMP/stage
if make_quiet install DESTDIR="$stage" PREFIX=/usr ZSHCOMPDIR=/usr/share/zsh/vendor-completions \
	VIMPACK=dist-bundle EDITORDIR="$TMP/editor"; then pass "install: DESTDIR"
else fail "install: DESTDIR" "$(tail -n 20 "$TMP/make.out")"; fi
for f in usr/bin/promise usr/share/man/man1/promise.1 usr/share/man/man5/promise.5 \
	usr/share/man/man7/promise-rules.7 usr/share/zsh/vendor-completions/_promise \
	usr/share/vim/vimfiles/pack/dist-bundle/start/promise/ftdetect/promise.vim \
	usr/share/nvim/site/pack/dist-bundle/start/promise/ftdetect/promise.vim \
	usr/share/emacs/site-lisp/promise/promise-mode.el; do
	if [ -f "$stage/$f" ]; then pass "install: DESTDIR holds /$f"; else fail "install: DESTDIR holds /$f"; fi
done
find "$stage" -type l -exec readlink {} + > "$TMP/links"
expect_no_grep "install: links are relative, so they hold after DESTDIR" '^/' "$TMP/links"
ft=$(vim_filetype "$stage/usr/share/vim/vimfiles" "$TMP/x.promise")
if [ "$ft" = promise ]; then pass "install: Vim loads the plugin from Debian's location"; else fail "install: Vim loads the plugin from Debian's location" "filetype '$ft'"; fi
ft=$(nvim_filetype "$stage/usr/share" "$TMP/x.promise")
if [ "$ft" = promise ]; then pass "install: Neovim loads the plugin from Debian's location"; else fail "install: Neovim loads the plugin from Debian's location" "filetype '$ft'"; fi

# --- the real plugins, once the tree has them ---------------------------------------------
if [ -d editor/vim ]; then
	real=$TMP/real
	make_quiet install PREFIX="$real"
	ft=$(nvim_filetype "$real/share:/usr/share" "$TMP/x.promise")
	if [ "$ft" = promise ]; then pass "install: Neovim loads editor/vim from PREFIX"; else fail "install: Neovim loads editor/vim from PREFIX" "filetype '$ft'"; fi
fi
if [ -d editor/emacs ]; then
	real=$TMP/real
	make_quiet install PREFIX="$real"
	emacs --batch -Q -L "$real/share/emacs/site-lisp/promise" \
		--eval "(progn (require 'promise-mode) (princ (format \"%s\n\" (featurep 'promise-mode))))" > "$TMP/out" 2>&1
	expect_grep "install: Emacs loads editor/emacs from PREFIX" '^t$' "$TMP/out"
fi
