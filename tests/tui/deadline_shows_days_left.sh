#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Once the date a deadline counts from is answered, the next deadline shows
# with the days left (the clock pinned to 2026-11-24): at the foot of the
# step list, on the review and for the selected case in the case list.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new ui-widgets
wait_for "complaint's reason"
keys PageDown
wait_for "▸ Date of the notice"
expect_not_on_screen "days left"
type_text "2026-11-20"
keys Tab
wait_for "2026-11-30 (6 days"
expect_on_screen " Answer the notice:"
keys F2
wait_for "Answer the notice: 2026-11-30 (6 days left)"
keys F3
wait_for "your cases"
expect_on_screen "Answer the notice: 2026-11-30 (6 days left)"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
finish
