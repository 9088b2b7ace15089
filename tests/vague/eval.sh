#!/bin/sh
# eval.sh — `make eval`: how well vague-wording separates the labelled texts.
#
# Usage: tests/vague/eval.sh [--confusion] [--check FLOORS] [--config INI] [SET...]
#
# A SET is a directory of LANG.tsv files (label TAB text); the default is
# tests/vague (the development corpus, "dev") and tests/vague/heldout
# (texts written apart and never used for tuning). Every text becomes one
# promise header in a file of its own language, linted with only
# vague-wording selected; a text counts as predicted vague when the rule
# reports anything on its line. Each text is judged twice:
#
#   alone     the header by itself, as the texts were labelled: with no due
#             date, a text with nothing concrete in it is vague too;
#   due       the same header with `due: 2026-12-01` under it: only the
#             words can tell, so this row measures the lexicons and the
#             evidence that gates weak cues.
#
# The language is recognised per promise (the default). The last lines say
# on how many texts setting the language (`--lang`) changes the verdict.
#
# --confusion  also list the misclassified texts on stderr (FP: flagged but
#              labelled specific, with the findings; FN: labelled vague, not
#              flagged)
# --check F    compare with the floors in F (lines: set lang mode precision
#              recall f1) and exit 1 when any figure falls below its floor
# --config I   lint with configuration I (default: none)
set -u
BUILD=${BUILD:-build}
PROMISE=${PROMISE:-$PWD/$BUILD/promise}
confusion=${CONFUSION:-0}
floors=
config=--no-config
while [ $# -gt 0 ]; do
	case $1 in
	--confusion) confusion=1 ;;
	--check) floors=$2; shift ;;
	--config) config="--config=$2"; shift ;;
	-*) echo "eval.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ $# -gt 0 ] || set -- tests/vague tests/vague/heldout
if [ ! -x "$PROMISE" ]; then
	echo "eval.sh: no $PROMISE; run make first" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

results=$tmp/results
changed=$tmp/changed
: > "$results"
: > "$changed"
for set in "$@"; do
	name=$(basename "$set")
	[ "$set" = tests/vague ] && name=dev
	for tsv in "$set"/*.tsv; do
		[ -f "$tsv" ] || continue
		lang=$(basename "$tsv" .tsv)
		for mode in alone due; do
			input=$tmp/$name-$lang-$mode.promise
			# Text n stands on line n (alone) or 2n - 1 (with its due line).
			awk -F '\t' -v mode=$mode '{ printf "promise V-%d: %s\n", NR, $2
				if (mode == "due") print "  due: 2026-12-01" }' "$tsv" > "$input"
			for language in auto "$lang"; do
				out=$input.$language
				"$PROMISE" lint $config --select vague-wording --lang "$language" --format gcc \
					--fail-on never -q "$input" > "$out" 2> "$tmp/err"
				rc=$?
				if [ $rc -ne 0 ]; then
					echo "eval.sh: promise lint failed on $input ($rc):" >&2
					cat "$tmp/err" >&2
					exit 2
				fi
			done
			awk -F '\t' -v set="$name" -v lang="$lang" -v mode=$mode -v confusion=$confusion \
				-v prefix="$input:" -v changed="$changed" '
				function text_of(line) { return mode == "due" ? (line + 1) / 2 : line }
				FILENAME ~ /\.auto$/ || FILENAME ~ /\.[a-z][a-z]$/ {
					# file:line:col: severity: message [rule]
					rest = substr($0, length(prefix) + 1)
					line = rest; sub(/:.*/, "", line)
					msg = rest; sub(/^[0-9]+:[0-9]+: [a-z]+: /, "", msg)
					n = text_of(line)
					if (FILENAME ~ /\.auto$/)
						found[n] = found[n] (found[n] == "" ? "" : "; ") msg
					else
						forced[n] = 1
					next
				}
				{
					vague = $1 == "vague"; said = (FNR in found)
					tp += vague && said; fp += !vague && said
					fn += vague && !said; tn += !vague && !said
					if (said != (FNR in forced)) {
						differ++
						printf "%s %s/%s (%s): %s\n", said ? "only recognised" : "only set",
							set, lang, mode, $2 >> (changed ".list")
					}
					if (confusion && vague != said)
						printf "%s %s/%s %s: %s\n%s", said ? "FP" : "FN", set, lang, mode, $2,
							said ? "      " found[FNR] "\n" : "" > "/dev/stderr"
				}
				END {
					p = tp + fp ? tp / (tp + fp) : 0; r = tp + fn ? tp / (tp + fn) : 0
					f = p + r ? 2 * p * r / (p + r) : 0
					printf "%s %s %s %d %d %d %d %.3f %.3f %.3f\n", set, lang, mode, tp, fp, fn, tn, p, r, f
					printf "%d %d\n", differ, tp + fp + fn + tn >> changed
				}' "$input.auto" "$input.$lang" "$tsv" >> "$results"
		done
	done
done

printf '%-8s %-4s %-6s %4s %4s %4s %4s %9s %7s %6s\n' set lang mode TP FP FN TN precision recall F1
awk '{ printf "%-8s %-4s %-6s %4d %4d %4d %4d %9.3f %7.3f %6.3f\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' "$results"
awk '{ d += $1; n += $2 } END { printf "language set with --lang instead of recognised: the verdict differs on %d of %d texts\n", d, n }' "$changed"
[ -s "$changed.list" ] && sed 's/^/  /' "$changed.list"

[ -n "$floors" ] || exit 0
awk -v floors="$floors" '
	BEGIN {
		while ((getline l < floors) > 0) {
			if (l ~ /^#/ || l ~ /^[ \t]*$/) continue
			split(l, a, /[ \t]+/)
			key = a[1] " " a[2] " " a[3]; want[key] = 1
			fp[key] = a[4]; fr[key] = a[5]; ff[key] = a[6]
		}
	}
	{
		key = $1 " " $2 " " $3
		if (!(key in want)) next
		seen[key] = 1
		if ($8 + 0.0005 < fp[key]) { printf "below the floor: %s precision %.3f < %s\n", key, $8, fp[key]; bad = 1 }
		if ($9 + 0.0005 < fr[key]) { printf "below the floor: %s recall %.3f < %s\n", key, $9, fr[key]; bad = 1 }
		if ($10 + 0.0005 < ff[key]) { printf "below the floor: %s F1 %.3f < %s\n", key, $10, ff[key]; bad = 1 }
	}
	END {
		for (k in want) if (!(k in seen)) { printf "no result for %s\n", k; bad = 1 }
		if (!bad) print "every language at or above its floor"
		exit bad
	}' "$results"
