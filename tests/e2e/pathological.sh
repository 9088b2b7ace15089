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

# --- at scale, in time proportional to the size ------------------------------
# linear NAME SMALL BIG FACTOR [LINT ARGS...]: BIG holds FACTOR times what
# SMALL holds; linting it may take at most 4 x FACTOR times as long, plus a
# second (generous: a quadratic step would take FACTOR times longer still).
ms() { s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(((e - s) / 1000000)); }
linear() {
	name=$1 small=$2 big=$3 factor=$4; shift 4
	t1=$(ms "$PROMISE" lint -f json "$@" "$small")
	t2=$(ms "$PROMISE" lint -f json "$@" "$big")
	bound=$((4 * factor * (t1 > 20 ? t1 : 20) + 1000))
	if [ "$t2" -le "$bound" ]; then pass "$name: ${t2} ms, ${t1} ms for 1/$factor of it"; else
		fail "$name: time grows faster than the size" "${t1} ms for 1/$factor, ${t2} ms for all (bound $bound ms)"; fi
}

# A 100 MB line.
{ echo "promise BIG-3: Deliver the archive"; printf '  note: '; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } > "$TMP/line10.promise"
{ echo "promise BIG-3: Deliver the archive"; printf '  note: '; head -c 100000000 /dev/zero | tr '\0' 'x'; echo; } > "$TMP/line100.promise"
bounded "100 MB line" 120 "$TMP/line100.promise"
expect_grep "100 MB line: its record is judged" '"line":1,"column":9,.*"rule":"missing-due"' "$TMP/out"
linear "100 MB line" "$TMP/line10.promise" "$TMP/line100.promise" 10
rm -f "$TMP/line10.promise" "$TMP/line100.promise"

# 1,000,000 fields in one record (user fields: never flagged, so the
# report stays small).
{ echo "promise F-1: Keep a very long record"; yes '  x-part: valve' | head -n 100000; } > "$TMP/fields100k.promise"
{ echo "promise F-1: Keep a very long record"; yes '  x-part: valve' | head -n 1000000; echo '  due: soon'; } > "$TMP/fields1m.promise"
bounded "1,000,000 fields in one record" 120 "$TMP/fields1m.promise"
expect_grep "1,000,000 fields: the field after them is read" '"line":1000002,"column":8,.*"rule":"vague-due"' "$TMP/out"
linear "1,000,000 fields in one record" "$TMP/fields100k.promise" "$TMP/fields1m.promise" 10

# 1,000,000 records, one ID given twice at the very end.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "promise R-%d: Ship part %d\n", i, i; print "promise R-5: again" }' > "$TMP/rec100k.promise"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "promise R-%d: Ship part %d\n", i, i; print "promise R-5: again" }' > "$TMP/rec1m.promise"
timeout 120 "$PROMISE" lint -f json --select duplicate-id,syntax-error "$TMP/rec1m.promise" > "$TMP/out" 2>&1
expect_grep "1,000,000 records: the duplicate at the end, against the first" '"line":1000001,"column":9,.*first defined on line 6' "$TMP/out"
linear "1,000,000 records" "$TMP/rec100k.promise" "$TMP/rec1m.promise" 10 --select duplicate-id,syntax-error
{ echo "promise L-2: Keep the log"; echo "  note: start"; yes "         more of the note" | head -n 100000; } > "$TMP/deep100k.promise"
linear "1,000,000 continuation lines" "$TMP/deep100k.promise" "$TMP/deep.promise" 10
rm -f "$TMP"/rec*.promise "$TMP"/fields*.promise "$TMP"/deep*.promise "$TMP/million.promise"

# --- every byte, every broken character --------------------------------------
# Every byte value (but LF) in a field of its own: NUL, the lone CR and each
# byte from 0x80 on are diagnosed where they stand; the rest is text.
awk 'BEGIN { print "promise B-1: Every byte value in a field of its own"; for (b = 0; b < 256; b++) if (b != 10) printf "  x-b%03d: a%cz\n", b, b }' > "$TMP/bytes.promise"
bounded "every byte value" 10 "$TMP/bytes.promise"
"$PROMISE" lint -f gcc "$TMP/bytes.promise" > "$TMP/gcc" 2>/dev/null
expect_grep "every byte: the NUL, where it stands" ':2:12: error: embedded NUL byte' "$TMP/gcc"
expect_grep "every byte: the lone CR, where it stands" ':14:12: error: carriage return without a line feed' "$TMP/gcc"
n=$(grep -c ':12: error: invalid UTF-8: byte 0x[89A-F][0-9A-F] does not start' "$TMP/gcc")
if [ "$n" -eq 128 ]; then pass "every byte: each of 0x80-0xFF reported alone, at its column"; else
	fail "every byte: each of 0x80-0xFF reported alone, at its column" "$n reports"; fi

# Lone surrogates (high, low), a surrogate pair spelled as two (CESU-8),
# overlong forms of 2, 3 and 4 bytes, one past U+10FFFF; U+10FFFF is fine.
printf 'promise U-2: Lone surrogates and overlong forms\n  x-hi: a\355\240\200z\n  x-lo: a\355\277\277z\n  x-pair: a\355\240\275\355\270\200z\n  x-over2: a\301\277z\n  x-over3: a\340\201\201z\n  x-over4: a\360\200\201\201z\n  x-max: a\364\220\200\200z\n  x-ok: a\364\217\277\277z\n' > "$TMP/surrogates.promise"
"$PROMISE" lint -f gcc "$TMP/surrogates.promise" > "$TMP/gcc" 2>/dev/null
grep 'invalid UTF-8' "$TMP/gcc" | sed 's/^[^:]*://' > "$TMP/got"
cat > "$TMP/want" <<'END'
2:10: error: invalid UTF-8: byte 0xED does not start a valid character [syntax-error]
3:10: error: invalid UTF-8: byte 0xED does not start a valid character [syntax-error]
4:12: error: invalid UTF-8: byte 0xED does not start a valid character [syntax-error]
5:13: error: invalid UTF-8: byte 0xC1 does not start a valid character [syntax-error]
6:13: error: invalid UTF-8: byte 0xE0 does not start a valid character [syntax-error]
7:13: error: invalid UTF-8: byte 0xF0 does not start a valid character [syntax-error]
8:11: error: invalid UTF-8: byte 0xF4 does not start a valid character [syntax-error]
END
expect_same "lone surrogates, CESU-8 and overlong forms: one report each, where they start" "$TMP/want" "$TMP/got"

# --- files that change while they are read -----------------------------------
# A writer appends records while the linter reads: every run ends, with a
# report (JSON) of the prefix the file had when it was opened.
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "promise G-%d: there from the start\n", i }' > "$TMP/grow.promise"
(
	i=0
	while [ $i -lt 300 ]; do
		awk -v i=$i 'BEGIN { for (k = 0; k < 2000; k++) printf "promise W-%d-%d: appended while read\n", i, k }' >> "$TMP/grow.promise"
		i=$((i + 1))
	done
) &
writer=$!
ok=0
for run in 1 2 3 4 5; do
	timeout 60 "$PROMISE" lint -f json --select duplicate-id,syntax-error "$TMP/grow.promise" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	[ $rc -le 1 ] && python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$TMP/out" && ok=$((ok + 1))
done
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
if [ "$ok" -eq 5 ]; then pass "a file appended to while read: 5 runs, 5 whole reports"; else
	fail "a file appended to while read: 5 runs, 5 whole reports" "$ok whole" "$(head -c 500 "$TMP/err")"; fi
# A writer empties and refills the file while the linter reads.
cp "$TOP/samples/accounts/acme.promise" "$TMP/base.promise"
( i=0; while [ $i -lt 2000 ]; do : > "$TMP/flux.promise"; cat "$TMP/base.promise" >> "$TMP/flux.promise"; i=$((i + 1)); done ) &
writer=$!
ok=0
for run in 1 2 3 4 5 6 7 8 9 10; do
	timeout 20 "$PROMISE" lint -f json "$TMP/flux.promise" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	[ $rc -le 1 ] && python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$TMP/out" && ok=$((ok + 1))
done
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
if [ "$ok" -eq 10 ]; then pass "a file emptied and refilled while read: 10 runs, 10 whole reports"; else
	fail "a file emptied and refilled while read: 10 runs, 10 whole reports" "$ok whole" "$(head -c 500 "$TMP/err")"; fi
rm -f "$TMP/grow.promise" "$TMP/flux.promise"

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

# Unreadable files and directories, as a user who cannot read them.
mkdir -p "$TMP/perm/locked"
printf 'promise P-1: Readable\n  due: soon\n' > "$TMP/perm/ok.promise"
cp "$TMP/perm/ok.promise" "$TMP/perm/secret.promise"
cp "$TMP/perm/ok.promise" "$TMP/perm/locked/in.promise"
chmod 000 "$TMP/perm/secret.promise" "$TMP/perm/locked"
chmod 755 "$TMP"
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
(cd "$TMP" && as_user "$PROMISE" lint -f gcc perm > out 2> err)
rc=$?
if [ $rc -eq 2 ]; then pass "unreadable file and directory: exit 2"; else fail "unreadable file and directory: exit 2" "exit $rc"; fi
expect_grep "unreadable file: named, with the reason" "^promise: cannot read 'perm/secret.promise': Permission denied" "$TMP/err"
expect_grep "unreadable directory: named, with the reason" "^promise: cannot read 'perm/locked': Permission denied" "$TMP/err"
expect_grep "the readable file beside them is still linted" '^perm/ok.promise:2:8: warning:.*vague-due' "$TMP/out"
chmod 700 "$TMP/perm/locked" "$TMP"
