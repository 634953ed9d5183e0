#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The wizard on a GB18030 terminal (issue #19): the Chinese of its own
# messages and of the answers is shown, not "?", and what is typed there in
# GB18030 is stored as UTF-8. tmux is a UTF-8 terminal and converts nothing,
# so the pane runs ipwiz under tests/lib/charset_pty.py, which speaks
# GB18030 to it as a Chinese console does. The external editor gets and
# gives GB18030 too.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
. "$IPWIZ_SRCDIR/tests/lib/gb18030.sh"
command -v python3 >/dev/null 2>&1 || {
	echo "SKIP: python3 (for the GB18030 terminal) is not installed" >&2
	exit 77
}

TUI_ENV="$GB_ENV" TUI_WRAP="python3 $IPWIZ_SRCDIR/tests/lib/charset_pty.py GB18030 " \
	start new core-test
wait_for "第 1 步，共 3 步"
expect_on_screen "> 投诉编号 *"
expect_on_screen "Tab 下一个  PgDn 下一步"
expect_not_on_screen "??"
keys Tab Tab Enter
wait_for "Enter：选择  Esc：取消"
keys Down Enter
wait_gone "Esc：取消"
keys Tab
type_text "专利 ZL2019 商标注册证"
wait_for "专利 ZL2019 商标注册证"
keys PageDown
wait_for "第 2 步，共 3 步"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"

# Stored as UTF-8, byte for byte what a UTF-8 terminal would have stored.
ipwiz show 1 --json
case "$out" in
*'"patent_number":"专利 ZL2019 商标注册证"'*) ;;
*) fail "the answer typed in GB18030 is not stored as UTF-8: $out" ;;
esac

# Reopened there, the stored answer is shown in Chinese again.
TUI_ENV="$GB_ENV" TUI_WRAP="python3 $IPWIZ_SRCDIR/tests/lib/charset_pty.py GB18030 " \
	start open 1
wait_for "第 2 步，共 3 步"
keys PageUp
wait_for "专利 ZL2019 商标注册证"
keys F10
wait_exit

# $EDITOR runs on the same terminal, so it gets the text in GB18030 and
# gives it back so (this editor fails unless the file reads as GB18030).
cat >"$T/gb-editor.sh" <<'SH'
#!/bin/sh
iconv -f GB18030 -t UTF-8 "$1" | grep -q "标志被抄袭" || exit 4
printf '%s\n' "补充：发票编号 INV-7" | iconv -f UTF-8 -t GB18030 >>"$1"
SH
chmod +x "$T/gb-editor.sh"
TUI_ENV="$GB_ENV EDITOR=$T/gb-editor.sh" \
	TUI_WRAP="python3 $IPWIZ_SRCDIR/tests/lib/charset_pty.py GB18030 " start new ui-widgets
wait_for "> 投诉理由 *"
type_text "标志被抄袭"
wait_for "标志被抄袭"
keys C-e
wait_for "补充：发票编号 INV-7"
expect_not_on_screen "没有正常结束"
keys F10
wait_exit
ipwiz show 2 --json
case "$out" in
*'标志被抄袭\n补充：发票编号 INV-7'*) ;;
*) fail "the text edited in GB18030 is not stored as UTF-8: $out" ;;
esac
finish
