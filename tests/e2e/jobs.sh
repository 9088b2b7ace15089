#!/bin/sh
# jobs.sh — `lint -j N` writes exactly what `-j 1` writes: the same bytes in
# every format, the same summary, the same exit status, whatever the
# number of threads and however the input is cut into chunks. Small
# chunks (--chunk-size) make many chunks of small files, so the threads
# meet every kind of input the suite has: the samples, the golden cases,
# broken syntax, suppressions, forward and backward references across
# chunks, a directive language set at the top, and bytes that are not text.
. tests/e2e/lib.sh

# same_output NAME ARGS...: lint ARGS with -j 1 and with -j 2, 3 and 8, in
# two chunk sizes; every run must match the first.
same_output() {
	name=$1
	shift
	for size in 256 4096; do
		"$PROMISE" lint -j 1 --chunk-size "$size" "$@" > "$TMP/want" 2> "$TMP/want.err"
		want=$?
		ok=1
		for j in 2 3 8; do
			"$PROMISE" lint -j "$j" --chunk-size "$size" "$@" > "$TMP/got" 2> "$TMP/got.err"
			got=$?
			if [ "$got" != "$want" ] || ! cmp -s "$TMP/want" "$TMP/got" || ! cmp -s "$TMP/want.err" "$TMP/got.err"; then
				fail "$name (-j $j, chunks of $size bytes)" "exit $got, wanted $want" \
					"$(diff -u "$TMP/want" "$TMP/got" | head -n 30)" "$(diff -u "$TMP/want.err" "$TMP/got.err" | head -n 10)"
				ok=0
				break
			fi
		done
		[ $ok = 1 ] && pass "$name: -j 2, 3, 8 write what -j 1 writes (chunks of $size bytes)"
	done
}

# A file large enough for many chunks: the samples over and over, with IDs
# made unique per copy, references forward and backward across chunks, a
# duplicate ID far from the first, suppressions, and a broken record.
big=$TMP/big.promise
{
	echo "# promise-lang: nl"
	echo
	i=0
	while [ $i -lt 40 ]; do
		find samples -name '*.promise' | sort | xargs sed "s/^promise \([A-Za-z0-9-]*\)/promise \1-c$i/"
		echo "promise REF-$i: Send the signed order form for depot $i by 2026-12-0$((i % 9 + 1))"
		echo "  by: Anna de Vries"
		echo "  to: Jan Berg"
		echo "  due: 2026-10-0$((i % 9 + 1))"
		echo "  in-return: REF-$((i + 1))"
		echo "  made: 2026-09-01"
		echo "  recorded: mail of 2026-09-01"
		echo
		echo "# promise-ignore vague-wording -- quoted from the customer's own mail"
		echo "promise IGN-$i: We will try to improve the report soon"
		echo "  by: Anna de Vries"
		echo
		echo "promise broken header without a colon $i"
		echo "  due: someday"
		echo
		i=$((i + 1))
	done
	echo "promise REF-3: A second promise under an ID already taken"
	echo "  by: Jan Berg"
} > "$big"
lines=$(wc -l < "$big")
if [ "$lines" -gt 2000 ]; then pass "jobs: the many-chunk input has $lines lines"; else fail "jobs: the many-chunk input is too small" "$lines lines"; fi

same_output "jobs: many chunks, text" -f text "$big"
same_output "jobs: many chunks, json" -f json "$big"
same_output "jobs: many chunks, sarif" -f sarif "$big"
same_output "jobs: the samples" samples
same_output "jobs: the golden cases" -f json tests/cases

# Several files in one run, each larger than a chunk: facts (duplicates,
# references) cross from file to file.
cp "$big" "$TMP/second.promise"
same_output "jobs: two large files" -f json "$big" "$TMP/second.promise"

# Many files, chunks of several in flight at once: IDs, references and
# duplicates cross from file to file, each file starts at its line 1.
mkdir "$TMP/many"
split -l 60 -d -a 3 "$big" "$TMP/many/part-"
for f in "$TMP"/many/part-*; do mv "$f" "$f.promise"; done
nfiles=$(ls "$TMP/many" | wc -l)
if [ "$nfiles" -gt 30 ]; then pass "jobs: $nfiles files"; else fail "jobs: too few files" "$nfiles"; fi
same_output "jobs: many files, json" -f json "$TMP/many"
same_output "jobs: many files, text" -f text "$TMP/many"

# Standard input takes the same path.
"$PROMISE" lint -j 1 --chunk-size 512 -f json - < "$big" > "$TMP/stdin1" 2>/dev/null
"$PROMISE" lint -j 4 --chunk-size 512 -f json - < "$big" > "$TMP/stdin4" 2>/dev/null
expect_same "jobs: standard input" "$TMP/stdin1" "$TMP/stdin4"

# Bytes that are not text: NULs, invalid UTF-8, stray carriage returns and
# CRLF lines, in a file of many chunks.
odd=$TMP/odd.promise
{
	i=0
	while [ $i -lt 200 ]; do
		printf 'promise ODD-%d: Deliver \303\251\303\251n r\303\251sum\303\251 \377\376 by 2026-12-01\r\n' $i
		printf '  by: Anna\000de Vries\n  to: Jan\rBerg\n  due: 2026-12-01\n\n'
		i=$((i + 1))
	done
} > "$odd"
same_output "jobs: bytes that are not text" -f json "$odd"

# -j takes a number of threads.
expect_status "jobs: -j 0 is refused" 2 "$PROMISE" lint -j 0 samples
expect_grep "jobs: -j 0 says what it takes" "jobs takes a number of threads" "$TMP/err"
expect_status "jobs: -j x is refused" 2 "$PROMISE" lint --jobs x samples
expect_status "jobs: --jobs 1 runs" 1 "$PROMISE" lint --jobs 1 samples
