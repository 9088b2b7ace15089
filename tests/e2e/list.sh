#!/bin/sh
# list.sh — `promise list`: filters, sorting, the aligned table (display
# width), JSON and RFC 4180 CSV, empty and one-promise inputs, errors.
. tests/e2e/lib.sh
PY=/usr/bin/python3

# ids FORMAT-JSON-FILE: the IDs in a JSON list, in order, one line ("-" for none).
ids() { "$PY" -c 'import json,sys; print(" ".join(p["id"] or "-" for p in json.load(open(sys.argv[1]))))' "$1"; }

expect_ids() {
	name=$1 want=$2; shift 2
	if "$PROMISE" list -f json "$@" > "$TMP/l.json" 2> "$TMP/err"; then
		got=$(ids "$TMP/l.json")
		if [ "$got" = "$want" ]; then pass "$name"; else fail "$name" "wanted: $want" "got:    $got"; fi
	else
		fail "$name" "exit status $?" "$(cat "$TMP/err")"
	fi
}

# --- filters and order (samples/, today 2026-11-23) ----------------------------
expect_ids "--overdue: open and past due, by due date" \
	"NZL-4 FJV-3 REL-7 ACME-13 BRK-3" --overdue samples/
# SUP-103 is due at 16:00 on 2026-11-30 and REL-4 on that day without a
# time, which counts as its end: SUP-103 comes first.
expect_ids "--due-within 7d: overdue ones and those due by 2026-11-30" \
	"NZL-4 FJV-3 REL-7 ACME-13 BRK-3 - SUP-101 ACME-12 FJV-7 ONB-1 SUP-102 SUP-106 SUP-103 REL-4" --due-within 7d samples/
expect_ids "--due-within 2w counts weeks" \
	"NZL-4 FJV-3 REL-7 ACME-13 BRK-3 - SUP-101 ACME-12 FJV-7 ONB-1 SUP-102 SUP-106 SUP-103 REL-4 REL-3 ACME-12 FJV-6 REL-1" \
	--due-within 2w samples/
expect_ids "--by: any letter case, e-mail addresses ignored" \
	"SUP-101 ACME-12 SUP-102 SUP-103 REL-3 FJV-6 REL-1" --by "SARA lind" --status open samples/
expect_ids "--by and --due-within together: what Sara owes this week" \
	"SUP-101 ACME-12 SUP-102 SUP-103" --by sara --due-within 1w samples/
expect_ids "--to: a substring, accents written either way; no due date last" \
	"FJV-1 FJV-8 FJV-4 FJV-3 BRK-3 FJV-6 FJV-5" --to "$(printf 'fja\314\210llvind')" samples/
expect_ids "--status kept,broken" \
	"NZL-1 NZL-2 ONB-3 FJV-2 FJV-1 ACME-10 ACME-11 NZL-7 FJV-4 REL-6 ACME-15 SUP-105 SUP-107 REL-2" \
	--status kept,broken samples/
expect_ids "--status released" "FJV-8" --status released samples/
expect_ids "--to and --by that match nobody" "" --by "nobody at all" samples/

# --- JSON ---------------------------------------------------------------------
"$PROMISE" list -f json samples/ > "$TMP/all.json"
"$PY" - "$TMP/all.json" > "$TMP/check" 2>&1 <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
by_id = {}
for p in items:
    by_id.setdefault(p["id"], p)
assert len(items) == 42, len(items)
keys = ["id", "text", "by", "to", "made", "due", "status", "status_date", "overdue", "file", "line",
        "extras", "renegotiations"]
assert all(list(p) == keys for p in items)
a = by_id["ACME-12"]
assert a["due"] == "2026-11-25T12:00+00:00", a
assert a["by"] == "Sara Lind" and a["to"] == "Hannah Whitfield (Acme Ltd)" and a["made"] == "2026-11-10"
assert a["file"] == "samples/accounts/acme.promise" and a["line"] == 25 and a["status"] == "open"
assert by_id["ACME-10"]["by"] == "Oliver Grant <oliver.grant@example.com>"
assert by_id["ACME-14"]["due"] == "soon" and by_id["ACME-14"]["overdue"] is False
assert by_id["NZL-4"]["overdue"] is True
assert by_id["ACME-11"]["status"] == "kept" and by_id["ACME-11"]["status_date"] == "2026-10-21"
assert by_id["BRK-2"]["status"] == "invalid"
assert [e["date"] for e in by_id["NZL-3"]["extras"]] == ["2026-09-14", "2026-10-05", "2026-10-19", "2026-11-09"]
assert by_id["NZL-3"]["extras"][0]["text"] == "spoedlevering op maandag zonder meerkosten"
r = by_id["REL-6"]["renegotiations"]
assert len(r) == 1 and r[0]["date"] == "2026-10-05" and r[0]["text"].endswith("Sara godkände på planeringsmötet"), r
assert by_id[None]["text"].startswith("Call back about the failed card payments")
print("ok")
PY
expect_grep "json: fields, dates, names, dated entries" '^ok$' "$TMP/check"

# --- CSV (RFC 4180) ---------------------------------------------------------------
cat > "$TMP/quotes.promise" <<'P'
promise Q-1: Ship the "blue" pumps, then call; twice
  by:        Sara Lind, field team
  to:        Tom Bakker
  due:       2026-12-01
P
"$PROMISE" list -f csv "$TMP/quotes.promise" > "$TMP/q.csv"
"$PY" - "$TMP/q.csv" > "$TMP/check" 2>&1 <<'PY'
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\r\n") == 2 and raw.count(b"\n") == 2, raw
assert b'"Ship the ""blue"" pumps, then call; twice"' in raw, raw
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0] == ["id", "due", "status", "status_date", "overdue", "by", "to", "made", "text", "file", "line"], rows[0]
assert rows[1][0] == "Q-1" and rows[1][5] == "Sara Lind, field team", rows[1]
assert rows[1][8] == 'Ship the "blue" pumps, then call; twice', rows[1]
assert rows[1][4] == "no" and rows[1][10] == "1"
print("ok")
PY
expect_grep "csv: quoting, CRLF, header" '^ok$' "$TMP/check"

# --- the table: aligned by display width ---------------------------------------------
{
	printf 'promise W-1: Byta huvudlagret i v\303\244xell\303\245dan p\303\245 turbin 7\n'
	printf '  by:  Maja Sj\303\266berg\n  to:  \303\205sa Ek (Fj\303\244llvind)\n  due: 2026-11-30\n'
	printf 'promise W-2: Send the quote\n  by:  Jan de Vries\n  to:  Petra Jansen (Acme BV)\n  due: 2026-11-24\n'
	printf 'promise W-3: Deliver the parts\n  by:  Jo\314\210rgen Lund\n  to:  Zo\303\253\n  due: 2026-12-01 09:30\n'
} > "$TMP/names.promise"
"$PROMISE" list "$TMP/names.promise" > "$TMP/table.txt"
"$PY" - "$TMP/table.txt" > "$TMP/check" 2>&1 <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = lines[0]
cols = {name: width(head[:head.index(name)]) for name in ("DUE", "ID", "STATUS", "BY", "TO", "PROMISE")}
want = {"W-1": ("Maja Sj", "Åsa Ek", "Byta"), "W-2": ("Jan de", "Petra", "Send"),
        "W-3": ("Jo\u0308rgen", "Zoë", "Deliver")}
assert len(lines) == 4, lines
for line in lines[1:]:
    row = next(k for k in want if k in line)
    by, to, text = want[row]
    for name, needle in (("ID", row), ("BY", by), ("TO", to), ("PROMISE", text)):
        at = width(line[:line.index(needle)])
        assert at == cols[name], (line, name, at, cols[name])
print("ok")
PY
expect_grep "table: columns line up by display width (composed and decomposed accents)" '^ok$' "$TMP/check"
expect_grep "table: sorted by due date, times shown" '^2026-12-01 09:30  W-3 ' "$TMP/table.txt"
expect_grep "table: header first" '^DUE +ID +STATUS +BY +TO +PROMISE$' "$TMP/table.txt"
"$PROMISE" list samples/accounts/acme.promise > "$TMP/acme.txt"
expect_grep "table: overdue with days, kept late, broken" 'ACME-13 +overdue 3 days' "$TMP/acme.txt"
expect_grep "table: kept late" 'ACME-11 +kept late 2026-10-21' "$TMP/acme.txt"
expect_grep "table: a vague due is shown as written" '^soon +ACME-14 ' "$TMP/acme.txt"
COLUMNS=150 script -qec "\"$PROMISE\" list samples/" /dev/null > "$TMP/tty.txt" 2>&1
"$PY" - "$TMP/tty.txt" > "$TMP/check" 2>&1 <<'PY'
import sys, unicodedata
lines = [l.rstrip("\r") for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()]
w = lambda s: sum(0 if unicodedata.combining(c) else 1 for c in s)
assert len(lines) == 43, len(lines)
assert all(w(l) <= 150 for l in lines), [l for l in lines if w(l) > 150][:3]
assert any("…" in l for l in lines)
print("ok")
PY
expect_grep "table on a terminal: cut to the window with an ellipsis" '^ok$' "$TMP/check"
"$PROMISE" list samples/ | cat > "$TMP/pipe.txt"
expect_no_grep "table through a pipe: nothing cut" '…' "$TMP/pipe.txt"

# --- empty and one-promise inputs ------------------------------------------------------
: > "$TMP/empty.promise"
expect_status "empty input: exit 0" 0 "$PROMISE" list "$TMP/empty.promise"
expect_grep "empty input: the header alone" '^DUE +ID +STATUS +BY +TO +PROMISE$' "$TMP/out"
expect_status "empty input: json" 0 "$PROMISE" list -f json "$TMP/empty.promise"
expect_grep "empty input: an empty array" '^\[\]$' "$TMP/out"
expect_status "empty input: csv" 0 "$PROMISE" list -f csv "$TMP/empty.promise"
if [ "$(wc -l < "$TMP/out")" -eq 1 ]; then pass "empty input: csv header only"; else fail "empty input: csv header only" "$(cat "$TMP/out")"; fi
expect_status "one promise" 0 "$PROMISE" list "$TMP/quotes.promise"
if [ "$(wc -l < "$TMP/out")" -eq 2 ]; then pass "one promise: one row"; else fail "one promise: one row" "$(cat "$TMP/out")"; fi
expect_status "standard input" 0 sh -c "\"$PROMISE\" list -f csv - < \"$TMP/quotes.promise\""
expect_grep "standard input: named <stdin>" ',<stdin>,1' "$TMP/out"

# A path that is not UTF-8 is shown with U+FFFD, so JSON stays valid.
bad=$(printf 'bad\377dir')
mkdir -p "$TMP/$bad" && cp "$TMP/quotes.promise" "$TMP/$bad/"
"$PROMISE" list -f json "$TMP/$bad" > "$TMP/bad.json"
if "$PY" -c 'import json,sys; assert "bad\ufffddir" in json.load(open(sys.argv[1]))[0]["file"]' "$TMP/bad.json" 2> "$TMP/err"; then
	pass "json: a file name that is not UTF-8"; else fail "json: a file name that is not UTF-8" "$(cat "$TMP/err" "$TMP/bad.json")"; fi

# --- errors -----------------------------------------------------------------------------
expect_status "missing path: exit 2" 2 "$PROMISE" list "$TMP/nope.promise" "$TMP/quotes.promise"
expect_grep "missing path: named with the reason" "cannot read '$TMP/nope.promise': No such file or directory" "$TMP/err"
expect_grep "missing path: the rest is still listed" 'Q-1' "$TMP/out"
expect_status "unknown format" 2 "$PROMISE" list -f yaml samples/
expect_status "bad --due-within" 2 "$PROMISE" list --due-within 3x samples/
expect_grep "bad --due-within: names the value" "'3x'" "$TMP/err"
expect_status "bad --status" 2 "$PROMISE" list --status done samples/
expect_status "bad --today" 2 "$PROMISE" list --today 2026-13-01 samples/
expect_status "promise --help lists the commands" 0 "$PROMISE" --help
for c in list agenda report export; do expect_grep "promise --help: $c" "^  $c " "$TMP/out"; done
expect_status "list --help" 0 "$PROMISE" list --help
expect_grep "list --help: usage" '^usage: promise list' "$TMP/out"
