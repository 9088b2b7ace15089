#!/bin/sh
# golden.sh — each tests/cases/NAME.promise is linted (today 2026-11-23) and
# its text and JSON reports compared byte for byte with NAME.text and
# NAME.json. After an intended change, regenerate with
#   UPDATE=1 sh tests/e2e/golden.sh
# and review the diff like code.
. tests/e2e/lib.sh

cd tests/cases || exit 1
for input in *.promise; do
	name=${input%.promise}
	"$PROMISE" lint --color never "$input" > "$TMP/$name.text" 2>&1
	echo "exit $?" >> "$TMP/$name.text"
	"$PROMISE" lint -f json "$input" > "$TMP/$name.json" 2>/dev/null
	for kind in text json; do
		if [ "${UPDATE:-}" = 1 ]; then cp "$TMP/$name.$kind" "$name.$kind"; fi
		expect_same "golden $name.$kind" "$name.$kind" "$TMP/$name.$kind"
	done
done
