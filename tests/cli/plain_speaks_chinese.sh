#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# With --lang zh_CN the line mode asks, explains and reads back in Chinese:
# the step header, the hints, the reasons an answer is refused, typed
# command words in Chinese, and the review. An English greeting means the
# catalogue lost the line mode's messages: a failure, not a skip.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

"$IPWIZ" --plain --lang zh_CN new core-test --title "深圳小店" >"$T/out" 2>"$T/err" <<'EOF'
AB-12
2026-11-20
3
1
跳过
返回
检查

EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain --lang zh_CN: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
case "$out" in
"ipwiz, line by line."*)
	fail "the line mode greets in English under --lang zh_CN: po/zh_CN.po lost its messages"
	;;
esac
expect_in "$out" "深圳小店"
expect_in "$out" "第 1 步，共 3 步：" "the step header"
expect_in "$out" "2026-11-24。" "the date hint"
expect_in "$out" "“3”" "the refused choice read back"
expect_in "$out" "> 跳过
Pieces bought" "skip typed in Chinese"
expect_in "$out" "> 返回
Your e-mail" "back typed in Chinese"
expect_in "$out" "> 检查

案件 1 " "review typed in Chinese"
expect_in "$out" "ipwiz open 1"
# None of the line mode's own English is left.
for english in "(required)" "Type the number of your choice." "is not one of the choices" \
	"Still to do" "Your answers are saved"; do
	expect_not_in "$out" "$english" "the Chinese transcript"
done
finish
