#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 at any moment loses at most the field being edited: answers left
# by Tab or by moving to another step are in the database, and reopening the
# case resumes at the step it was on.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "AB-12"
keys Tab
wait_for "▸ Date you received"
type_text "2026-11-01"
keys PageDown
wait_for "Pick every ground"
keys Enter
wait_for "Space: tick"
keys Space Enter
wait_for "[Genuine goods"
keys Tab Enter
wait_for "1. Listing URL"
type_text "https://example.com/being-typed"
wait_for "being-typed"

pid=$(program_pid)
[ -n "$pid" ] || fail "no ipwiz process in the pane"
kill -9 "$pid"
wait_exit
[ "${rc:-}" = 137 ] || fail "expected the program killed by signal 9, got exit ${rc:-none}"

ipwiz show 1
for want in "AB-12" "2026-11-01" "Genuine goods"; do
	case "$out" in
	*"$want"*) ;;
	*) fail "a field that was left is lost: $want (show: $out)" ;;
	esac
done
case "$out" in
*being-typed*) fail "the field being edited was saved, which kill -9 cannot allow" ;;
esac

start open 1
wait_for "Pick every ground"
expect_on_screen "step 2 of 3"
expect_on_screen "[Genuine goods"
keys PageUp
wait_for "[AB-12"
expect_on_screen "[2026-11-01"
keys F10
wait_exit
finish
