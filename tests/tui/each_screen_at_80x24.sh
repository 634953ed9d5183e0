#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every screen of the wizard at 80×24, compared with the dumps in
# tests/tui/expected (reviewed by eye): the flow picker, a step with its
# fields, a choice picker, a list, a declaration, the review, the help and
# the case list. Enter after the last field of the last step opens the review.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start
wait_for "What do you need to prepare?"
expect_screen flow_picker
keys Enter
wait_for "Complaint number"
expect_screen step_first
type_text "AB 12"
keys Tab
wait_for "! Use letters, digits and dashes only"
keys Tab Enter
wait_for "Enter: choose"
expect_screen choice_picker
keys Escape
keys PageDown
wait_for "Pick every ground"
keys Enter
wait_for "Space: tick"
keys Space Down Space
wait_for "[x] Authorised"
expect_screen multichoice_picker
keys Enter
wait_for "Genuine goods, Authorised"
keys Tab Enter
wait_for "1. Listing URL"
type_text "https://example.com/item/1"
keys Tab
wait_for "▸ 1. Note"
expect_screen list_item
keys PageDown
wait_for "I declare that the information above is true."
keys Space Tab
type_text "李伟"
wait_for "[李伟"
expect_screen declaration
# Enter on the last field of the last step goes on to the review.
keys Enter
wait_for "missing or invalid"
expect_screen review
keys F1
wait_for "Press any key to close this help."
expect_screen help
keys x
wait_for "missing or invalid"
keys F3
wait_for "your cases"
expect_screen case_list
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with $rc"
finish
