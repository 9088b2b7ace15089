#!/bin/sh
# install-editors.sh install|uninstall [EDITORDIR] — the editor plugins of
# `make install`. Environment: DATADIR (required), EMACSDIR (required),
# VIMPACK (the Vim package name, default promise), DESTDIR.
#
# Each EDITORDIR/vim*/ tree (its README, *.md and test* dirs left out) is a
# Vim/Neovim add-on: vim/ installs as "promise", vim-NAME/ as "promise-NAME",
# into DATADIR/promise/vim/, and a relative link to it goes into the start
# directory of a Vim package for Vim (DATADIR/vim/vimfiles/pack/VIMPACK/
# start) and one for Neovim (DATADIR/nvim/site/pack/VIMPACK/start), so both
# load it without a plugin manager. EDITORDIR/emacs/*.el (not *-test.el or
# *-tests.el) go into EMACSDIR. A tree that is not there is skipped.
set -eu
action=$1
src=${2:-editor}
: "${DATADIR:?}" "${EMACSDIR:?}"
VIMPACK=${VIMPACK:-promise}
D=${DESTDIR:-}
addons=$DATADIR/promise/vim
starts="$DATADIR/vim/vimfiles/pack/$VIMPACK/start $DATADIR/nvim/site/pack/$VIMPACK/start"

plugin_files() {
	(cd "$1" && find . -type f ! -name 'README*' ! -name '*.md' ! -path './test*' | sed 's|^\./||' | LC_ALL=C sort)
}

emacs_files() {
	for f in "$src"/emacs/*.el; do
		case $f in *-test.el | *-tests.el) continue ;; esac
		[ -f "$f" ] && echo "$f"
	done
	return 0
}

case $action in
install)
	for dir in "$src"/vim*/; do
		[ -d "$dir" ] || continue
		name=$(basename "$dir")
		name=promise${name#vim}
		echo "  VIM     $dir -> $addons/$name"
		plugin_files "$dir" | while IFS= read -r f; do
			install -D -m 644 "$dir$f" "$D$addons/$name/$f"
		done
		for start in $starts; do
			install -d "$D$start"
			ln -sfn "$(realpath -m --relative-to="$start" "$addons/$name")" "$D$start/$name"
		done
	done
	emacs_files | while IFS= read -r f; do
		echo "  EMACS   $f -> $EMACSDIR"
		install -D -m 644 "$f" "$D$EMACSDIR/$(basename "$f")"
	done
	;;
uninstall)
	for start in $starts; do
		rm -f "$D$start/promise" "$D$start"/promise-*
		rmdir "$D$start" "$D${start%/start}" 2>/dev/null || true
	done
	rm -rf "$D$addons"
	rmdir "$D$DATADIR/promise" 2>/dev/null || true
	emacs_files | while IFS= read -r f; do
		rm -f "$D$EMACSDIR/$(basename "$f")"
	done
	rmdir "$D$EMACSDIR" 2>/dev/null || true
	;;
*)
	echo "usage: install-editors.sh install|uninstall [EDITORDIR]" >&2
	exit 2
	;;
esac
