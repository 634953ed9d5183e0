#!/bin/sh
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
# An escape sequence the vt100 description does not know (tmux sends F10
# as xterm does) is swallowed, not typed into the answer; ^X quits too.
keys F10
keys C-x
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with $rc"
ipwiz show 1
case "$out" in
*"[21~"*) fail "an unknown key's escape sequence was typed into an answer: $out" ;;
esac
finish
