#!/bin/sh
# deb.sh [BUILD] — build the Debian package into BUILD/deb/ from a source
# tarball (scripts/dist.sh), unpacked there: dpkg-buildpackage writes its
# results next to the tree it builds, so it never builds in the work tree.
# Tests are left out of the package build (nocheck); `make check` runs them.
# Prints the paths of the .deb files.
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
for tool in dpkg-buildpackage dh fakeroot; do
	scripts/need "$tool"
done
version=$(cat VERSION)
tarball=$(scripts/dist.sh "$build")
out=$build/deb
rm -rf "$out"
mkdir -p "$out"
tar -xzf "$tarball" -C "$out"
# A make that runs this passes its own command-line variables (BUILD,
# CFLAGS) down in MAKEFLAGS; the package build must not inherit them.
(cd "$out/promise-$version" &&
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" \
		dpkg-buildpackage -us -uc -jauto >../build.log 2>&1) || {
	tail -n 40 "$out/build.log" >&2
	echo "deb: the package build failed; the whole log is $out/build.log" >&2
	exit 1
}
ls "$out"/*.deb
