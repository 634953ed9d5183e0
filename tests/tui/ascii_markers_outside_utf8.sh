#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Outside a UTF-8 locale every marker, line and quote falls back to ASCII, so
# the screen stays readable on an old console.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

TUI_ENV="LANG=C LC_ALL=C" start new core-test
wait_for "Complaint number"
type_text "AB 1"
keys Tab
wait_for "! Use letters, digits and dashes only"
expect_on_screen "> ! The complaint   |"
expect_on_screen "> Date you received the complaint *"
expect_screen ascii_invalid_answer
keys PageDown
wait_for 'Add an item to "Complained listings"'
expect_on_screen "Accepted: PDF, JPEG, PNG - at most 8.0 MB"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
finish
