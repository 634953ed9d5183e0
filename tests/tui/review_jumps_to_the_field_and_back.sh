#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The review lists every answer by step with the missing and invalid ones
# marked "!"; Enter goes to that field, F2 comes back, and the fixed answer
# is no longer marked. Esc undoes an edit before it is saved.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "AB 12"
keys Tab
wait_for "! Use letters, digits and dashes only"
keys F2
wait_for "missing or invalid"
expect_on_screen "! Complaint number: AB 12"
keys Enter
wait_for "▸ Complaint number"
expect_on_screen "F2 back to review"
keys C-u
type_text "typo"
wait_for "[typo"
keys Escape
wait_for "[AB 12"
keys C-u
type_text "AB-12"
keys F2
wait_for "missing or invalid"
expect_on_screen "Complaint number: AB-12"
expect_not_on_screen "! Complaint number"
keys q
wait_exit
ipwiz show 1
case "$out" in
*AB-12*) ;;
*) fail "the answer fixed from the review was not saved: $out" ;;
esac
finish
