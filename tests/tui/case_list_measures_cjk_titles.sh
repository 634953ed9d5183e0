#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The case list lines up by display width whatever the titles (Chinese takes
# two columns a character, a long one ends in an ellipsis), shows each case's
# progress, filters by typing after "/", opens the selected case with Enter
# and deletes one with d only after asking.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

ipwiz new core-test --batch --title "店铺投诉 商标 Tokoku 很长的标题还有更多的字"
ipwiz new core-test --batch --title "Second case"
ipwiz set 2 complaint_number AB-1
ipwiz new ui-widgets --batch
start
wait_for "#3   Wizard widgets"
expect_screen case_list_cjk
keys /
type_text "商标"
wait_for "Filter: 商标"
expect_not_on_screen "Second case"
expect_on_screen "#1   店铺投诉"
keys C-u
type_text "WIDGETS"
wait_for "#3   Wizard widgets"
expect_not_on_screen "#1   店铺投诉"
keys Enter Escape
wait_for "#2   Second case"
expect_not_on_screen "Filter:"
keys Down Enter
wait_for "#2 Second case"
expect_on_screen "[AB-1"
keys F3
wait_for "your cases"
keys Down d
wait_for "Delete case #2 “Second case”"
keys n
wait_for "Nothing was deleted."
keys d
wait_for "Delete case #2 “Second case”"
keys y
wait_for "Case #2 deleted."
expect_not_on_screen "Second case"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
ipwiz list
case "$out" in
*"Second case"*) fail "the case is still listed: $out" ;;
esac
finish
