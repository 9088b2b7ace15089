#!/bin/sh
# tsan.sh — `make tsan`: the code that runs on several threads, built with
# ThreadSanitizer, which fails a run on any data race it sees (exit 66).
# A large lint gives the workers thousands of chunks to race on.
set -u
B=${TSAN_BUILD:-build/tsan}
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
failed=0
for t in test_workpool test_analyze; do
	if "$B/tests/$t" > "$B/$t.log" 2>&1; then echo "PASS: tsan $t"; else
		echo "FAIL: tsan $t"; tail -n 40 "$B/$t.log"; failed=1; fi
done
out=$(PROMISE=$PWD/$B/promise sh tests/e2e/jobs.sh 2>&1)
echo "$out" | sed 's/^/  /' | grep -v '^  PASS' || :
if echo "$out" | grep -q '^FAIL'; then failed=1; else echo "PASS: tsan tests/e2e/jobs.sh ($(echo "$out" | grep -c '^PASS') checks)"; fi
# Many chunks of a generated corpus, three threads, compared with one.
if ! cc -O2 -o "$B/corpus-gen" bench/gen.c || ! "$B/corpus-gen" 20000 > "$B/corpus.promise" ||
	[ "$(grep -c '^promise ' "$B/corpus.promise")" != 20000 ]; then
	echo "FAIL: tsan: the corpus could not be generated"
	exit 1
fi
export PROMISE_NO_GIT=1
"$B/promise" lint -j 1 --chunk-size 4096 -f json --fail-on never --today 2026-11-23 "$B/corpus.promise" > "$B/one.json" 2>&1
rc1=$?
"$B/promise" lint -j 3 --chunk-size 4096 -f json --fail-on never --today 2026-11-23 "$B/corpus.promise" > "$B/three.json" 2> "$B/three.err"
rc3=$?
if [ $rc1 = 0 ] && [ $rc3 = 0 ] && cmp -s "$B/one.json" "$B/three.json"; then
	echo "PASS: tsan lint -j 3 of 20,000 promises in 4 KiB chunks"
else
	echo "FAIL: tsan lint -j 3 (exit $rc1 and $rc3)"; tail -n 40 "$B/three.err"; failed=1
fi
exit $failed
