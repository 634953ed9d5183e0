#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind memcheck over a short walk through the wizard in tmux: start a
# case, type a complaint number, choose from a list, type Chinese, go to the
# next step, resize the terminal, quit; reopen and quit. Every process exits
# 0, so no memcheck error and no definite or indirect leak.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
. "$IPWIZ_SRCDIR/tests/valgrind/lib.sh"
IPWIZ=$(vg_wrapper)
WAIT_SECONDS=60

start new core-test
wait_for "Complaint number"
type_text "AB-12"
keys Tab
wait_for "▸ Date you received the complaint"
type_text "2026-11-20"
keys Tab Enter
wait_for "Enter: choose"
keys Down Enter
wait_for "Patent number"
keys Tab
type_text "专利 ZL2019 商标注册证"
wait_for "商标注册证"
resize 60 20
wait_for "商标注册"
resize 80 24
keys PageDown
wait_for "Pick every ground"
keys C-x
wait_exit
[ "${rc:-}" = 0 ] || fail "the walk exited ${rc:-?} (1: valgrind found errors)"
vg_verdict "the wizard walk"

start open 1
wait_for "Pick every ground"
keys PageUp
wait_for "专利 ZL2019 商标注册证"
keys C-x
wait_exit
[ "${rc:-}" = 0 ] || fail "the reopened wizard exited ${rc:-?} (1: valgrind found errors)"
vg_verdict "the reopened wizard"

ipwiz show 1
case "$out" in
*"AB-12"*"专利 ZL2019 商标注册证"*) ;;
*) fail "the answers typed under valgrind are not in the case: $out" ;;
esac
finish
