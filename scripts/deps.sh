#!/bin/sh
# deps.sh — install the Debian packages listed in scripts/deps.txt that are
# missing. Needs root (or sudo) and apt; prints the exact command otherwise.
set -eu
cd "$(dirname "$0")/.."
pkgs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/deps.txt | awk '{print $1}')
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO=sudo; else
	echo "deps: run as root: apt-get install$missing" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
