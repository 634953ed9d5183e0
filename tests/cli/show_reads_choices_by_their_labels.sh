#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `show` prints a choice by its label, picked choices by their labels and
# yes/no as words, in the user's language; `--json` keeps the stored ids in
# "answers" and adds how each reads under "labels". Chinese output puts the
# full-width colon after a label ("账户主体的法定名称：…"), never ": ".
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/*.yaml "$T/data/flows/"
answers=$IPWIZ_SRCDIR/tests/fixtures/answers

run --lang zh_CN new alibaba-counter-notice --batch
id=$out
run fill "$id" "$answers/alibaba-counter-notice.yaml"
expect_rc 0 "fill"

run show "$id"
expect_rc 0 "show"
expect_in "$out" "Which site is the complaint on? Alibaba.com" "a choice by its label"
expect_not_in "$out" "alibaba_com" "a choice id"
expect_in "$out" "Why is the complaint wrong? I sell genuine goods bought from the owner or an authorised distributor
      The right holder authorised or licensed me" "picked choices by their labels, one a line"
expect_not_in "$out" "? genuine" "a multichoice id"
expect_in "$out" "Legal name of the account holder: 深圳市华联贸易有限公司" "a label and a text answer"

LANGUAGE=zh_CN run show "$id"
expect_in "$out" "投诉是在哪个网站上？阿里巴巴国际站" "a choice in Chinese"
expect_in "$out" "为什么投诉是错的？我销售的是从权利人或授权经销商处购买的正品
      权利人授权或许可了我" "picked choices in Chinese"
expect_in "$out" "账户主体的法定名称：深圳市华联贸易有限公司" "the full-width colon"
expect_not_in "$out" "：:" "a colon after a colon"
# No ASCII ": " after a Chinese label (an answer may still hold one).
bad=$(printf '%s\n' "$out" | grep -E '^ *[^ -~]+: ' | grep -v 'https\?:' | head -3)
[ -z "$bad" ] || fail "an ASCII colon after a Chinese label: $bad"

run show "$id" --json
expect_rc 0 "show --json"
expect_in "$out" '"site":"alibaba_com"' "the stored id stays in answers"
expect_in "$out" '"grounds":"genuine\nauthorised"' "the stored ids of a multichoice"
expect_in "$out" '"labels":{' "a labels object"
expect_in "$out" '"site":"Alibaba.com"' "the label beside it"
expect_in "$out" '"grounds":"I sell genuine goods bought from the owner or an authorised distributor\nThe right holder authorised or licensed me"' "labels line by line with the ids"
if command -v python3 >/dev/null 2>&1; then
	printf '%s' "$out" | python3 -c 'import json,sys; json.load(sys.stdin)' ||
		fail "show --json is not valid JSON"
fi

finish
