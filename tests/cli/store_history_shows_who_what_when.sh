#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz history` lists every change of a case: when (in the reader's time
# zone, saying which), who@where, what (a field by its label and id, a choice
# by its label), old → new; terminal control characters in a value are shown
# escaped. --json keeps the stored ids and UTC.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

me=$(id -un)
run new core-test --batch --title "Shop 深圳"
expect_rc 0 "new"
id=$out

run set "$id" complaint_number AB-12
expect_rc 0 "first answer"
SSH_CLIENT="203.0.113.9 50022 22" run set "$id" complaint_number AB-13
expect_rc 0 "answer over ssh"
esc=$(printf 'red\033[31m\033[2Jcleared')
run set "$id" products.1.note "$esc"
expect_rc 0 "note with escapes"

run history "$id"
expect_rc 0 "history"
expect_in "$out" "case created"
expect_in "$out" "  $me  answer “Complaint number” (complaint_number): (empty) → AB-12"
expect_in "$out" "  $me@203.0.113.9  answer “Complaint number” (complaint_number): AB-12 → AB-13"
expect_in "$out" " UTC  "
case "$out" in
*"$(printf '\033')"*) fail "history printed a raw escape character" ;;
esac
expect_in "$out" "answer “Note” (products.1.note): (empty) → red"

# A choice by its label; the time in the reader's zone; the words in the
# reader's language (the core-test flow has no translations: its labels stay).
run set "$id" ip_type patent
expect_rc 0 "a choice"
run history "$id"
expect_in "$out" "answer “Which right is claimed?” (ip_type): (empty) → Patent"
expect_not_in "$out" "→ patent" "history shows the choice's id"
utc_hour=$(printf '%s\n' "$out" | tail -n 1 | cut -c12-13)
TZ=Asia/Shanghai run history "$id"
last=$(printf '%s\n' "$out" | tail -n 1)
expect_in "$last" " CST  " "history in Shanghai"
[ "$(printf '%s' "$last" | cut -c12-13)" = "$(printf '%02d' $(((${utc_hour#0} + 8) % 24)))" ] ||
	fail "Shanghai's hour is not UTC's + 8: $last (UTC hour $utc_hour)"
run note "$id" - "call the seller tomorrow"
expect_rc 0 "a note on the whole case"
run history "$id"
expect_in "$out" "note on the whole case: call the seller tomorrow"
LANGUAGE=zh_CN run history "$id"
expect_in "$out" "回答“Which right is claimed?”（ip_type）：（空） → " "history in Chinese"
expect_in "$out" "创建案件" "history in Chinese"

run history "#$id" --json
expect_rc 0 "history --json"
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
h = d["history"]
assert d["case"] == '"$id"', d
ssh = [e for e in h if e["address"] == "203.0.113.9"]
assert len(ssh) == 1 and ssh[0]["old"] == "AB-12" and ssh[0]["new"] == "AB-13", ssh
assert h[0]["what"] == "case created" and h[0]["address"] is None, h[0]
assert any(e["new"] == "red\x1b[31m\x1b[2Jcleared" for e in h), "value not kept whole in JSON"
' || fail "history --json is not the expected JSON: $out"

run history 999
expect_rc 2 "unknown case"
expect_in "$err" "There is no case #999"

run history
expect_rc 2 "no case"
expect_in "$err" "Usage: ipwiz history CASE [--json]"

finish
