#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A file's verdict is read in the reader's language, whoever attached it: a
# seller attaches in Chinese, a coach reads `show` in English and sees the
# English sentence (and the other way round); the export's manifest speaks
# the case's language, not the attacher's. A stored verdict whose other
# languages are damaged is shown as recorded, never garbled.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$T/set"
SCANS_LANGUAGES="en, zh_CN" scans_flow "$IPWIZ_DATADIR/flows/sealed-letter.yaml" sealed-letter \
	"The letter" image/png "{min_dpi: 150, colour: true}"

# English words of the grey-copy finding, for the comparison below.
run new sealed-letter --batch --title english
expect_rc 0 "new"
en_id=$out
run attach "$en_id" document "$T/set/grey.png"
expect_rc 0 "attach in English"
run show "$en_id" --json
en_msg=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["evidence"][0]["message"])')
[ -n "$en_msg" ] || fail "no English message: $out"

# The seller attaches in Chinese.
LANGUAGE=zh_CN run new sealed-letter --batch --title chinese
expect_rc 0 "new in Chinese"
id=$out
LANGUAGE=zh_CN run attach "$id" document "$T/set/grey.png"
expect_rc 0 "attach in Chinese"
LANGUAGE=zh_CN run show "$id" --json
zh_msg=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["evidence"][0]["message"])')
[ -n "$zh_msg" ] && [ "$zh_msg" != "$en_msg" ] || fail "the Chinese message is not Chinese: $zh_msg"

# The coach reads in English: the English sentence.
LANGUAGE=en run show "$id" --json
msg=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["evidence"][0]["message"])')
[ "$msg" = "$en_msg" ] || fail "an English reader of a file attached in Chinese reads “$msg”, not “$en_msg”"
LANGUAGE=en run show "$id"
expect_in "$out" "$en_msg" "show's text in English"
expect_not_in "$out" "$zh_msg" "show's text in English"
# And back: the English case read in Chinese.
LANGUAGE=zh_CN run show "$en_id"
expect_in "$out" "$zh_msg" "show's text in Chinese for a file attached in English"

# The manifest of the English case attached by a Chinese reader is English.
LANGUAGE=zh_CN run attach "$en_id" document "$T/set/grey.png"
expect_rc 0 "attach again in Chinese"
LANGUAGE=zh_CN run export "$en_id" --out "$T/out" --force
expect_rc 0 "export"
m=$(cat "$T/out/manifest.txt")
expect_in "$m" "$en_msg" "the English case's manifest"
expect_not_in "$m" "$zh_msg" "the English case's manifest"

# Damaged words (a hostile or broken value) fall back to the recorded
# sentence; nothing of them reaches the terminal.
db="$XDG_DATA_HOME/ipwiz/cases.db"
sqlite3 "$db" "UPDATE evidence SET words = 'en' || char(9) || 'bad\\qescape' || char(9) || char(10) || 'zz_ZZ_toolonglang' || char(9) || 'x' || char(9) || 'y' || char(10) || 'id' WHERE case_id = $id" ||
	fail "sqlite3"
LANGUAGE=en run show "$id" --json
expect_rc 0 "show with damaged words"
msg=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["evidence"][0]["message"])')
[ "$msg" = "$zh_msg" ] || fail "damaged words: shown “$msg”, not the recorded “$zh_msg”"
sqlite3 "$db" "UPDATE evidence SET words = 'en' || char(9) || char(27) || '[2Jplanted' || char(9) || 'fix' WHERE case_id = $id" ||
	fail "sqlite3"
LANGUAGE=en run show "$id"
expect_in "$out" "planted" "show with planted words"
case "$out" in
*"$(printf '\033')"*) fail "show printed a raw escape character from the stored words" ;;
esac
finish
