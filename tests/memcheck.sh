#!/bin/sh
# memcheck.sh — the test suite's unit binaries and a representative set of
# command runs under valgrind's memcheck. Any invalid read or write, use of
# an uninitialised value, bad free, or definitely or indirectly lost block
# makes valgrind exit 99, which fails that check. Ends with one
# "N passed, N failed" line, like tests/run.sh.
#
# The unit binaries carry the allocation-failure sweeps (every allocation
# of a lint and of an editor session made to fail), so memcheck also sees
# every error path they reach; test_server alone takes about 4 minutes.
# The commands cover each output format, standard input, a configuration,
# a baseline written and read, the rule reference, broken and missing
# input, and the editor server's scripted conversations (about 15 s;
# MEMCHECK_UNIT=0 runs only them).
set -u
BUILD=${BUILD:-build}
PROMISE="$PWD/$BUILD/promise"
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export PROMISE_TODAY=2026-11-23
passed=0
failed=0

ok() { echo "PASS: $1"; passed=$((passed + 1)); }
bad() { echo "FAIL: $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@"; failed=$((failed + 1)); }

# vg NAME WANT CMD...: run CMD under memcheck; its status must be WANT.
vg() {
	name=$1 want=$2; shift 2
	$VG "$@" > "$TMP/out" 2> "$TMP/err" < "${VG_STDIN:-/dev/null}"
	rc=$?
	if [ "$rc" = "$want" ]; then ok "memcheck: $name"; else
		bad "memcheck: $name" "exit status $rc, wanted $want" "$(head -n 40 "$TMP/err")"; fi
}

for t in "$BUILD"/tests/test_*; do
	[ "${MEMCHECK_UNIT:-1}" = 1 ] || break
	case $t in *.d) continue ;; esac
	[ -x "$t" ] || continue
	vg "$(basename "$t")" 0 "$t"
done

for f in text json sarif github gitlab junit checkstyle gcc; do
	vg "lint -f $f samples/" 1 "$PROMISE" lint -f "$f" samples/
done
vg "lint, 16-byte chunks" 1 "$PROMISE" lint --chunk-size 16 samples/
VG_STDIN=samples/accounts/acme.promise vg "lint - (standard input)" 1 "$PROMISE" lint --stdin-filename s.promise -
printf 'promise N-1: a\0b \300\257 \355\240\200\n  by: \377\r  due: 2026-02-30\n\357\273\277promise N-2: c\n' > "$TMP/broken.promise"
vg "lint: NUL, invalid UTF-8, lone CR, BOM mid-file" 1 "$PROMISE" lint "$TMP/broken.promise"
vg "lint: a missing file" 2 "$PROMISE" lint "$TMP/missing.promise"
cat > "$TMP/conf.ini" <<'END'
[lint]
language = nl
due-soon-days = 5
ignore = kept-late
[rules]
overdue = warning
[people]
known = Jan de Vries, Sara Lind
[vague.en]
add = ballpark
remove = some
END
vg "lint --config" 1 "$PROMISE" lint --config "$TMP/conf.ini" samples/
printf '[rules]\noverdue = sometimes\n' > "$TMP/bad.ini"
vg "lint --config (broken)" 2 "$PROMISE" lint --config "$TMP/bad.ini" samples/
vg "lint --write-baseline" 0 "$PROMISE" lint --write-baseline "$TMP/base.json" samples/
vg "lint --baseline" 0 "$PROMISE" lint --baseline "$TMP/base.json" samples/
vg "rules" 0 "$PROMISE" rules
vg "explain overdue" 0 "$PROMISE" explain overdue
vg "--version" 0 "$PROMISE" --version

# The editor server, through its scripted conversations (the one that
# needs libfaketime is left out: its preload and valgrind's do not mix).
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VG" "$PROMISE" > "$TMP/promise-vg"
chmod +x "$TMP/promise-vg"
for t in tests/lsp/*.in; do
	grep -q '^# faketime:' "$t" && continue
	python3 tests/lsp/transcript.py "$TMP/promise-vg" "$t" > "$TMP/out" 2> "$TMP/err"
	last=$(tail -n 1 "$TMP/out")
	case $last in
	"exit 0" | "exit 1") ok "memcheck: lsp $(basename "$t" .in) ($last)" ;;
	*) bad "memcheck: lsp $(basename "$t" .in)" "$last" "$(head -n 40 "$TMP/err")" ;;
	esac
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
