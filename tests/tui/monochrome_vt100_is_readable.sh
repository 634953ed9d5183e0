#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# On a monochrome vt100 with NO_COLOR the screen says everything in text:
# the step markers, the focused field's marker, and "!" before a problem.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

TUI_TERM=vt100 TUI_ENV="NO_COLOR=1" start new core-test
wait_for "Complaint number"
type_text "not valid!"
keys Tab
wait_for "! Use letters, digits and dashes only"
expect_on_screen "▸ Date you received the complaint"
expect_on_screen "! The complaint"
expect_screen vt100_invalid_answer
# Keys arrive as xterm sends them (tmux, like many terminals reached over
# SSH, does not send what the vt100 entry describes): Home and F10 still
# work, and nothing of their escape sequences is typed into an answer.
keys BTab
wait_for "▸ Complaint number"
keys Home
type_text "X"
wait_for "[Xnot valid!"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
[ "$tty" = sane ] || fail "the terminal was left $tty"
ipwiz show 1
case "$out" in
*"[21~"* | *"[1~"* | *"[H"*) fail "an escape sequence was typed into an answer: $out" ;;
esac
case "$out" in
*"Xnot valid!"*) ;;
*) fail "Home did not move to the start: $out" ;;
esac

# ^X quits from a text field too, for a terminal without F10.
TUI_TERM=vt100 TUI_ENV="NO_COLOR=1" start open 1
wait_for "▸ Complaint number"
keys C-x
wait_exit
[ "${rc:-}" = 0 ] || fail "^X: ipwiz exited with ${rc:-none}"
finish
