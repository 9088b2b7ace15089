#!/bin/sh
# io-faults.sh — the real binary when the disk fails it: reads that fail at
# the first byte or half-way, writes that fill the disk or exceed a quota,
# fsync, close and rename that fail. System calls fail through a preload
# library (tests/faults/syscalls.c, built as $BUILD/tests/libfaults.so);
# test_fmt injects the same write-side faults below the command through
# struct fsio_ops. Every one must end with exit 2, a message that names the
# file and the reason, the original byte for byte as it was (and its
# mode), and no temporary file left behind.
. tests/e2e/lib.sh
LIB="$TOP/$BUILD/tests/libfaults.so"
[ -f "$LIB" ] || { fail "io faults: $LIB is missing" "run 'make check'"; exit 1; }
# A sanitized binary wants its runtime first; the preload goes before it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
fault() { LD_PRELOAD="$LIB" FAULT_CALL=$1 FAULT_AFTER=$2 FAULT_ERRNO=$3 FAULT_PATH=$4 "$PROMISE" "$@"; }

mkdir -p "$TMP/w"
printf 'promise W-1: Write me\n   due: 2026-12-01T10:00\n  BY:  Jan\n  note: a line long enough that a write is cut inside it\n' > "$TMP/messy.promise"
# fmt_write CALL AFTER ERRNO REASON: fmt --write under that fault
fmt_write() {
	call=$1 after=$2 err=$3 reason=$4
	name="fmt --write, $call fails ($err${after:+ after $after bytes})"
	cp "$TMP/messy.promise" "$TMP/w/a.promise"
	chmod 640 "$TMP/w/a.promise"
	(cd "$TMP/w" && LD_PRELOAD="$LIB" FAULT_CALL=$call FAULT_AFTER=${after:-0} FAULT_ERRNO=$err \
		FAULT_PATH=a.promise "$PROMISE" fmt --write a.promise > "$TMP/out" 2> "$TMP/err")
	rc=$?
	if [ $rc -eq 2 ]; then pass "$name: exit 2"; else fail "$name: exit 2" "exit $rc" "$(cat "$TMP/err")"; fi
	expect_grep "$name: the file and the reason" "^promise: cannot (read|write) 'a\\.promise': $reason" "$TMP/err"
	expect_same "$name: the original, byte for byte" "$TMP/messy.promise" "$TMP/w/a.promise"
	if [ "$(stat -c %a "$TMP/w/a.promise")" = 640 ] && [ "$(ls -A "$TMP/w")" = a.promise ]; then
		pass "$name: its mode kept, no stray file"; else
		fail "$name: its mode kept, no stray file" "$(ls -lA "$TMP/w")"; fi
}
fmt_write read "" EIO "Input/output error"
fmt_write read 40 EIO "Input/output error"
fmt_write write "" ENOSPC "No space left on device"
fmt_write write 50 ENOSPC "No space left on device"
fmt_write write 7 EDQUOT "Disk quota exceeded"
fmt_write fsync "" EIO "Input/output error"
fmt_write close "" EIO "Input/output error"
fmt_write rename "" EXDEV "Invalid cross-device link"
fmt_write rename "" EROFS "Read-only file system"
expect_grep "fmt --write: a failed write says the file is unchanged" "; the file is unchanged$" "$TMP/err"

# lint: a read error at the first byte, and half-way through a file larger
# than one chunk (after findings were already written).
cp "$TOP/samples/accounts/acme.promise" "$TMP/r.promise"
(cd "$TMP" && LD_PRELOAD="$LIB" FAULT_CALL=read FAULT_PATH=r.promise "$PROMISE" lint -f gcc r.promise > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "lint, read fails at once: exit 2"; else fail "lint, read fails at once: exit 2" "exit $rc"; fi
expect_grep "lint, read fails at once: the file and the reason" "^promise: cannot read 'r\\.promise': Input/output error" "$TMP/err"
(cd "$TMP" && LD_PRELOAD="$LIB" FAULT_CALL=read FAULT_AFTER=1000 FAULT_PATH=r.promise "$PROMISE" lint -f gcc --chunk-size 256 r.promise > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "lint, read fails half-way: exit 2"; else fail "lint, read fails half-way: exit 2" "exit $rc"; fi
expect_grep "lint, read fails half-way: the file and the reason" "^promise: cannot read 'r\\.promise': Input/output error" "$TMP/err"
# A configuration that cannot be read stops the run and is named.
mkdir -p "$TMP/c"
cp "$TMP/r.promise" "$TMP/c/r.promise"
printf '[lint]\nlanguage = en\n' > "$TMP/c/.promise.ini"
(cd "$TMP/c" && LD_PRELOAD="$LIB" FAULT_CALL=read FAULT_PATH=.promise.ini "$PROMISE" lint r.promise > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "lint, the configuration cannot be read: exit 2"; else
	fail "lint, the configuration cannot be read: exit 2" "exit $rc"; fi
expect_grep "lint, the configuration cannot be read: named, with the reason" "cannot read '.*/c/\\.promise\\.ini': Input/output error" "$TMP/c/err"

# --write-baseline onto a full disk keeps the baseline that was there.
(cd "$TMP" && "$PROMISE" lint --write-baseline base.json r.promise > /dev/null 2>&1)
cp "$TMP/base.json" "$TMP/base.orig"
(cd "$TMP" && LD_PRELOAD="$LIB" FAULT_CALL=write FAULT_AFTER=100 FAULT_ERRNO=ENOSPC "$PROMISE" lint --write-baseline base.json r.promise > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "--write-baseline, disk full: exit 2"; else fail "--write-baseline, disk full: exit 2" "exit $rc"; fi
expect_grep "--write-baseline, disk full: named, with the reason" "^promise: cannot write 'base\\.json': No space left on device" "$TMP/err"
expect_same "--write-baseline, disk full: the old baseline, byte for byte" "$TMP/base.orig" "$TMP/base.json"
