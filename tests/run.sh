#!/bin/sh
# run.sh [unit|e2e|all] — run the test suites and end with one
# "N passed, N failed" line. BUILD names the build directory (build/ or
# build/san/); every suite uses $BUILD/promise and $BUILD/tests/*.
#
# Suites: the cmocka binaries (one per module), then every tests/e2e/*.sh
# script. A script prints "PASS: name" or "FAIL: name" per check
# (tests/e2e/lib.sh); a script that exits non-zero without a FAIL line
# counts as one failure, so a crash is never a silent pass.
set -u
BUILD=${BUILD:-build}
export BUILD
export PROMISE="$PWD/$BUILD/promise"
what=${1:-all}
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count_cmocka() {
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	[ -n "$p$f" ] || failed=$((failed + 1))
}

if [ "$what" = unit ] || [ "$what" = all ]; then
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		echo "== $(basename "$t")"
		"$t" >"$log" 2>&1
		rc=$?
		grep -E '^\[  (FAILED|  OK  |ERROR)|^\[  PASSED|^\[==========\] tests? ran|^\[  FAILED  \]|ERROR|Assert|error:|runtime error' "$log" | grep -v '^\[       OK \]' | head -n 40
		count_cmocka
		if [ $rc -ne 0 ] && ! grep -q '^\[  FAILED  \]' "$log"; then
			echo "FAIL: $(basename "$t") exited with status $rc"
			tail -n 20 "$log"
			failed=$((failed + 1))
		fi
	done
fi

if [ "$what" = e2e ] || [ "$what" = all ]; then
	for s in tests/e2e/*.sh; do
		[ "$(basename "$s")" = lib.sh ] && continue
		echo "== $(basename "$s")"
		sh "$s" >"$log" 2>&1
		rc=$?
		grep -E '^(FAIL|SKIP)' "$log" | head -n 40
		grep -A8 '^FAIL' "$log" | grep -v '^FAIL' | head -n 60
		p=$(grep -c '^PASS' "$log")
		f=$(grep -c '^FAIL' "$log")
		passed=$((passed + p))
		failed=$((failed + f))
		if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
			echo "FAIL: $(basename "$s") exited with status $rc"
			tail -n 20 "$log"
			failed=$((failed + 1))
		fi
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
