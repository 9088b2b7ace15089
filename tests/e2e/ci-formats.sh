#!/bin/sh
# ci-formats.sh — every CI format checked by its real consumer or official
# schema: SARIF 2.1.0 and GitLab Code Quality with python3-jsonschema,
# JUnit and Checkstyle with xmllint --schema, the gcc format with Vim's
# quickfix and Emacs' compilation-mode. Machine formats never carry colour
# and are the same bytes run to run.
. tests/e2e/lib.sh

SCHEMAS=../shared/schemas
PY=/usr/bin/python3

# A file with a quote, an ampersand, angle brackets, a percent sign, a comma
# and a colon in what the messages quote, and a non-ASCII name.
mkdir -p "$TMP/in/dir with space"
cat > "$TMP/in/dir with space/tricky ö.promise" <<'P'
promise T-1: Deliver <some> pumps & "seals" to Åsa at 100% quality, soon: maybe
  by:        the team
  due:       2026-11-10
  stauts:    open
  status:    done & <dusted> at 100%, "really": yes
P
cp samples/accounts/acme.promise "$TMP/in/"
cd "$TMP/in" || exit 1

for f in sarif github gitlab junit checkstyle gcc json; do
	FORCE_COLOR=1 "$PROMISE" lint --no-config -f "$f" acme.promise "dir with space" > "$TMP/$f.1" 2> "$TMP/$f.err"
	echo $? > "$TMP/$f.rc"
	"$PROMISE" lint --no-config -f "$f" acme.promise "dir with space" > "$TMP/$f.2" 2>/dev/null
	expect_same "$f is identical run to run" "$TMP/$f.1" "$TMP/$f.2"
	expect_no_grep "$f carries no colour" "$(printf '\033')" "$TMP/$f.1"
	expect_grep "$f: findings at the fail level exit 1" '^1$' "$TMP/$f.rc"
done

# --- SARIF against the official schema -------------------------------------------
cat > "$TMP/check.py" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
kind = sys.argv[3]
cls = jsonschema.Draft4Validator if kind == "sarif" else jsonschema.Draft7Validator
errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:5]:
    print("%s: %s" % ("/".join(map(str, e.path)), e.message))
sys.exit(1 if errors else 0)
PY
expect_status "sarif validates against sarif-schema-2.1.0.json" 0 $PY "$TMP/check.py" "$TOP/$SCHEMAS/sarif-schema-2.1.0.json" "$TMP/sarif.1" sarif
cat > "$TMP/sarif.py" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
run = doc["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert doc["version"] == "2.1.0" and doc["$schema"]
assert run["columnKind"] == "unicodeCodePoints"
names = [r["id"] for r in rules]
assert len(names) == int(sys.argv[2]), (len(names), sys.argv[2])
for r in rules:
    for k in ("id", "name", "shortDescription", "fullDescription", "help", "helpUri"):
        assert r.get(k), (r["id"], k)
    assert r["helpUri"] == sys.argv[3] + "#" + r["id"], r["helpUri"]
res = run["results"]
assert res, "no results"
for x in res:
    assert names[x["ruleIndex"]] == x["ruleId"]
    assert x["level"] in ("error", "warning", "note")
    reg = x["locations"][0]["physicalLocation"]["region"]
    assert reg["startLine"] >= 1 and reg["endColumn"] >= reg["startColumn"]
    assert x["partialFingerprints"]["promiseFinding/v1"]
uris = {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in res}
assert "dir%20with%20space/tricky%20%C3%B6.promise" in uris, uris
# columns count code points: "soon" stands after an "Å"
line = open("dir with space/tricky \u00f6.promise", encoding="utf-8").readline()
vague = [x for x in res if x["ruleId"] == "vague-wording" and "soon" in x["message"]["text"]][0]
assert vague["locations"][0]["physicalLocation"]["region"]["startColumn"] == line.index("soon") + 1, vague
fps = [(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], x["partialFingerprints"]["promiseFinding/v1"]) for x in res]
assert len(fps) == len(set(fps)), "fingerprints are not unique"
PY
nrules=$("$PROMISE" rules --names | wc -l)
expect_status "sarif: every rule in the driver, help links, regions, fingerprints" 0 \
	$PY "$TMP/sarif.py" "$TMP/sarif.1" "$nrules" docs/rules.md
"$PROMISE" lint --no-config -f sarif --help-uri-base https://example.org/promise/rules.md acme.promise "dir with space" > "$TMP/sarif.3"
expect_status "sarif: --help-uri-base sets the help links" 0 \
	$PY "$TMP/sarif.py" "$TMP/sarif.3" "$nrules" https://example.org/promise/rules.md

# Fingerprints survive a move: the same promise five lines lower.
{ printf '# a new comment\n\n\n\n\n'; cat acme.promise; } > "$TMP/moved.promise"
mkdir -p "$TMP/mv" && cp "$TMP/moved.promise" "$TMP/mv/acme.promise"
"$PROMISE" lint --no-config -f sarif acme.promise > "$TMP/fp.a"
(cd "$TMP/mv" && "$PROMISE" lint --no-config -f sarif acme.promise > "$TMP/fp.b")
cat > "$TMP/fp.py" <<'PY'
import json, sys
def fps(p):
    r = json.load(open(p))["runs"][0]["results"]
    return sorted((x["ruleId"], x["partialFingerprints"]["promiseFinding/v1"]) for x in r), \
           sorted(x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in r)
a, la = fps(sys.argv[1]); b, lb = fps(sys.argv[2])
assert a == b, "fingerprints changed"
assert la != lb, "the lines did not move"
PY
expect_status "sarif: partialFingerprints stay when promises move lines" 0 $PY "$TMP/fp.py" "$TMP/fp.a" "$TMP/fp.b"

# --- GitLab Code Quality -----------------------------------------------------------
expect_status "gitlab validates against gitlab-codequality.schema.json" 0 $PY "$TMP/check.py" "$TOP/$SCHEMAS/gitlab-codequality.schema.json" "$TMP/gitlab.1" gitlab
cat > "$TMP/gl.py" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
fps = [i["fingerprint"] for i in doc]
assert len(fps) == len(set(fps)), "fingerprints are not unique"
assert {i["severity"] for i in doc} <= {"info", "minor", "major"}
assert any(i["location"]["path"] == "dir with space/tricky ö.promise" for i in doc)
PY
expect_status "gitlab: unique fingerprints, relative paths, severities" 0 $PY "$TMP/gl.py" "$TMP/gitlab.1"
"$PROMISE" lint --no-config -f gitlab "$TMP/in/acme.promise" > "$TMP/gitlab.abs"
expect_no_grep "gitlab: an absolute path under the working directory is made relative" '"path":"/' "$TMP/gitlab.abs"

# --- JUnit and Checkstyle with xmllint ------------------------------------------------
expect_status "junit validates against junit-10.xsd" 0 xmllint --noout --schema "$TOP/$SCHEMAS/junit-10.xsd" "$TMP/junit.1"
expect_status "checkstyle validates against checkstyle-report-1.0.0.xsd" 0 xmllint --noout --schema "$TOP/$SCHEMAS/checkstyle-report-1.0.0.xsd" "$TMP/checkstyle.1"
findings=$(grep -c . "$TMP/gcc.1")
cases=$(xmllint --xpath 'count(//testcase)' "$TMP/junit.1")
failures=$(xmllint --xpath 'count(//failure)' "$TMP/junit.1")
declared=$(xmllint --xpath 'string(/testsuites/@tests)' "$TMP/junit.1")
declared_f=$(xmllint --xpath 'string(/testsuites/@failures)' "$TMP/junit.1")
suite_sum=$(xmllint --xpath 'sum(//testsuite/@tests)' "$TMP/junit.1")
if [ "$failures" = "$findings" ] && [ "$declared_f" = "$findings" ] && [ "$declared" = "$cases" ] && [ "$suite_sum" = "$cases" ]; then
	pass "junit: counts match the test cases ($cases cases, $failures failures)"
else
	fail "junit: counts match the test cases" "findings $findings, failures $failures/$declared_f, cases $cases/$declared/$suite_sum"
fi
xmllint --xpath 'string(//failure[@type="invalid-status"]/@message)' "$TMP/junit.1" > "$TMP/junit.msg"
expect_grep "junit: quotes, ampersands and brackets survive escaping" 'done & <dusted> at 100%, "really"' "$TMP/junit.msg"
xmllint --xpath 'string(//error[@source="promise.invalid-status"]/@message)' "$TMP/checkstyle.1" > "$TMP/cs.msg"
expect_grep "checkstyle: quotes, ampersands and brackets survive escaping" 'done & <dusted> at 100%, "really"' "$TMP/cs.msg"
n=$(xmllint --xpath 'count(//error)' "$TMP/checkstyle.1")
if [ "$n" = "$findings" ]; then pass "checkstyle: one error per finding"; else fail "checkstyle: one error per finding" "$n vs $findings"; fi
printf 'promise C-1: Send the signed contract for the Delft depot\n  by: Jan de Vries\n  to: Petra Jansen\n  made: 2026-11-02\n  due: 2026-12-20\n  recorded: mail\n  in-return: PO 12\n' > "$TMP/clean.promise"
"$PROMISE" lint --no-config -f junit "$TMP/clean.promise" > "$TMP/junit.clean"
expect_status "junit: a clean run validates" 0 xmllint --noout --schema "$TOP/$SCHEMAS/junit-10.xsd" "$TMP/junit.clean"
expect_grep "junit: a clean file is one passing case" 'tests="1" failures="0"' "$TMP/junit.clean"

# --- GitHub workflow commands ------------------------------------------------------------
expect_grep "github: an error annotation with its position" '^::error file=acme\.promise,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=overdue \(P401\)::' "$TMP/github.1"
expect_grep "github: info findings are notices" '^::notice ' "$TMP/github.1"
expect_grep "github: percent and newline escaped in the message" 'done & <dusted> at 100%25, "really".*%0A' "$TMP/github.1"
expect_grep "github: ':' and ',' escaped in properties" '^::warning file=dir with space/tricky ö\.promise,line=' "$TMP/github.1"
lines=$(grep -c '' "$TMP/github.1")
if [ "$lines" = "$findings" ]; then pass "github: one line per finding"; else fail "github: one line per finding" "$lines vs $findings"; fi

# --- gcc: Vim's quickfix and Emacs' compilation-mode ------------------------------------------
expect_grep "gcc: file:line:col: severity: message [rule]" '^dir with space/tricky ö\.promise:1:[0-9]+: warning: .* \[vague-wording\]$' "$TMP/gcc.1"
cp "$TMP/gcc.1" "$TMP/gcc.txt"
vim -es -N -u NONE -i NONE \
	-c 'set errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tnfo:\ %m' \
	-c "cgetfile $TMP/gcc.txt" \
	-c "call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|' . e.type . '|' . e.valid}), '$TMP/vim.qf')" \
	-c 'qa!' < /dev/null > /dev/null 2>&1
cut -d'|' -f1-3 "$TMP/vim.qf" > "$TMP/vim.pos"
cut -d: -f1-3 "$TMP/gcc.1" | sed 's/:\([0-9]*\):\([0-9]*\)$/|\1|\2/' > "$TMP/want.pos"
expect_same "vim quickfix reads every file, line and column" "$TMP/want.pos" "$TMP/vim.pos"
expect_no_grep "vim quickfix: every entry valid" '\|0$' "$TMP/vim.qf"
expect_grep "vim quickfix: the severity as the type" '\|e\|1$' "$TMP/vim.qf"
# Vim's default errorformat knows the shape too
vim -es -N -u NONE -i NONE -c "cgetfile $TMP/gcc.txt" \
	-c "call writefile([len(filter(getqflist(), 'v:val.valid && v:val.lnum > 0'))], '$TMP/vim.n')" -c 'qa!' < /dev/null > /dev/null 2>&1
expect_grep "vim's default errorformat reads them all" "^$findings\$" "$TMP/vim.n"

cat > "$TMP/parse.el" <<'EL'
(require 'compile)
(let ((out nil))
  (with-temp-buffer
    (insert-file-contents (car command-line-args-left))
    (compilation-mode)
    (compilation--ensure-parse (point-max))
    (goto-char (point-min))
    (while (not (eobp))
      (let ((msg (get-text-property (point) 'compilation-message)))
        (if (not msg)
            (push "unparsed" out)
          (let ((loc (compilation--message->loc msg)))
            (push (format "%s|%d|%d|%d"
                          (caar (compilation--loc->file-struct loc))
                          (compilation--loc->line loc)
                          (compilation--loc->col loc)
                          (compilation--message->type msg))
                  out))))
      (forward-line 1)))
  (princ (mapconcat #'identity (nreverse out) "\n"))
  (princ "\n"))
EL
emacs --batch -Q -l "$TMP/parse.el" "$TMP/gcc.txt" > "$TMP/emacs.out" 2> "$TMP/emacs.err"
cut -d'|' -f1-3 "$TMP/emacs.out" > "$TMP/emacs.pos"
# Emacs counts columns from 1 here (compilation-first-column is 1 for gcc-style)
expect_same "emacs compilation-mode reads every file, line and column" "$TMP/want.pos" "$TMP/emacs.pos"
expect_grep "emacs: errors are errors (type 2)" '\|2$' "$TMP/emacs.out"
expect_grep "emacs: warnings are warnings (type 1)" '\|1$' "$TMP/emacs.out"
expect_grep "emacs: info is info (type 0)" '\|0$' "$TMP/emacs.out"
