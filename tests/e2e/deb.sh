#!/bin/sh
# deb.sh — the Debian package: `make deb` builds it from a source tarball
# with dpkg-buildpackage -us -uc (tests skipped: nocheck), lintian finds no
# error, and the package installs for real: /usr/bin/promise names the
# commit it was built from, man finds its pages, the completions and editor
# plugins sit in Debian's locations; then dpkg -r removes it and dpkg -P
# purges what is left.

# One machine has one package database: runs of this test from several
# work trees at once take turns.
if [ -z "${PROMISE_DEB_TEST_LOCKED:-}" ]; then
	PROMISE_DEB_TEST_LOCKED=1 exec flock "${TMPDIR:-/tmp}/promise-deb-test.lock" sh "$0" "$@"
fi
. tests/e2e/lib.sh

# The version lives in VERSION; the changelog must agree (debian/rules checks too).
version=$(cat VERSION)
"$PROMISE" --version > "$TMP/version"
expect_grep "--version reports VERSION and a commit" "^promise $version \(commit [0-9a-f]{12}\)$" "$TMP/version"
changelog=$(dpkg-parsechangelog -l debian/changelog -S Version)
if [ "$changelog" = "$version" ]; then pass "debian/changelog is at VERSION ($version)"
else fail "debian/changelog is at VERSION" "changelog $changelog, VERSION $version"; fi

if scripts/deb.sh "$BUILD" > "$TMP/debs" 2> "$TMP/err"; then pass "deb: make deb builds the package"
else fail "deb: make deb builds the package" "$(tail -n 30 "$TMP/err")"; exit 0; fi
deb=$(grep '/promise_[^/]*\.deb$' "$TMP/debs")
expect_grep "deb: named after VERSION" "/promise_$(cat VERSION)_[a-z0-9]+\.deb$" "$TMP/debs"

# lintian: no error (warnings are shown for a person to read).
lintian --fail-on error "$BUILD"/deb/*.changes > "$TMP/lintian" 2>&1
rc=$?
if [ $rc -eq 0 ]; then pass "deb: lintian reports no error"; else fail "deb: lintian reports no error" "$(cat "$TMP/lintian")"; fi
grep '^[EW]:' "$TMP/lintian" | sed 's/^/  lintian: /'

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$TMP/contents"
for f in /usr/bin/promise /usr/share/man/man1/promise.1.gz /usr/share/man/man5/promise.5.gz \
	/usr/share/man/man7/promise-rules.7.gz /usr/share/bash-completion/completions/promise \
	/usr/share/zsh/vendor-completions/_promise /usr/share/fish/vendor_completions.d/promise.fish; do
	expect_grep "deb: holds $f" "^$f$" "$TMP/contents"
done
if [ -d editor/vim ]; then
	expect_grep "deb: holds the Vim package link" '^/usr/share/vim/vimfiles/pack/dist-bundle/start/promise$' "$TMP/contents"
	expect_grep "deb: holds the Neovim package link" '^/usr/share/nvim/site/pack/dist-bundle/start/promise$' "$TMP/contents"
fi
if [ -d editor/emacs ]; then
	expect_grep "deb: holds the Emacs startup file" '^/etc/emacs/site-start.d/50promise.el$' "$TMP/contents"
fi

# --- install it for real, as root, when no promise package is there already -----------
if [ "$(id -u)" != 0 ]; then
	echo "SKIP: deb: installing the package needs root"
	exit 0
fi
if dpkg-query -W -f='${Status}' promise 2>/dev/null | grep -q 'ok installed'; then
	echo "SKIP: deb: a promise package is installed already; this test leaves it alone"
	exit 0
fi
trap 'dpkg -P promise >/dev/null 2>&1; chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
expect_status "deb: dpkg -i installs it" 0 dpkg -i "$deb"
expect_status "deb: /usr/bin/promise --version" 0 /usr/bin/promise --version
commit=$(git rev-parse --short=12 HEAD 2>/dev/null || cat COMMIT)
expect_grep "deb: the packaged binary names the commit it was built from" "^promise $(cat VERSION) \(commit $commit\)$" "$TMP/out"
expect_status "deb: man -w promise" 0 man -w promise
expect_grep "deb: man finds promise(1) in /usr/share/man" '^/usr/share/man/man1/promise\.1\.gz$' "$TMP/out"
expect_status "deb: man -w 5 promise" 0 man -w 5 promise
expect_status "deb: man -w promise-rules" 0 man -w promise-rules
(bash --norc --noprofile -c '. /usr/share/bash-completion/bash_completion; __load_completion promise && complete -p promise') > "$TMP/out" 2>&1
expect_grep "deb: bash-completion loads the completion" '^complete -F _promise promise$' "$TMP/out"
(HOME=$TMP/home XDG_CONFIG_HOME=$TMP/none fish -c 'complete -C "promise explain ove"') > "$TMP/out" 2>&1
expect_grep "deb: fish completes a rule name" '^overdue' "$TMP/out"
zsh -f -c 'autoload -U compinit && compinit -u -D; print -r -- ${^fpath}/_promise(N)' > "$TMP/out" 2>&1
expect_grep "deb: zsh finds _promise on its fpath" '^/usr/share/zsh/vendor-completions/_promise$' "$TMP/out"
: > "$TMP/x.promise"
if [ -d editor/vim ]; then
	ft=$(HOME=$TMP/home nvim --headless -i NONE +'lua io.stdout:write(vim.bo.filetype .. "\n")' +qa "$TMP/x.promise" 2>&1 </dev/null)
	if [ "$ft" = promise ]; then pass "deb: Neovim loads the plugin"; else fail "deb: Neovim loads the plugin" "filetype '$ft'"; fi
fi
if [ -d editor/emacs ]; then
	HOME=$TMP/home emacs --batch --eval "(progn (find-file \"$TMP/x.promise\") (princ (format \"%s\n\" major-mode)))" > "$TMP/out" 2>&1
	expect_grep "deb: Emacs opens .promise files in promise-mode" '^promise-mode$' "$TMP/out"
fi

expect_status "deb: dpkg -r removes it" 0 dpkg -r promise
if [ -e /usr/bin/promise ] || [ -e /usr/share/man/man1/promise.1.gz ] || [ -e /usr/share/bash-completion/completions/promise ]; then
	fail "deb: nothing is left after removal"; else pass "deb: nothing is left after removal"; fi
expect_status "deb: dpkg -P purges its configuration" 0 dpkg -P promise
if dpkg-query -W promise >/dev/null 2>&1 || [ -e /etc/emacs/site-start.d/50promise.el ]; then
	fail "deb: nothing is left after purging"; else pass "deb: nothing is left after purging"; fi
