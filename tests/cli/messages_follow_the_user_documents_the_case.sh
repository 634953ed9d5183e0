#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Messages follow the user's language (LANGUAGE, LC_MESSAGES, LANG, --lang);
# documents follow the case's. A Chinese case shown or checked by somebody
# whose locale is English speaks English; with LANG=zh_CN.UTF-8 it speaks
# Chinese; its export still writes Chinese documents and a Chinese manifest.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/*.yaml "$T/data/flows/"
answers=$IPWIZ_SRCDIR/tests/fixtures/answers

run --lang zh_CN new alibaba-counter-notice --batch
expect_rc 0 "new (zh_CN)"
id=$out
run fill "$id" "$answers/alibaba-counter-notice.yaml"
expect_rc 0 "fill"

LANGUAGE=en run show "$id"
expect_rc 0 "show, LANGUAGE=en"
expect_in "$out" "Case $id:" "show, LANGUAGE=en"
expect_in "$out" "Still to do:" "show, LANGUAGE=en"
expect_not_in "$out" "案件 $id：" "show, LANGUAGE=en"
expect_not_in "$out" "还要做的" "show, LANGUAGE=en"

LANGUAGE=en run check "$id"
expect_in "$out" "Evidence checklist of case #$id" "check, LANGUAGE=en"
expect_not_in "$out" "的证据清单" "check, LANGUAGE=en"

LANGUAGE=en run history "$id"
expect_rc 0 "history, LANGUAGE=en"
LANGUAGE=zh_CN run history "$id"
h_zh=$out
LANGUAGE=en run history "$id"
[ "$out" != "$h_zh" ] || fail "history reads the same in English and Chinese"

LANG=zh_CN.UTF-8 run show "$id"
expect_in "$out" "案件 $id：" "show, LANG=zh_CN.UTF-8"
expect_in "$out" "还要做的" "show, LANG=zh_CN.UTF-8"
LANG=zh_CN.UTF-8 run check "$id"
expect_in "$out" "的证据清单" "check, LANG=zh_CN.UTF-8"

run --lang en show "$id"
expect_in "$out" "Still to do:" "show --lang en"

# The documents are the case's, whoever exports it.
LANGUAGE=en run export "$id" --out "$T/out" --force
expect_rc 0 "export, LANGUAGE=en"
[ -f "$T/out/statement.zh_CN.txt" ] || fail "no Chinese statement"
[ -f "$T/out/statement.en.txt" ] && fail "an English statement for a Chinese case"
expect_in "$(cat "$T/out/statement.zh_CN.txt")" "关于投诉 IPR-2026-118822 的反通知" "statement"
m=$(cat "$T/out/manifest.txt")
expect_not_in "$m" "Form field" "the manifest is the case's (Chinese)"
# and what export says to the user is in the user's language.
expect_in "$out" "Exported to" "export's own lines, LANGUAGE=en"

finish
