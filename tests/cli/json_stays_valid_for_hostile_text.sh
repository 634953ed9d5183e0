#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every --json output is valid JSON and valid UTF-8 whatever a title, a file
# name, an answer or a note holds: invalid bytes arrive as U+FFFD, C1
# controls and the right-to-left override (U+202E) as \u escapes, so a
# support team's script that shows a value cannot be steered by it. The
# hostile text is written into the database directly, as a member of a
# shared database could.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v python3 >/dev/null || { echo "SKIP: python3 is needed to parse JSON" >&2; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is needed to plant the text" >&2; exit 77; }

db="$T/cases.db"
export IPWIZ_DB="$db"
run new core-test --batch --title "plain"
expect_rc 0 "new"
id=$out
run set "$id" complaint_number AB-12
expect_rc 0 "set"
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >"$T/invoice.pdf"
run attach "$id" invoice "$T/invoice.pdf"
run note "$id" complaint_number "see the notice"
expect_rc 0 "note"

# A, an invalid byte, CSI (C1 0x9b), "2J", RLO (U+202E), "fdp.exe", a LRM.
hostile="X'41ff42c29b324ae280ae6664702e657865e2808e'"
sqlite3 "$db" "UPDATE cases SET title = CAST($hostile AS TEXT) WHERE id = $id;
UPDATE answers SET value = CAST($hostile AS TEXT) WHERE case_id = $id AND path = 'complaint_number';
UPDATE evidence SET path = CAST(X'2f746d702f' || $hostile AS TEXT), message = CAST($hostile AS TEXT) WHERE case_id = $id;
UPDATE notes SET text = CAST($hostile AS TEXT), field = CAST($hostile AS TEXT) WHERE case_id = $id;
INSERT INTO audit (case_id, id, at, actor, what, old_value, new_value)
  SELECT $id, max(id) + 1, 1764000000, CAST($hostile AS TEXT), 'answer complaint_number', NULL, CAST($hostile AS TEXT)
  FROM audit WHERE case_id = $id;" || fail "cannot plant the hostile text"

# A file named with the same bytes, for the loose-file check.
loose="$T/$(printf 'A\377B\302\2332J\342\200\256fdp.pdf')"
cp "$T/invoice.pdf" "$loose"

# valid_json LABEL FILE: strict UTF-8, strict JSON, no raw control or bidi
# character, and the planted text kept (as escapes), not silently dropped.
valid_json() {
	python3 - "$1" "$2" <<'PY' || fail "$1 --json is not valid, safe JSON (output in $2)"
import json, sys, unicodedata
label, path = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
text = raw.decode("utf-8")  # raises on invalid UTF-8
for ch in text:
    cp = ord(ch)
    bad = (cp < 0x20 and ch not in "\n") or 0x7f <= cp < 0xa0 or 0x202a <= cp <= 0x202e \
        or 0x2066 <= cp <= 0x2069 or cp in (0x200e, 0x200f)
    assert not bad, "%s: raw U+%04X in the output" % (label, cp)
doc = json.loads(text)
if label != "flows":
    assert "\\u202e" in json.dumps(doc), "%s: the planted U+202E is gone instead of escaped" % label
PY
}

for cmd in "list" "show $id" "check $id" "history $id" "notes $id" "flows"; do
	name=${cmd%% *}
	# shellcheck disable=SC2086
	"$IPWIZ" $cmd --json >"$T/$name.json" 2>"$T/$name.err"
	rc=$?
	[ "$rc" -le 1 ] || fail "$cmd --json: exit $rc ($(cat "$T/$name.err"))"
	[ -s "$T/$name.json" ] || fail "$cmd --json printed nothing"
	valid_json "$name" "$T/$name.json"
done

"$IPWIZ" check --flow core-test --field invoice "$loose" --json >"$T/check-files.json" 2>"$T/cf.err"
[ -s "$T/check-files.json" ] || fail "check --flow --field --json printed nothing ($(cat "$T/cf.err"))"
valid_json check-files "$T/check-files.json"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = json.dumps(d)
assert "\\ufffd" in s and "\\u202e" in s, "the file name lost its replacement or its escape: " + s
' "$T/check-files.json" || fail "check --flow --json does not name the file as it is"

finish
