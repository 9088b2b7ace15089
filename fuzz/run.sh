#!/bin/sh
# run.sh BINARY... — run each libFuzzer target for FUZZ_SECONDS on its seed
# corpus and add up the executions.
#
# A target fuzz-NAME reads fuzz/corpus/NAME/ (the seeds, never written) and
# keeps what it finds in $FUZZ_DIR/corpus/NAME/. A crash, a leak, a timeout
# (FUZZ_TIMEOUT seconds for one input) or a broken invariant stops that
# target; its input is kept under $FUZZ_ARTIFACTS (named in the output) and
# the run exits 1 after trying the others. Reproduce one with
# `BINARY ARTIFACT`.
set -u
: "${FUZZ_SECONDS:=60}" "${FUZZ_DIR:=build/fuzz}" "${FUZZ_ARTIFACTS:=$FUZZ_DIR/artifacts}"
: "${FUZZ_TIMEOUT:=10}"
mkdir -p "$FUZZ_ARTIFACTS"
total=0
failed=""
for bin in "$@"; do
	name=$(basename "$bin")
	name=${name#fuzz-}
	work="$FUZZ_DIR/corpus/$name"
	log="$FUZZ_DIR/$name.log"
	mkdir -p "$work"
	echo "== fuzz $name: ${FUZZ_SECONDS}s"
	dict=""
	[ -f "fuzz/$name.dict" ] && dict="-dict=fuzz/$name.dict"
	"$bin" -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$FUZZ_ARTIFACTS/$name-" $dict \
		"$work" "fuzz/corpus/$name" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	runs=${runs:-0}
	total=$((total + runs))
	if [ $rc -eq 0 ]; then
		echo "fuzz $name: $runs executions, no finding"
	else
		failed="$failed $name"
		echo "FAIL: fuzz $name (exit $rc) after $runs executions"
		tail -n 40 "$log"
		sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | while read -r a; do
			echo "reproducer kept: $a (run: $bin $a)"
		done
	fi
done
echo "fuzz: $total executions in all"
[ -z "$failed" ]
