#!/bin/sh
# export.sh — `promise export --ics`: the calendar is read back with an
# independent iCalendar parser (Debian's python3-icalendar) and compared
# with the promises (`promise list --format json`); the raw bytes are
# checked for CRLF, 75-octet folding and whole UTF-8 characters; UIDs stay
# the same from one export to the next.
. tests/e2e/lib.sh
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1795392000   # 2026-11-23 00:00:00 UTC

# check.py CAL.ics LIST.json: every open promise with a due date is one
# event, with the right UID, start, summary and stamp.
cat > "$TMP/check.py" <<'PY'
import datetime, json, sys
from icalendar import Calendar

raw = open(sys.argv[1], "rb").read()
items = json.load(open(sys.argv[2]))
problems = []

# The bytes: CRLF only, at most 75 octets a line, no character split.
lines = raw.split(b"\r\n")
if lines[-1] != b"" or b"\n" in raw.replace(b"\r\n", b""):
    problems.append("a line does not end in CRLF")
for n, line in enumerate(lines[:-1], 1):
    if len(line) > 75:
        problems.append("line %d has %d octets" % (n, len(line)))
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("line %d splits a UTF-8 character" % n)

cal = Calendar.from_ical(raw)
if str(cal["VERSION"]) != "2.0" or "PRODID" not in cal:
    problems.append("VERSION or PRODID missing")
events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
if len(events) != len(cal.walk("VEVENT")):
    problems.append("two events share a UID")

def dated(due):
    try:
        datetime.date.fromisoformat((due or "")[:10])
        return True
    except ValueError:
        return False  # "soon", or an impossible date such as 2026-02-30

want = {}
for p in items:
    if p["status"] != "open" or not dated(p["due"]):
        continue
    uid = p["id"] + "@promise" if p["id"] else None
    if uid in want:
        continue  # a duplicate ID exports once
    want[uid] = p
noid = [u for u in events if u.startswith("noid-")]
if None in want:
    want[noid[0] if noid else "noid-?"] = want.pop(None)
if set(want) != set(events):
    problems.append("UIDs differ: missing %s, extra %s" % (sorted(set(want) - set(events)), sorted(set(events) - set(want))))

stamp = datetime.datetime(2026, 11, 23, 0, 0, tzinfo=datetime.timezone.utc)
for uid, p in want.items():
    e = events.get(uid)
    if e is None:
        continue
    start = e.decoded("DTSTART")
    due = p["due"]
    if len(due) == 10:
        ok = start == datetime.date.fromisoformat(due) and e.decoded("DTEND") == start + datetime.timedelta(days=1)
    elif len(due) == 16:
        ok = start == datetime.datetime.fromisoformat(due) and start.tzinfo is None
    else:
        ok = start == datetime.datetime.fromisoformat(due)
    if not ok:
        problems.append("%s: DTSTART %r for due %s" % (uid, start, due))
    summary = (p["id"] + ": " if p["id"] else "") + p["text"]
    if str(e["SUMMARY"]) != summary:
        problems.append("%s: SUMMARY %r" % (uid, str(e["SUMMARY"])))
    if e.decoded("DTSTAMP") != stamp:
        problems.append("%s: DTSTAMP %r" % (uid, e.decoded("DTSTAMP")))
    if int(e["SEQUENCE"]) != len(p["renegotiations"]):
        problems.append("%s: SEQUENCE" % uid)
    if ("line %d." % p["line"]) not in str(e["DESCRIPTION"]):
        problems.append("%s: DESCRIPTION %r" % (uid, str(e["DESCRIPTION"])))
for p in problems:
    print("problem: " + p)
print("events: %d" % len(events))
PY

# --- the samples ----------------------------------------------------------------
expect_status "samples: exit 0" 0 "$PROMISE" export --ics samples/
cp "$TMP/out" "$TMP/samples.ics"
expect_grep "samples: the repeated ID is named on stderr" 'ACME-12 is defined more than once; exported the one in samples/accounts/acme.promise:25' "$TMP/err"
"$PROMISE" list -f json samples/ > "$TMP/samples.json"
"$PY" "$TMP/check.py" "$TMP/samples.ics" "$TMP/samples.json" > "$TMP/check" 2>&1
expect_no_grep "samples: the calendar parses and matches the promises" 'problem|Error' "$TMP/check"
expect_grep "samples: one event per open dated promise" '^events: 20$' "$TMP/check"
expect_grep "samples: a due with an offset is a UTC time" '^DTSTART:20261130T150000Z' "$TMP/samples.ics"
expect_grep "samples: an all-day due" '^DTSTART;VALUE=DATE:20261113' "$TMP/samples.ics"

# --- escaping and folding --------------------------------------------------------------
cat > "$TMP/text.promise" <<'P'
promise T-1: Ship the pumps, the seals; and a C:\parts\list — ÅÄÖ åäö, then ship the remaining Fjällvind spare parts to the Storliden site office
  by:        Sara Lind
  to:        Maja Sjöberg (Fjällvind Energi AB)
  made:      2026-11-10
  due:       2026-12-01 09:30
  renegotiated: 2026-11-12 moved from 2026-11-25;
                agreed by Maja, by phone
P
"$PROMISE" export --ics "$TMP/text.promise" > "$TMP/text.ics"
"$PROMISE" list -f json "$TMP/text.promise" > "$TMP/text.json"
"$PY" "$TMP/check.py" "$TMP/text.ics" "$TMP/text.json" > "$TMP/check" 2>&1
expect_no_grep "escaping: ; , \\ and accents come back as written" 'problem|Error' "$TMP/check"
expect_grep "escaping: escaped on the wire" 'the pumps\\, the seals\\; and a C:\\\\parts\\\\list' "$TMP/text.ics"
expect_grep "folding: long lines are folded" '^ ' "$TMP/text.ics"
expect_grep "a due without an offset is floating local time" '^DTSTART:20261201T093000[^0-9Z]' "$TMP/text.ics"
expect_grep "a renegotiation raises SEQUENCE" '^SEQUENCE:1' "$TMP/text.ics"

# --- UIDs are stable ---------------------------------------------------------------------
mkdir -p "$TMP/repo/a" "$TMP/repo/b"
cp samples/accounts/acme.promise "$TMP/repo/a/"
"$PROMISE" export --ics "$TMP/repo" > "$TMP/one.ics"
# Move the file, add a promise before the others, export again.
{ printf 'promise NEW-1: A new promise\n  by: Tom Hughes\n  due: 2026-12-10\n\n'; cat "$TMP/repo/a/acme.promise"; } > "$TMP/repo/b/renamed.promise"
rm "$TMP/repo/a/acme.promise"
"$PROMISE" export --ics "$TMP/repo" > "$TMP/two.ics"
grep '^UID:' "$TMP/one.ics" | sort > "$TMP/uids1"
grep '^UID:' "$TMP/two.ics" | grep -v NEW-1 | sort > "$TMP/uids2"
expect_same "UIDs: the same promises keep their UIDs" "$TMP/uids1" "$TMP/uids2"
expect_grep "UIDs: derived from the ID" '^UID:ACME-12@promise' "$TMP/one.ics"
"$PROMISE" export --ics samples/ > "$TMP/again.ics" 2>/dev/null
expect_same "SOURCE_DATE_EPOCH: the same bytes run to run" "$TMP/samples.ics" "$TMP/again.ics"

# --- output file, empty and one-promise inputs, errors ---------------------------------------
echo "an older calendar" > "$TMP/cal.ics"
expect_status "-o: writes the file" 0 "$PROMISE" export --ics -o "$TMP/cal.ics" samples/
expect_same "-o: the same bytes as standard output" "$TMP/samples.ics" "$TMP/cal.ics"
expect_status "-o into a missing directory: exit 2" 2 "$PROMISE" export --ics -o "$TMP/no/such/dir/cal.ics" samples/
expect_grep "-o into a missing directory: names it" "cannot write '$TMP/no/such/dir/cal.ics'" "$TMP/err"
: > "$TMP/empty.promise"
expect_status "empty input" 0 "$PROMISE" export --ics "$TMP/empty.promise"
cp "$TMP/out" "$TMP/empty.ics"
echo '[]' > "$TMP/empty.json"
"$PY" "$TMP/check.py" "$TMP/empty.ics" "$TMP/empty.json" > "$TMP/check" 2>&1
expect_grep "empty input: a calendar without events" '^events: 0$' "$TMP/check"
expect_no_grep "empty input: it parses" 'problem|Error' "$TMP/check"
expect_status "--by filters" 0 "$PROMISE" export --ics --by "oliver" samples/
if [ "$(grep -c '^BEGIN:VEVENT' "$TMP/out")" = 1 ]; then pass "--by: only Oliver's open promise"; else fail "--by: only Oliver's open promise" "$(grep '^UID' "$TMP/out")"; fi
expect_status "no format: usage error" 2 "$PROMISE" export samples/
expect_grep "no format: says which" 'export needs a format: --ics' "$TMP/err"
expect_status "bad SOURCE_DATE_EPOCH" 2 env SOURCE_DATE_EPOCH=yesterday "$PROMISE" export --ics samples/
expect_status "export --help" 0 "$PROMISE" export --help
expect_grep "export --help: usage" '^usage: promise export --ics' "$TMP/out"
