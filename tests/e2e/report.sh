#!/bin/sh
# report.sh — `promise report --html`: the page is opened in headless
# Chromium (Debian's chromium, driven by tests/e2e/browser.py over the
# DevTools pipe): it loads without a console message, an exception or a
# refused load; the numbers in the DOM the browser built match the
# promises, counted independently by tests/e2e/report_check.py; and a
# screenshot is taken. Then: self-containment, escaping, atomic writes,
# empty and one-promise inputs, errors.
. tests/e2e/lib.sh
PY=/usr/bin/python3

# open_page NAME HTML: load it in the browser; DOM in HTML.dom, picture in HTML.png.
open_page() {
	if "$PY" tests/e2e/browser.py "$2" "$2.dom" "$2.png" > "$TMP/browser.log" 2>&1; then
		pass "$1: loads in Chromium without errors"
	else
		fail "$1: loads in Chromium without errors" "$(cat "$TMP/browser.log")"
	fi
	# A PNG as wide as the window (1280), from its IHDR chunk.
	w=$(od -An -tu1 -j16 -N4 "$2.png" 2>/dev/null | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
	if [ "$(head -c 8 "$2.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && [ "$w" = 1280 ]; then
		pass "$1: a screenshot is produced"
	else
		fail "$1: a screenshot is produced" "not a 1280-pixel-wide PNG"
	fi
}

# check_numbers NAME HTML PATH...: the page's numbers against `promise list`.
check_numbers() {
	name=$1 page=$2; shift 2
	"$PROMISE" list -f json "$@" > "$TMP/list.json" 2>/dev/null
	"$PY" tests/e2e/report_check.py "$page.dom" "$TMP/list.json" "$PROMISE_TODAY" > "$TMP/check" 2>&1
	if [ $? -eq 0 ] && grep -q '^checked [1-9]' "$TMP/check"; then pass "$name: the numbers in the DOM match the promises"
	else fail "$name: the numbers in the DOM match the promises" "$(head -n 20 "$TMP/check")"; fi
}

# --- the samples ---------------------------------------------------------------------
expect_status "samples: exit 0" 0 "$PROMISE" report --html "$TMP/samples.html" samples/
open_page "samples" "$TMP/samples.html"
check_numbers "samples" "$TMP/samples.html" samples/
expect_grep "samples: the repeated extras' party has its month by month chart" '<h3>Marieke Visser \(Noordzee Logistiek\)</h3>' "$TMP/samples.html.dom"
expect_grep "samples: charts are SVG with readable labels" '<text[^>]*>Hannah Whitfield \(Acme Ltd\)</text>' "$TMP/samples.html.dom"
if [ -n "${KEEP_SCREENSHOT:-}" ]; then cp "$TMP/samples.html.png" "$KEEP_SCREENSHOT"; fi

# --- a small repository with numbers known by hand --------------------------------------
cat > "$TMP/acme.promise" <<'P'
promise A-1: Quote the Delft depot
  by:     Jan de Vries
  to:     Petra Jansen (Acme BV)
  due:    2026-09-10
  status: kept 2026-09-09
promise A-2: Send the signed order <b>back</b> & "soon"
  by:     Petra Jansen (Acme BV)
  to:     Jan de Vries <jan@example.nl>
  due:    2026-09-20
  status: kept 2026-09-25
promise A-3: Replace the pumps
  by:     Sara Lind
  to:     petra jansen  (Acme BV)
  due:    2026-10-15
  status: broken 2026-10-16
promise A-4: Deliver the seal kit
  by:     Sara Lind
  to:     Petra Jansen (Acme BV)
  due:    2026-11-02
  status: kept 2026-11-01
promise A-5: Visit the Leeds depot <script>document.title='x'</script>
  by:     Sara Lind
  to:     Petra Jansen (Acme BV)
  due:    2026-11-20
promise A-6: Call back
  by:     Sara Lind
  to:     Tom Bakker
  due:    2026-12-01
P
expect_status "hand-counted: exit 0" 0 "$PROMISE" report --html "$TMP/acme.html" --title "Acme <account>" "$TMP/acme.promise"
open_page "hand-counted" "$TMP/acme.html"
check_numbers "hand-counted" "$TMP/acme.html" "$TMP/acme.promise"
dom="$TMP/acme.html.dom"
# Petra (written two ways): deposits A-1, A-4; withdrawal A-3 broken; balance +1.
expect_grep "hand-counted: Petra's balance" '<th scope="row">Petra Jansen \(Acme BV\)</th><td data-v="kept-on-time">2</td><td data-v="kept-late">0</td><td data-v="broken">1</td><td data-v="balance" class="pos">\+1</td><td data-v="released">0</td><td data-v="open">1</td><td data-v="overdue">1</td>' "$dom"
# Jan: A-2 kept five days late: a withdrawal.
expect_grep "hand-counted: Jan's balance" '<th scope="row">Jan de Vries</th><td data-v="kept-on-time">0</td><td data-v="kept-late">1</td><td data-v="broken">0</td><td data-v="balance" class="neg">−1</td>' "$dom"
# Sara: 1 of 2 on time (A-4 kept, A-3 broken); open load 2: A-5 overdue, A-6 due within 14 days.
expect_grep "hand-counted: Sara's on-time rate" '<th scope="row">Sara Lind</th><td data-v="kept-on-time">1</td><td data-v="kept-late">0</td><td data-v="broken">1</td><td data-v="rate">50%</td>' "$dom"
expect_grep "hand-counted: Sara's open load" '<th scope="row">Sara Lind</th><td data-v="open">2</td><td data-v="overdue">1</td><td data-v="soon">1</td><td data-v="later">0</td><td data-v="undated">0</td>' "$dom"
expect_grep "hand-counted: open promises in 2026-W47 (overdue)" '<th scope="row">2026-W47</th><td class="d">2026-11-16</td><td data-v="open">1</td><td data-v="overdue">1</td>' "$dom"
expect_grep "hand-counted: open promises in 2026-W49" '<th scope="row">2026-W49</th><td class="d">2026-11-30</td><td data-v="open">1</td><td data-v="overdue">0</td>' "$dom"
expect_grep "hand-counted: month by month, October" '<th scope="row">Oct 2026</th><td data-v="deposits">0</td><td data-v="withdrawals">1</td><td data-v="balance">0</td>' "$dom"
expect_grep "escaping: the title is text" '<h1>Acme &lt;account&gt;</h1>' "$dom"
expect_grep "escaping: markup in a promise is text" 'Visit the Leeds depot &lt;script&gt;document.title=.x.&lt;/script&gt;' "$dom"
expect_no_grep "escaping: no script element reached the page" '<script' "$dom"
expect_no_grep "escaping: the page's title was not changed by it" '<title>x</title>' "$dom"

# --- self-contained ---------------------------------------------------------------------------
for f in "$TMP/samples.html" "$TMP/acme.html"; do
	if grep -Eiq '<script|<link|<img|<iframe|@import|url\(|https?://|src=' "$f"; then
		fail "self-contained: $(basename "$f") loads nothing" "$(grep -Eio '<script|<link|<img|<iframe|@import|url\(|https?://|src=' "$f" | head -n 3)"
	else pass "self-contained: $(basename "$f") loads nothing"; fi
done
expect_grep "self-contained: a policy forbids loading anything" "Content-Security-Policy\" content=\"default-src 'none'" "$TMP/acme.html"

# --- empty and one-promise inputs --------------------------------------------------------------
: > "$TMP/empty.promise"
expect_status "empty input: exit 0" 0 "$PROMISE" report --html "$TMP/empty.html" "$TMP/empty.promise"
open_page "empty input" "$TMP/empty.html"
expect_grep "empty input: says there is nothing" 'No promise is open\.' "$TMP/empty.html.dom"
head -n 5 "$TMP/acme.promise" > "$TMP/one.promise"
expect_status "one promise: exit 0" 0 "$PROMISE" report --html "$TMP/one.html" "$TMP/one.promise"
open_page "one promise" "$TMP/one.html"
check_numbers "one promise" "$TMP/one.html" "$TMP/one.promise"

# --- written atomically ------------------------------------------------------------------------
mkdir -p "$TMP/site"
echo "last week's report" > "$TMP/site/report.html"
expect_status "replaces an existing page" 0 "$PROMISE" report --html "$TMP/site/report.html" "$TMP/one.promise"
expect_grep "replaces an existing page: the new one" '^<!DOCTYPE html>' "$TMP/site/report.html"
cp "$TMP/site/report.html" "$TMP/before.html"
chmod 555 "$TMP/site"
chmod 755 "$TMP"
# As root, run as nobody (a copy of the binary in $TMP, so nobody may run it
# wherever the build lives); otherwise the mode alone refuses the write.
cp "$PROMISE" "$TMP/promise-copy"
if [ "$(id -u)" = 0 ]; then AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups"; else AS_USER=""; fi
expect_status "a directory it may not write to: exit 2" 2 $AS_USER "$TMP/promise-copy" report --html "$TMP/site/report.html" "$TMP/acme.promise"
expect_grep "a directory it may not write to: names the file and the reason" "cannot write '$TMP/site/report.html': Permission denied" "$TMP/err"
expect_same "a failed write leaves the old page whole" "$TMP/before.html" "$TMP/site/report.html"
if [ "$(ls -A "$TMP/site")" = report.html ]; then pass "a failed write leaves no temporary file"; else fail "a failed write leaves no temporary file" "$(ls -A "$TMP/site")"; fi
chmod 755 "$TMP/site"

# --- errors -------------------------------------------------------------------------------------
expect_status "no --html: usage error" 2 "$PROMISE" report samples/
expect_grep "no --html: says what is missing" 'report needs the page to write: --html FILE' "$TMP/err"
expect_status "missing path: exit 2" 2 "$PROMISE" report --html "$TMP/x.html" "$TMP/nope.promise"
expect_grep "missing path: named" "cannot read '$TMP/nope.promise': No such file or directory" "$TMP/err"
expect_status "report --help" 0 "$PROMISE" report --help
expect_grep "report --help: usage" '^usage: promise report --html FILE' "$TMP/out"
