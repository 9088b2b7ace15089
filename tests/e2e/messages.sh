#!/bin/sh
# messages.sh — findings, hints and the summary line in Dutch and Swedish:
# the language follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG, also where
# the named locale is not installed (Debian ships only C.UTF-8); C means
# English. The binary finds its catalogs in the build tree, and `make
# install` puts them where an installed binary finds them. Every message
# of the sources is translated in both catalogs.
. tests/e2e/lib.sh

cat >"$TMP/p.promise" <<'P'
promise A-1: We will try to fix some of it ASAP
  due: 2026-11-20
P
# run NAME ENV...: lint p.promise in a clean locale environment
run() {
	name=$1; shift
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@" \
		"$PROMISE" lint --select vague-wording,overdue "$TMP/p.promise" >"$TMP/$name.out" 2>"$TMP/$name.err"
}

run nl LANGUAGE=nl LANG=C.UTF-8
expect_grep "nl: vague wording in Dutch" "vage formulering in de belofte: 'try' \(inspanning\) \[vague-wording\]$" "$TMP/nl.out"
expect_grep "nl: the hint in Dutch" "hint: beloof wat je gaat doen, niet wat je gaat proberen" "$TMP/nl.out"
expect_grep "nl: overdue in Dutch, plural" "A-1 is te laat: vervallen op 2026-11-20, 3 dagen geleden \[overdue\]" "$TMP/nl.out"
expect_grep "nl: the summary line in Dutch" "^1 fout, 3 waarschuwingen, 0 info in 1 bestand \(1 belofte\)$" "$TMP/nl.err"

run sv LANG=sv_SE.UTF-8
expect_grep "sv: from LANG, locale not installed" "vag formulering i löftet: 'some' \(mängd, och inget konkret i närheten\)" "$TMP/sv.out"
expect_grep "sv: the summary line in Swedish" "^1 fel, 3 varningar, 0 info i 1 fil \(1 löfte\)$" "$TMP/sv.err"

run sv2 LANGUAGE=sv
expect_grep "sv: from LANGUAGE alone" "A-1 är försenat: förföll 2026-11-20, för 3 dagar sedan" "$TMP/sv2.out"

run nl2 LC_MESSAGES=nl_BE.UTF-8
expect_grep "nl: from LC_MESSAGES with a region" "vage formulering in de belofte: 'ASAP' \(tijd\)" "$TMP/nl2.out"

run c LC_ALL=C LANGUAGE=nl
expect_grep "C means English" "vague wording in the promise: 'try' \(effort\)" "$TMP/c.out"
run none
expect_grep "English without a locale" "^1 error, 3 warnings, 0 info in 1 file \(1 promise\)$" "$TMP/none.err"
run de LANGUAGE=de LANG=C.UTF-8
expect_grep "English for a language without a catalog" "A-1 is overdue: due 2026-11-20, 3 days ago" "$TMP/de.out"

# Rule and code names, severities and the JSON keys stay as they are.
env -u LANGUAGE -u LC_ALL LANG=C.UTF-8 LANGUAGE=sv "$PROMISE" lint -f json --select overdue "$TMP/p.promise" >"$TMP/json" 2>&1
expect_grep "json: translated message, stable fields" '"severity":"error","rule":"overdue","code":"P401","message":"A-1 är försenat' "$TMP/json"
env LANGUAGE=nl LANG=C.UTF-8 "$PROMISE" rules >"$TMP/rules" 2>&1
expect_grep "rules: summaries in Dutch" '^  P401  overdue +error +Een open belofte waarvan de vervaldatum voorbij is\.$' "$TMP/rules"
env LANGUAGE=nl LANG=C.UTF-8 "$PROMISE" explain overdue >"$TMP/explain" 2>&1
expect_grep "explain: the explanation stays English" '^Keeping promises is what makes a team reliable' "$TMP/explain"

# Installed under a prefix, the binary finds the installed catalogs.
if make -s --no-print-directory BUILD="$BUILD" install DESTDIR="$TMP/root" PREFIX=/opt/promise >"$TMP/install" 2>&1; then
	pass "make install"
else
	fail "make install" "$(cat "$TMP/install")"
fi
for l in nl sv; do
	if [ -s "$TMP/root/opt/promise/share/locale/$l/LC_MESSAGES/promise.mo" ]; then pass "make install: $l catalog"; else
		fail "make install: $l catalog" "$(find "$TMP/root" | head -n 20)"; fi
done
env -u LANG -u LC_ALL LANGUAGE=sv "$TMP/root/opt/promise/bin/promise" lint --select overdue "$TMP/p.promise" >"$TMP/inst.out" 2>&1
expect_grep "installed binary speaks Swedish" "A-1 är försenat" "$TMP/inst.out"
PROMISE_LOCALEDIR="$TMP/nowhere" env -u LANG -u LC_ALL LANGUAGE=sv "$PROMISE" lint --select overdue "$TMP/p.promise" >"$TMP/nowhere.out" 2>&1
expect_grep "PROMISE_LOCALEDIR without catalogs: English" "A-1 is overdue" "$TMP/nowhere.out"

# Both catalogs translate every message the sources hold, and compile.
command -v xgettext >/dev/null || { fail "messages: xgettext is missing" "run 'make deps'"; exit 1; }
xgettext --from-code=UTF-8 --language=C -k -k_ -kN_ -kngettext_:1,2 -o "$TMP/all.pot" src/*.c src/*/*.c 2>/dev/null
for l in nl sv; do
	msgmerge --quiet -o "$TMP/$l.po" "po/$l.po" "$TMP/all.pot"
	msgfmt --check --statistics -o /dev/null "$TMP/$l.po" >"$TMP/$l.stats" 2>&1
	if grep -Eq 'untranslated|fuzzy' "$TMP/$l.stats" || ! grep -q 'translated message' "$TMP/$l.stats"; then
		fail "po/$l.po translates every message" "$(cat "$TMP/$l.stats")" \
			"run 'make po' and translate what is new"
	else
		pass "po/$l.po translates every message"
	fi
done
