#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Another session (a coach with `ipwiz set`) changes the answer being typed:
# leaving the field shows their value and asks; "y" keeps ours, "n" takes
# theirs. Nothing is overwritten without asking; a change arriving while the
# question is asked does not answer it, and our own kept answer is not
# somebody else's the next time.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "MINE-1"
wait_for "[MINE-1"
ipwiz set 1 complaint_number COACH-1
[ "$rc" = 0 ] || fail "ipwiz set failed with $rc"
keys Tab
wait_for "changed this answer to “COACH-1” meanwhile. Keep yours? (y/n)"
# Another change while the question is asked redraws the screen under it;
# it is no answer to the question.
ipwiz set 1 notice_date 2026-11-20
wait_for "[2026-11-20"
expect_on_screen "changed this answer to “COACH-1” meanwhile. Keep yours? (y/n)"
keys y
wait_for "Your answer was kept."
ipwiz show 1
case "$out" in
*"Complaint number: MINE-1"*) ;;
*) fail "y did not keep ours: $out" ;;
esac

# The answer kept is ours: changing it again simply saves, without asking.
keys BTab
wait_for "▸ Complaint number"
keys C-u
type_text "MINE-1b"
keys Tab
wait_for "▸ Date you received"
expect_not_on_screen "meanwhile"
ipwiz show 1
case "$out" in
*"Complaint number: MINE-1b"*) ;;
*) fail "our second change was not saved: $out" ;;
esac

keys BTab
wait_for "▸ Complaint number"
keys C-u
type_text "MINE-2"
ipwiz set 1 complaint_number COACH-2
keys Tab
wait_for "changed this answer to “COACH-2” meanwhile. Keep yours? (y/n)"
keys n
wait_for "Their answer was taken."
expect_on_screen "[COACH-2"
# The help stays open while another session saves; the next key closes it
# and the change is on the screen.
keys F1
wait_for "Press any key to close this help."
ipwiz set 1 notice_date 2026-11-22
stays_on_screen "Press any key to close this help." 1
keys Escape
wait_for "[2026-11-22"
keys F10
wait_exit
ipwiz show 1
case "$out" in
*"Complaint number: COACH-2"*) ;;
*) fail "n did not take theirs: $out" ;;
esac
finish
