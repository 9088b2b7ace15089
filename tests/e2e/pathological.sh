#!/bin/sh
# pathological.sh — inputs built to break a parser, and file systems built
# to break a walk. Each must end within its time bound, never with a crash
# or a hang: bad bytes with exit 0 or 1 and a diagnostic where they stand,
# what cannot be read with exit 2 and a message that names it and says
# why. Inputs at scale must take time in proportion to their size
# (`linear`). docs/robustness.md lists them all.
. tests/e2e/lib.sh

# bounded NAME SECONDS FILE: lint FILE (json, so output stays small) in time
bounded() {
	name=$1 secs=$2 file=$3
	timeout "$secs" "$PROMISE" lint -f json "$file" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	case $rc in
	0|1) pass "$name (exit $rc)" ;;
	124) fail "$name" "did not finish within ${secs}s" ;;
	*) fail "$name" "exit status $rc" "$(head -c 2000 "$TMP/err")" ;;
	esac
}

# A 5 MB line inside a record, and one with no newline at all.
{ echo "promise BIG-1: Deliver the archive"; printf '  note: '; head -c 5000000 /dev/zero | tr '\0' 'x'; echo; } > "$TMP/bigline.promise"
bounded "5 MB line" 60 "$TMP/bigline.promise"
expect_grep "5 MB line: the record is still read" '"promise":"BIG-1"' "$TMP/out"
{ printf 'promise BIG-2: '; head -c 5000000 /dev/zero | tr '\0' 'y'; } > "$TMP/nonewline.promise"
bounded "5 MB line without a final newline" 60 "$TMP/nonewline.promise"

# Random bytes, NULs, invalid UTF-8 (overlong, surrogates, truncated).
# (printf escapes are octal: sh's printf has no \x.)
head -c 2000000 /dev/urandom > "$TMP/random.promise"
bounded "2 MB of random bytes" 60 "$TMP/random.promise"
expect_grep "random bytes: syntax errors reported" '"rule":"syntax-error"' "$TMP/out"
printf 'promise N-1: a\0b\n  by: \0\0\0\n\0\0\0\n' > "$TMP/nul.promise"
bounded "embedded NULs" 10 "$TMP/nul.promise"
expect_grep "embedded NULs: diagnosed with a position" '"line":1,"column":15,.*NUL' "$TMP/out"
printf 'promise U-1: \300\257 \355\240\200 \364\220\200\200 \342\202\n  by: \377\n' > "$TMP/utf8.promise"
bounded "invalid UTF-8" 10 "$TMP/utf8.promise"
n=$(grep -o 'invalid UTF-8' "$TMP/out" | wc -l)
if [ "$n" -eq 5 ]; then pass "invalid UTF-8: each bad run reported once"; else fail "invalid UTF-8: each bad run reported once" "$n reports" "$(cat "$TMP/out")"; fi

# A million lines: one record with a million continuation lines, and a
# million short records.
{ echo "promise L-1: Keep the log"; echo "  note: start"; yes "         more of the note" | head -n 1000000; } > "$TMP/deep.promise"
bounded "1,000,000 continuation lines" 120 "$TMP/deep.promise"
awk 'BEGIN { for (i = 0; i < 250000; i++) printf "promise M-%d: Ship part %d\n  by: Sara Lind\n  due: 2026-12-01\n\n", i, i }' > "$TMP/million.promise"
bounded "1,000,000 lines of records" 120 "$TMP/million.promise"
expect_grep "a million lines: the last record is seen" '"promise":"M-249999"' "$TMP/out"

# Mixed line ends and a BOM in the middle.
printf 'promise E-1: a\r\n  by: Jan\n  to: Tom\r  made: 2026-11-01\r\n\357\273\277promise E-2: b\n' > "$TMP/mixed.promise"
bounded "mixed CRLF, LF and CR, and a BOM mid-file" 10 "$TMP/mixed.promise"
expect_grep "stray CR diagnosed" 'carriage return' "$TMP/out"

# --- directories: loops, links that lead nowhere good, no permission ---------
mkdir -p "$TMP/loop/a/b"
printf 'promise L-1: Inside the loop\n  due: soon\n' > "$TMP/loop/a/b/x.promise"
ln -s .. "$TMP/loop/a/b/up"
ln -s . "$TMP/loop/self"
ln -s ../.. "$TMP/loop/a/b/top.promise"
mkfifo "$TMP/loop/a/pipe"
ln -s pipe "$TMP/loop/a/pipe.promise"
ln -s ../nowhere "$TMP/loop/a/gone.promise"
(cd "$TMP" && timeout 10 "$PROMISE" lint -f gcc loop > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "a directory loop, a link to a FIFO, a broken link: the walk ends (exit 2)"; else
	fail "a directory loop, a link to a FIFO, a broken link: the walk ends (exit 2)" "exit $rc" "$(cat "$TMP/err")"; fi
n=$(grep -c 'loop/a/b/x.promise:2:8: warning:.*vague-due' "$TMP/out")
if [ "$n" -eq 1 ]; then pass "a directory loop: the file in it is read once"; else
	fail "a directory loop: the file in it is read once" "read $n times"; fi
expect_grep "a broken link is named, with the reason" "^promise: cannot read 'loop/a/gone.promise': No such file or directory" "$TMP/err"
expect_no_grep "a link to a FIFO is not read (its open would wait for a writer)" 'pipe' "$TMP/err"
