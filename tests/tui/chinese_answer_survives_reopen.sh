#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Type Chinese into a field, go on to the next step, quit, reopen the case:
# the wizard resumes at the step it was left on and the text is there.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
keys Tab Tab Enter
wait_for "Enter: choose"
keys Down Enter
wait_for "Patent number"
keys Tab
type_text "专利 ZL2019 商标注册证"
wait_for "商标注册证"
keys PageDown
wait_for "Pick every ground"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with $rc after q"

ipwiz show 1
case "$out" in
*"专利 ZL2019 商标注册证"*) ;;
*) fail "ipwiz show lacks the Chinese answer: $out" ;;
esac

start open 1
wait_for "Pick every ground"
expect_on_screen "step 2 of 3"
keys PageUp
wait_for "专利 ZL2019 商标注册证"
expect_screen chinese_answer_reopened
keys F10
wait_exit
finish
