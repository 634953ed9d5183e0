#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Moving on and back is never blocked, and nothing is lost: an invalid date
# stays as a flagged draft with its reason, a valid answer stays, both are
# there after PgDn and PgUp, and the draft is kept in the database as such.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "AB-12"
keys Tab
wait_for "▸ Date you received"
type_text "2026-13-45"
keys Tab
wait_for "! Write the date as year-month-day"
keys PageDown
wait_for "step 2 of 3"
expect_on_screen "Pick every ground"
keys PageUp
wait_for "step 1 of 3"
expect_on_screen "[AB-12"
expect_on_screen "[2026-13-45"
expect_on_screen "! Write the date as year-month-day"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-?}"

ipwiz show 1 --json
case "$out" in
*'"notice_date":"2026-13-45"'*) ;;
*) fail "the draft date is not kept: $out" ;;
esac
case "$out" in
*'"path":"notice_date","message":"Write the date as year-month-day'*) ;;
*) fail "the draft is not flagged as invalid: $out" ;;
esac
finish
