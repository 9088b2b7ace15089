#!/bin/bash
# run.sh — `make bench`: lint throughput and memory on generated corpora,
# each timed against `wc -l` on the same file in the same run.
#
# For every corpus: wc -l and promise lint are run alternately (paired) RUNS
# times; the table shows medians, MB/s and promises/s of the lint, the ratio
# lint / wc -l, and peak resident memory (/usr/bin/time -v). An instruction
# count (callgrind) for the 100,000-promise corpus follows: it does not drift
# with machine noise, so regressions show. Corpora are cached in
# $BUILD/bench/. Each row names the threads it ran with (-j); the
# 1,000,000-promise corpus is run with one thread and with two.
set -eu
# The corpora sit in the build tree, inside this project's git repository:
# the tables measure the linter, not git history (a row below does).
export PROMISE_NO_GIT=1
BUILD=${BUILD:-build}
PROMISE=$PWD/$BUILD/promise
DIR=$PWD/$BUILD/bench
RUNS=${RUNS:-5}
mkdir -p "$DIR"
cc -O2 -o "$DIR/gen" bench/gen.c

for n in 10000 100000 1000000; do
	[ -s "$DIR/c$n.promise" ] || "$DIR/gen" $n > "$DIR/c$n.promise"
done
[ -s "$DIR/flawed.promise" ] || "$DIR/gen" 100000 --all-flawed > "$DIR/flawed.promise"
if [ ! -d "$DIR/small" ]; then
	mkdir -p "$DIR/small.tmp"
	"$DIR/gen" 10000 | awk -v dir="$DIR/small.tmp" '
		/^promise / { if (f) close(f); f = sprintf("%s/%05d.promise", dir, n++) }
		f { print > f }'
	mv "$DIR/small.tmp" "$DIR/small"
fi

now() { date +%s%N; }
median() { spread | cut -d ' ' -f 1; }
# spread: the median, the fastest and the slowest of the numbers read
spread() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)], a[1], a[NR] }'; }

# time_pair NAME FORMAT JOBS INPUT...: prints one table row; the lint's
# median time (µs) is left in $LAST_US, its peak memory (KiB) in $LAST_RSS.
# The last two columns are the fastest and slowest of the runs, wc -l's
# and the lint's: on a shared machine either can change speed for a
# while, and a median alone hides that (bench/README.md).
time_pair() {
	local name=$1 format=$2 jobs=$3; shift 3
	local wc_t=() lint_t=()
	for ((i = 0; i < RUNS; i++)); do
		local t0=$(now)
		wc -l "$@" > /dev/null
		local t1=$(now)
		"$PROMISE" lint -j "$jobs" -f "$format" --fail-on never --today 2026-11-23 "$@" > /dev/null 2>&1
		local t2=$(now)
		wc_t+=($(( (t1 - t0) / 1000 ))) lint_t+=($(( (t2 - t1) / 1000 )))
	done
	local wc_us wc_lo wc_hi lint_us lint_lo lint_hi
	read -r wc_us wc_lo wc_hi < <(printf '%s\n' "${wc_t[@]}" | spread)
	read -r lint_us lint_lo lint_hi < <(printf '%s\n' "${lint_t[@]}" | spread)
	local bytes=$(cat "$@" | wc -c)
	local promises=$(cat "$@" | grep -c '^promise ')
	local rss=$(/usr/bin/time -v "$PROMISE" lint -j "$jobs" -f "$format" --fail-on never --today 2026-11-23 "$@" 2>&1 >/dev/null | awk '/Maximum resident/ { print $6 }')
	LAST_US=$lint_us LAST_RSS=$rss
	awk -v name="$name" -v fmt="$format" -v j="$jobs" -v b="$bytes" -v p="$promises" -v w="$wc_us" -v l="$lint_us" -v rss="$rss" \
		-v wlo="$wc_lo" -v whi="$wc_hi" -v llo="$lint_lo" -v lhi="$lint_hi" 'BEGIN {
		printf "%-22s %-5s %2d %8.1f MB %9d %9.3f s %9.3f s %7.1fx %8.0f MB/s %10.0f/s %8.1f MiB %6.1f-%.1f ms %6.3f-%.3f s\n",
			name, fmt, j, b / 1e6, p, w / 1e6, l / 1e6, l / (w > 0 ? w : 1), b / 1e6 / (l / 1e6), p / (l / 1e6), rss / 1024,
			wlo / 1e3, whi / 1e3, llo / 1e6, lhi / 1e6 }'
}

printf '%-22s %-5s %2s %11s %9s %11s %11s %8s %13s %12s %12s %16s %14s\n' corpus fmt -j size promises "wc -l" lint ratio throughput promises peak-RSS "wc -l range" "lint range"
for n in 10000 100000 1000000; do
	for f in json text; do
		time_pair "$n promises" $f 1 "$DIR/c$n.promise"
		eval "us_${n}_$f=\$LAST_US rss_${n}_$f=\$LAST_RSS"
	done
done
time_pair "1000000 promises" json 2 "$DIR/c1000000.promise"
time_pair "10000 small files" json 1 "$DIR"/small/*.promise
time_pair "every promise flawed" json 1 "$DIR/flawed.promise"

# Growth and memory against the targets: 1,000,000 promises take at most
# 11x the time of 100,000; memory is 16 MiB plus so many bytes a promise.
awk -v a="$us_100000_json" -v b="$us_1000000_json" -v rss="$rss_1000000_json" 'BEGIN {
	printf "1,000,000 / 100,000 promises (json, -j 1): %.1fx the time\n", b / a
	printf "peak memory, 1,000,000 promises (json, -j 1): 16 MiB + %.0f bytes a promise\n", (rss * 1024 - 16 * 1048576) / 1e6 }'

# Start-up counts: one promise, and 10,000 promises, wall time median.
one=$DIR/one.promise
head -n 9 "$DIR/c10000.promise" > "$one"
for f in "$one" "$DIR/c10000.promise"; do
	ts=()
	for ((i = 0; i < 11; i++)); do t0=$(now); "$PROMISE" lint -j 1 -f json --fail-on never --today 2026-11-23 "$f" > /dev/null; t1=$(now); ts+=($(( (t1 - t0) / 1000 ))); done
	printf '%-40s %8.2f ms (median of 11)\n' "$(basename "$f"): one whole run" "$(printf '%s\n' "${ts[@]}" | median | awk '{ print $1 / 1000 }')"
done

# The same one-promise file inside a git repository, with the history
# checks on: libgit2's start-up is paid once per run.
ts=()
for ((i = 0; i < 11; i++)); do t0=$(now); PROMISE_NO_GIT= "$PROMISE" lint -f json --fail-on never --today 2026-11-23 "$one" > /dev/null 2>&1; t1=$(now); ts+=($(( (t1 - t0) / 1000 ))); done
printf '%-40s %8.2f ms (median of 11)\n' "one promise, git-aware checks on" "$(printf '%s\n' "${ts[@]}" | median | awk '{ print $1 / 1000 }')"

if command -v valgrind > /dev/null; then
	irefs=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PROMISE" lint -j 1 -f json --fail-on never --today 2026-11-23 "$DIR/c100000.promise" 2>&1 >/dev/null | awk '/Collected/ { print $4 }')
	echo "instructions (callgrind) for 100000 promises, json: $irefs"
fi
