#!/bin/sh
# check-build-deps.sh — before compiling: are the headers and tools the build
# needs installed? If not, stop with the exact command that installs them.
missing=""
need_file() { [ -e "$1" ] || missing="$missing $2"; }
need_tool() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_tool re2c re2c
need_file /usr/include/jansson.h libjansson-dev
need_file /usr/include/utf8proc.h libutf8proc-dev
need_file /usr/include/ini.h libinih-dev
[ -z "$missing" ] && exit 0
echo "promise: the build needs:$missing" >&2
echo "promise: run 'make deps' (as root), or: apt-get install$missing" >&2
exit 1
