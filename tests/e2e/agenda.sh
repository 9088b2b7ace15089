#!/bin/sh
# agenda.sh — `promise agenda`: per person, overdue, this week and next
# week (ISO weeks, Monday first) around --today / PROMISE_TODAY, as text and
# as Markdown; the week across a year's end; filters; empty input.
. tests/e2e/lib.sh

cat > "$TMP/week.promise" <<'P'
promise W-1: Send the revised quote for the *Delft* depot [draft]
  by:  Sara Lind
  to:  Petra Jansen (Acme BV)
  due: 2026-11-20
promise W-2: Restore the nightly export
  by:  sara lind <sara@example.se>
  to:  Priya Shah
  due: 2026-11-25 12:00
promise W-3: Call Tom back
  by:  Sara Lind
  to:  Tom Bakker
  due: 2026-11-29
promise W-4: Hand over the release notes
  by:  Sara Lind
  to:  Emma Clarke
  due: 2026-11-30
promise W-5: Review the security fixes
  by:  Sara Lind
  to:  Nils Ekström
  due: 2026-12-06
promise W-6: Too far ahead
  by:  Sara Lind
  to:  Nils Ekström
  due: 2026-12-07
promise W-7: Already kept
  by:  Sara Lind
  to:  Nils Ekström
  due: 2026-11-24
  status: kept 2026-11-22
promise W-8: No date yet
  by:  Sara Lind
  due: soon
promise W-9: Due today
  by:  Åsa Ek
  to:  Sara Lind
  due: 2026-11-23
promise W-10: Nobody named
  to:  Sara Lind
  due: 2026-12-01
promise W-11: Next year already
  by:  Sara Lind
  to:  Tom Bakker
  due: 2027-01-05
P

# Today (PROMISE_TODAY from lib.sh) is Monday 2026-11-23, in week 48.
"$PROMISE" agenda "$TMP/week.promise" > "$TMP/got.txt" 2> "$TMP/err"
cat > "$TMP/want.txt" <<'W'
Agenda for week 48 of 2026, Monday 2026-11-23 to Sunday 2026-11-29; today is Monday 2026-11-23.

Sara Lind: 1 overdue, 2 this week, 2 next week
  overdue
    Fri 2026-11-20        W-1  Send the revised quote for the *Delft* depot [draft] (to Petra Jansen (Acme BV), 3 days overdue)
  this week
    Wed 2026-11-25 12:00  W-2  Restore the nightly export (to Priya Shah)
    Sun 2026-11-29        W-3  Call Tom back (to Tom Bakker)
  next week (2026-11-30 to 2026-12-06)
    Mon 2026-11-30        W-4  Hand over the release notes (to Emma Clarke)
    Sun 2026-12-06        W-5  Review the security fixes (to Nils Ekström)

Åsa Ek: 0 overdue, 1 this week, 0 next week
  this week
    Mon 2026-11-23  W-9  Due today (to Sara Lind)

(no one named in by:): 0 overdue, 0 this week, 1 next week
  next week (2026-11-30 to 2026-12-06)
    Tue 2026-12-01  W-10  Nobody named (to Sara Lind)
W
expect_same "text: overdue, this week, next week per person" "$TMP/want.txt" "$TMP/got.txt"

"$PROMISE" agenda --format markdown "$TMP/week.promise" > "$TMP/got.md"
cat > "$TMP/want.md" <<'W'
# Agenda, week 48 of 2026

Monday 2026-11-23 to Sunday 2026-11-29; today is Monday 2026-11-23.

## Sara Lind

1 overdue, 2 due this week, 2 due next week.

### Overdue

- Fri 2026-11-20 — **W-1** Send the revised quote for the \*Delft\* depot \[draft\] (to Petra Jansen (Acme BV), 3 days overdue)

### This week

- Wed 2026-11-25 12:00 — **W-2** Restore the nightly export (to Priya Shah)
- Sun 2026-11-29 — **W-3** Call Tom back (to Tom Bakker)

### Next week (2026-11-30 to 2026-12-06)

- Mon 2026-11-30 — **W-4** Hand over the release notes (to Emma Clarke)
- Sun 2026-12-06 — **W-5** Review the security fixes (to Nils Ekström)

## Åsa Ek

0 overdue, 1 due this week, 0 due next week.

### This week

- Mon 2026-11-23 — **W-9** Due today (to Sara Lind)

## (no one named in by:)

0 overdue, 0 due this week, 1 due next week.

### Next week (2026-11-30 to 2026-12-06)

- Tue 2026-12-01 — **W-10** Nobody named (to Sara Lind)
W
expect_same "markdown: the same, as a digest, with markup escaped" "$TMP/want.md" "$TMP/got.md"

# Across the year's end: Wednesday 2026-12-30 is in 2026-W53; next week is
# 2027-W01, Monday 2027-01-04 to Sunday 2027-01-10.
"$PROMISE" agenda --today 2026-12-30 --by sara "$TMP/week.promise" > "$TMP/got.txt"
expect_grep "year's end: week 53 of 2026" '^Agenda for week 53 of 2026, Monday 2026-12-28 to Sunday 2027-01-03; today is Wednesday 2026-12-30\.$' "$TMP/got.txt"
expect_grep "year's end: next week is in 2027" '^  next week \(2027-01-04 to 2027-01-10\)$' "$TMP/got.txt"
expect_grep "year's end: the promise due then" '^    Tue 2027-01-05 +W-11 +Next year already \(to Tom Bakker\)$' "$TMP/got.txt"
expect_grep "year's end: late ones counted in days" 'W-1 .*40 days overdue\)$' "$TMP/got.txt"
expect_no_grep "--by: only that person" 'Åsa Ek' "$TMP/got.txt"

expect_status "--today overrides PROMISE_TODAY" 0 env PROMISE_TODAY=2030-01-01 "$PROMISE" agenda --today 2026-11-30 "$TMP/week.promise"
expect_grep "--today: its week" '^Agenda for week 49 of 2026' "$TMP/out"
expect_status "PROMISE_TODAY is used" 0 env PROMISE_TODAY=2026-12-07 "$PROMISE" agenda "$TMP/week.promise"
expect_grep "PROMISE_TODAY: its week" '^Agenda for week 50 of 2026' "$TMP/out"

# The samples answer "what do I owe whom this week" in one command.
expect_status "samples" 0 "$PROMISE" agenda --by "sara lind" samples/
expect_grep "samples: Sara's week" '^Sara Lind: 0 overdue, 3 this week, 4 next week$' "$TMP/out"
expect_grep "samples: to whom" 'SUP-101 +Restore the nightly export .*\(to Priya Shah\)$' "$TMP/out"

: > "$TMP/empty.promise"
expect_status "empty input" 0 "$PROMISE" agenda "$TMP/empty.promise"
expect_grep "empty input: says nothing is due" '^Nothing is overdue, and nothing falls due this week or next\.$' "$TMP/out"
head -n 4 "$TMP/week.promise" > "$TMP/one.promise"
expect_status "one promise" 0 "$PROMISE" agenda -f markdown "$TMP/one.promise"
expect_grep "one promise: its person" '^## Sara Lind$' "$TMP/out"
expect_status "unknown format" 2 "$PROMISE" agenda -f html "$TMP/week.promise"
expect_status "missing path" 2 "$PROMISE" agenda "$TMP/nope.promise"
expect_grep "missing path: named" "cannot read '$TMP/nope.promise'" "$TMP/err"
expect_status "agenda --help" 0 "$PROMISE" agenda --help
expect_grep "agenda --help: usage" '^usage: promise agenda' "$TMP/out"
