#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A seller who reads Chinese answers the Alibaba.com counter-notice in the
# wizard at 80×24: the first answers typed and picked on screen (a Chinese
# company name, choices), the rest preseeded as a coach would, the evidence
# attached; then every step is walked in Chinese, and the submission screen
# says nothing blocks and copies the Chinese statement.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"
start --lang zh_CN new alibaba-counter-notice
wait_for "投诉是在哪个网站上"
expect_on_screen "第 1 步"
keys Enter
wait_for "阿里巴巴国际站"
keys Enter
keys Tab Enter
wait_for "尚未判定的投诉"
keys Enter Tab
type_text "深圳市华联贸易有限公司"
wait_for "深圳市华联贸易有限公司"
keys Tab
wait_for "已保存"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "the wizard exited with ${rc:-?}"

ipwiz show 1 --json
case "$out" in
*'"account_name":"深圳市华联贸易有限公司"'*'"appeal_kind":"counter_notice"'*'"site":"alibaba_com"'*) ;;
*) fail "the answers typed on screen are not saved: $out" ;;
esac

# The rest, as a coach preseeds it; the evidence files checked and attached.
grep -v -e '^site:' -e '^appeal_kind:' -e '^account_name:' \
	"$IPWIZ_SRCDIR/tests/fixtures/answers/alibaba-counter-notice.yaml" >"$T/rest.yaml"
ipwiz fill 1 "$T/rest.yaml"
[ "$rc" = 0 ] || fail "fill: $(cat "$T/stderr")"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1
ipwiz attach 1 authorisation "$T/ev/photo.jpg"
[ "$rc" = 0 ] || fail "attach authorisation: $(cat "$T/stderr")"
ipwiz attach 1 invoice "$T/ev/invoice.pdf"
[ "$rc" = 0 ] || fail "attach invoice: $(cat "$T/stderr")"

start --lang zh_CN open 1
$TMUX_CMD set-option -s set-clipboard on
wait_for "第 1 步"
total=$(screen | sed -n 's/.*第 1 步，共 \([0-9]*\) 步.*/\1/p' | head -n 1)
[ -n "$total" ] || fail "no step count on screen"
echo "walked $total steps in Chinese" >&2
k=1
while [ "$k" -lt "${total:-1}" ]; do
	k=$((k + 1))
	keys PageDown
	wait_for "第 $k 步，共 $total 步"
	expect_not_on_screen "Step"
done
keys F5
wait_for "提交之前"
expect_on_screen "没有阻碍提交的问题"
keys Enter
wait_for "已把 «"
$TMUX_CMD show-buffer >"$T/clipboard" 2>/dev/null || fail "nothing was copied"
grep -q "IPR-2026-118822" "$T/clipboard" || fail "the copied statement lacks the complaint number"
grep -q "王芳" "$T/clipboard" || fail "the copied statement lacks the signature"
keys q
wait_exit
finish
