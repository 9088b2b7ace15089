#!/bin/sh
# lsp-vscode.sh — the VS Code extension: its pinned npm packages install
# from package-lock.json (npm ci), its TextMate grammar passes
# vscode-tmgrammar-test, it packages into a .vsix with @vscode/vsce, and a
# client built on vscode-jsonrpc negotiates utf-8 with `promise lsp` and
# finds diagnostics at the right byte columns.
. tests/e2e/lib.sh
unset PROMISE_TODAY
export PROMISE_TODAY=2026-11-23
for need in node npm; do
	command -v "$need" >/dev/null || { fail "vscode: $need is missing" "run 'make deps'"; exit 1; }
done
# A copy, so the test writes nothing into the source tree and two runs
# (plain and sanitized) never share a node_modules.
ext=$TMP/vscode
mkdir -p "$ext" && (cd editor/vscode && tar cf - --exclude=node_modules .) | (cd "$ext" && tar xf -)
if (cd "$ext" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) >"$TMP/npm" 2>&1; then
	pass "vscode: npm ci from package-lock.json"
else
	fail "vscode: npm ci from package-lock.json" "$(tail -n 20 "$TMP/npm")"
	exit 1
fi
if (cd "$ext" && ./node_modules/.bin/vscode-tmgrammar-test -g syntaxes/promise.tmLanguage.json \
	'test/grammar/*.promise') >"$TMP/grammar" 2>&1; then
	pass "vscode: TextMate grammar tests"
else
	fail "vscode: TextMate grammar tests" "$(tail -n 40 "$TMP/grammar")"
fi
vsix="$TMP/promise-lsp.vsix"
if (cd "$ext" && ./node_modules/.bin/vsce package --skip-license -o "$vsix") >"$TMP/vsce" 2>&1 &&
	python3 - "$vsix" >"$TMP/ls" 2>&1 <<'PY'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = ["extension/package.json", "extension/extension.js",
        "extension/syntaxes/promise.tmLanguage.json", "extension/language-configuration.json",
        "extension/node_modules/vscode-languageclient/package.json"]
missing = [n for n in need if n not in names]
sys.exit("missing from the .vsix: %s" % missing if missing else 0)
PY
then
	pass "vscode: packaged into a .vsix with the client library"
else
	fail "vscode: packaged into a .vsix with the client library" "$(tail -n 20 "$TMP/vsce")" "$(cat "$TMP/ls" 2>/dev/null)"
fi
node "$ext/test/lsp-client.js" "$PROMISE" >"$TMP/client" 2>&1
cat "$TMP/client"
grep -q '^PASS' "$TMP/client" || fail "vscode: node client ran" "$(tail -n 20 "$TMP/client")"
