#!/bin/sh
# fmt.sh — `promise fmt` as a user, a CI job and an editor meet it: the
# printed form, --check, --diff (applied with git), --write (atomic, mode
# and mtime kept, real failures), standard input, syntax errors reported as
# lint reports them, line ends, and the examples of FORMAT.md.
. tests/e2e/lib.sh

cat > "$TMP/messy.promise" <<'P'


# Acme — spares.
PROMISE  ACME-1 :  Deliver two spare impellers for pump P-7   
    Due:2026-12-11T16:00Z
    BY:  Sara Lind
  # Tom asked for it before the winter shutdown.
  to: Tom Bakker (Acme BV)
  made:  2026-11-16
  x-ticket:	4460
  note: they ship from Eindhoven;   
      Tom collects them



promise ACME-2: Return the signed delivery note
  renegotiated: 2026-11-20 due moved to 2026-12-12, agreed by Sara
  by: Tom Bakker (Acme BV)
  due: 2026-12-12
P
cat > "$TMP/tidy.promise" <<'P'
# Acme — spares.
promise ACME-1: Deliver two spare impellers for pump P-7
  by:        Sara Lind
  # Tom asked for it before the winter shutdown.
  to:        Tom Bakker (Acme BV)
  made:      2026-11-16
  due:       2026-12-11 16:00+00:00
  note:      they ship from Eindhoven;
             Tom collects them
  x-ticket:  4460

promise ACME-2: Return the signed delivery note
  by:           Tom Bakker (Acme BV)
  due:          2026-12-12
  renegotiated: 2026-11-20 due moved to 2026-12-12, agreed by Sara
P

# --- printing ----------------------------------------------------------------
expect_status "fmt prints the canonical form" 0 "$PROMISE" fmt "$TMP/messy.promise"
expect_same "fmt: the canonical form" "$TMP/tidy.promise" "$TMP/out"
expect_status "fmt - reads standard input" 0 sh -c "\"$PROMISE\" fmt - < \"$TMP/messy.promise\""
expect_same "fmt -: the canonical form" "$TMP/tidy.promise" "$TMP/out"
expect_status "fmt: canonical input" 0 "$PROMISE" fmt "$TMP/tidy.promise"
expect_same "fmt: canonical input is printed unchanged" "$TMP/tidy.promise" "$TMP/out"
"$PROMISE" fmt "$TMP/messy.promise" > "$TMP/m.out" && "$PROMISE" fmt "$TMP/m.out" > "$TMP/m2.out"
expect_same "fmt is idempotent" "$TMP/m.out" "$TMP/m2.out"

# CR LF and the byte-order mark are kept; every line ends like the first.
printf '\357\273\277promise C-1: Ship it  \r\n  BY: Jan\n\r\n\r\n' > "$TMP/crlf.promise"
printf '\357\273\277promise C-1: Ship it\r\n  by:        Jan\r\n' > "$TMP/crlf.want"
"$PROMISE" fmt "$TMP/crlf.promise" > "$TMP/out"
expect_same "fmt keeps CRLF and the BOM" "$TMP/crlf.want" "$TMP/out"

# --- --check -----------------------------------------------------------------
expect_status "--check: a file to format exits 1" 1 "$PROMISE" fmt --check "$TMP/tidy.promise" "$TMP/messy.promise"
printf '%s\n' "$TMP/messy.promise" > "$TMP/want"
expect_same "--check lists exactly the files to format" "$TMP/want" "$TMP/out"
expect_status "--check: canonical files exit 0" 0 "$PROMISE" fmt --check "$TMP/tidy.promise"
if [ -s "$TMP/out" ]; then fail "--check: canonical files print nothing" "$(cat "$TMP/out")"; else pass "--check: canonical files print nothing"; fi
expect_status "--check on standard input" 1 sh -c "\"$PROMISE\" fmt --check --stdin-filename in.promise - < \"$TMP/messy.promise\""
expect_grep "--check names standard input by --stdin-filename" '^in\.promise$' "$TMP/out"

# The samples are in the canonical layout.
expect_status "--check samples/: every sample is canonical" 0 "$PROMISE" fmt --check samples/
if [ -s "$TMP/out" ]; then fail "--check samples/: no sample needs formatting" "$(cat "$TMP/out")"; else pass "--check samples/: no sample needs formatting"; fi
# A file with syntax errors is refused, with the errors worded as lint words them.
expect_status "--check on a file with syntax errors: exit 1" 1 "$PROMISE" fmt --check tests/cases/broken-syntax.promise
grep -E '^[^ ].*: (error|warning|info): ' "$TMP/err" > "$TMP/fmt.diags"
"$PROMISE" lint tests/cases/broken-syntax.promise 2>/dev/null | grep -E '\[syntax-error\]$' > "$TMP/lint.diags"
expect_same "--check: the syntax errors lint reports, and nothing else" "$TMP/lint.diags" "$TMP/fmt.diags"
n=$(wc -l < "$TMP/lint.diags")
if [ "$n" -ge 2 ]; then pass "broken-syntax.promise has syntax errors ($n)"; else fail "broken-syntax.promise has syntax errors" "$n"; fi

# Every test case and sample formats to a fixed point.
for f in tests/cases/*.promise samples/*/*.promise; do
	if ! "$PROMISE" fmt "$f" > "$TMP/once" 2> "$TMP/err"; then
		expect_grep "fmt refuses a file with syntax errors: $f" '\[syntax-error\]$' "$TMP/err"
		continue
	fi
	if "$PROMISE" fmt --check - < "$TMP/once" > /dev/null 2>&1; then pass "fmt output is canonical: $f"; else
		fail "fmt output is canonical: $f"; fi
done

# --- --diff ------------------------------------------------------------------
mkdir -p "$TMP/d"
cp "$TMP/messy.promise" "$TMP/d/acme.promise"
(cd "$TMP/d" && "$PROMISE" fmt --diff acme.promise > ../patch 2> ../err; echo $? > ../rc)
expect_grep "--diff exits 0" '^0$' "$TMP/rc"
expect_grep "--diff labels a/PATH" '^--- a/acme\.promise$' "$TMP/patch"
expect_grep "--diff labels b/PATH" '^\+\+\+ b/acme\.promise$' "$TMP/patch"
expect_grep "--diff has hunks" '^@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@$' "$TMP/patch"
(cd "$TMP/d" && git apply ../patch 2> ../err)
expect_same "--diff applied with git apply gives the canonical form" "$TMP/tidy.promise" "$TMP/d/acme.promise"
printf 'promise N-1: No final newline\n  by:  Jan' > "$TMP/d/nonl.promise"
(cd "$TMP/d" && "$PROMISE" fmt --diff nonl.promise > ../patch2 && git apply ../patch2)
expect_grep "--diff marks a missing final newline" '^\\ No newline at end of file$' "$TMP/patch2"
printf 'promise N-1: No final newline\n  by:        Jan\n' > "$TMP/want"
expect_same "--diff without a final newline applies" "$TMP/want" "$TMP/d/nonl.promise"
expect_status "--diff on a canonical file prints nothing" 0 "$PROMISE" fmt --diff "$TMP/tidy.promise"
if [ -s "$TMP/out" ]; then fail "--diff: nothing for a canonical file" "$(cat "$TMP/out")"; else pass "--diff: nothing for a canonical file"; fi
expect_status "--check --diff exits 1 and prints the diff" 1 "$PROMISE" fmt --check --diff "$TMP/messy.promise"
expect_grep "--check --diff prints the diff" '^\+\+\+ b/' "$TMP/out"

# --- --write -----------------------------------------------------------------
mkdir -p "$TMP/w"
cp "$TMP/messy.promise" "$TMP/w/a.promise"
cp "$TMP/tidy.promise" "$TMP/w/b.promise"
chmod 640 "$TMP/w/a.promise"
touch -d '2020-01-02 03:04:05' "$TMP/w/b.promise"
before=$(stat -c '%Y %i' "$TMP/w/b.promise")
expect_status "--write exits 0" 0 "$PROMISE" fmt --write "$TMP/w"
expect_same "--write rewrites the file" "$TMP/tidy.promise" "$TMP/w/a.promise"
if [ -s "$TMP/out" ]; then fail "--write prints nothing" "$(cat "$TMP/out")"; else pass "--write prints nothing"; fi
if [ "$(stat -c %a "$TMP/w/a.promise")" = 640 ]; then pass "--write keeps the permissions"; else
	fail "--write keeps the permissions" "$(stat -c %a "$TMP/w/a.promise")"; fi
if [ "$(stat -c '%Y %i' "$TMP/w/b.promise")" = "$before" ]; then pass "--write leaves a canonical file untouched (mtime, inode)"; else
	fail "--write leaves a canonical file untouched (mtime, inode)" "$before -> $(stat -c '%Y %i' "$TMP/w/b.promise")"; fi
if [ "$(ls -A "$TMP/w" | wc -l)" = 2 ]; then pass "--write leaves no temporary file"; else fail "--write leaves no temporary file" "$(ls -A "$TMP/w")"; fi
cp "$TMP/messy.promise" "$TMP/w/target.promise"
ln -s target.promise "$TMP/w/link.promise"
expect_status "--write through a symbolic link" 0 "$PROMISE" fmt --write "$TMP/w/link.promise"
if [ -L "$TMP/w/link.promise" ]; then pass "--write: the link stays a link"; else fail "--write: the link stays a link"; fi
expect_same "--write: the linked file is rewritten" "$TMP/tidy.promise" "$TMP/w/target.promise"
rm -f "$TMP/w/link.promise" "$TMP/w/target.promise"

# A file with syntax errors is reported like lint does and left alone.
printf 'promise B-1 Ship it\n  BY: Jan\n' > "$TMP/w/bad.promise"
cp "$TMP/w/bad.promise" "$TMP/bad.copy"
expect_status "--write: syntax errors exit 1" 1 "$PROMISE" fmt --write "$TMP/w/bad.promise"
expect_grep "--write: the syntax error, located" "^$TMP/w/bad\\.promise:1:1: error: .*\\[syntax-error\\]$" "$TMP/err"
expect_same "--write: a file with syntax errors is untouched" "$TMP/bad.copy" "$TMP/w/bad.promise"
"$PROMISE" lint "$TMP/w/bad.promise" 2>/dev/null | grep -v '^[0-9]* errors\?,' > "$TMP/lint.out"
"$PROMISE" fmt --check "$TMP/w/bad.promise" 2> "$TMP/fmt.err" > /dev/null
expect_same "syntax errors: fmt prints what lint prints" "$TMP/lint.out" "$TMP/fmt.err"
expect_status "printing a file with syntax errors prints it unchanged" 1 "$PROMISE" fmt "$TMP/w/bad.promise"
expect_same "syntax errors: the file is printed as it is" "$TMP/bad.copy" "$TMP/out"
rm -f "$TMP/w/bad.promise"

# Real failures leave the original byte for byte: a directory the user
# cannot write in, and a file size limit that stops the write half-way.
mkdir -p "$TMP/ro"
cp "$TMP/messy.promise" "$TMP/ro/a.promise"
chmod 644 "$TMP/ro/a.promise"
chmod 555 "$TMP/ro"
chmod 755 "$TMP"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv > /dev/null || fail "setpriv (util-linux) is needed to drop root"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	as_user=""
fi
expect_status "--write in a read-only directory exits 2" 2 $as_user "$PROMISE" fmt --write "$TMP/ro/a.promise"
expect_grep "--write: the message names the file and the reason" "^promise: cannot write '$TMP/ro/a\\.promise': Permission denied" "$TMP/err"
expect_same "--write: read-only directory, original untouched" "$TMP/messy.promise" "$TMP/ro/a.promise"
if [ "$(ls -A "$TMP/ro" | wc -l)" = 1 ]; then pass "--write: read-only directory, no stray file"; else fail "--write: read-only directory, no stray file" "$(ls -A "$TMP/ro")"; fi
chmod 755 "$TMP/ro"

mkdir -p "$TMP/big"
i=0
while [ $i -lt 300 ]; do
	printf 'promise BIG-%d: Deliver crate %d\n   BY: Jan\n   due: 2026-12-%02dT10:00\n\n' $i $i $((i % 28 + 1))
	i=$((i + 1))
done > "$TMP/big/big.promise"
cp "$TMP/big/big.promise" "$TMP/big.copy"
expect_status "--write past the file size limit exits 2" 2 sh -c "trap '' XFSZ; ulimit -f 8; exec \"$PROMISE\" fmt --write \"$TMP/big/big.promise\""
expect_grep "--write: file size limit, the reason" "cannot write '$TMP/big/big\\.promise': File too large" "$TMP/err"
expect_same "--write: file size limit, original untouched" "$TMP/big.copy" "$TMP/big/big.promise"
if [ "$(ls -A "$TMP/big" | wc -l)" = 1 ]; then pass "--write: file size limit, no stray file"; else fail "--write: file size limit, no stray file" "$(ls -A "$TMP/big")"; fi

# --- usage and I/O errors ----------------------------------------------------
expect_status "missing file exits 2" 2 "$PROMISE" fmt "$TMP/nope.promise"
expect_grep "missing file: message" "cannot read '$TMP/nope\\.promise': No such file or directory" "$TMP/err"
expect_status "--write - is a usage error" 2 "$PROMISE" fmt --write -
expect_status "--write --check is a usage error" 2 "$PROMISE" fmt --write --check "$TMP/tidy.promise"
expect_status "unknown option is a usage error" 2 "$PROMISE" fmt --frobnicate
expect_status "a full standard output exits 2" 2 sh -c "\"$PROMISE\" fmt \"$TMP/tidy.promise\" > /dev/full"
expect_grep "a full standard output: message" "cannot write to standard output" "$TMP/err"
expect_status "fmt --help" 0 "$PROMISE" fmt --help
expect_grep "fmt --help: usage" '^usage: promise fmt' "$TMP/out"
expect_status "--help lists fmt" 0 "$PROMISE" --help
expect_grep "--help lists fmt" '^  fmt ' "$TMP/out"

# --- FORMAT.md ---------------------------------------------------------------
# The before/after pair of "Canonical layout" match, and every other example
# is canonical (or has the syntax errors it is there to show).
awk -v dir="$TMP" '
	/^## / { section = $0 }
	/^```promise/ { n++; f = sprintf("%s/fx%02d.promise", dir, n); inblock = 1
	                if (section ~ /Canonical layout/) { c++; f = sprintf("%s/canon%d.promise", dir, c) }
	                next }
	/^```/ && inblock { inblock = 0; close(f); next }
	inblock { print > f }
' grammar/FORMAT.md
"$PROMISE" fmt "$TMP/canon1.promise" > "$TMP/out"
expect_same "FORMAT.md: the layout example formats as shown" "$TMP/canon2.promise" "$TMP/out"
for ex in "$TMP"/fx*.promise "$TMP/canon2.promise"; do
	"$PROMISE" fmt --check "$ex" > /dev/null 2> "$TMP/err"
	rc=$?
	if [ $rc = 0 ] || { [ $rc = 1 ] && grep -q 'syntax-error' "$TMP/err"; }; then pass "FORMAT.md example is canonical: $(basename "$ex")"; else
		fail "FORMAT.md example is canonical: $(basename "$ex")" "$("$PROMISE" fmt --diff "$ex")"; fi
done
