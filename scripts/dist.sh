#!/bin/sh
# dist.sh [BUILD] — BUILD/promise-VERSION.tar.gz, the source tree as it is
# (tracked and new files, not what .gitignore leaves out), with a COMMIT
# file naming the commit it came from, so a build outside git (a Debian
# package build, say) still reports it in `promise --version`. Prints the
# tarball's path.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
version=$(cat VERSION)
name=promise-$version
stage=$build/dist
list=$build/dist.files

top=$(git rev-parse --show-toplevel 2>/dev/null || true)
if [ "$top" = "$(pwd -P)" ]; then
	commit=$(git rev-parse --short=12 HEAD)
	git ls-files --cached --others --exclude-standard --deduplicate > "$list.tmp"
elif [ -f COMMIT ]; then
	commit=$(cat COMMIT)
	find . -path ./build -prune -o -type f -print | sed 's|^\./||' > "$list.tmp"
else
	echo "dist: neither a git work tree nor an unpacked tarball (no COMMIT file)" >&2
	exit 1
fi
while IFS= read -r f; do
	[ -e "$f" ] && [ "$f" != COMMIT ] && echo "$f"
done < "$list.tmp" | LC_ALL=C sort > "$list"
rm -f "$list.tmp"

rm -rf "$stage"
mkdir -p "$stage/$name"
tar -cf - -T "$list" | tar -xf - -C "$stage/$name"
echo "$commit" > "$stage/$name/COMMIT"
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner -czf "$build/$name.tar.gz" "$name"
rm -rf "$stage" "$list"
echo "$build/$name.tar.gz"
