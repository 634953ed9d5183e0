#!/bin/sh
# Another session (a coach with `ipwiz set`) changes the answer being typed:
# leaving the field shows their value and asks; "y" keeps ours, "n" takes
# theirs. Nothing is overwritten without asking.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "MINE-1"
wait_for "[MINE-1"
ipwiz set 1 complaint_number COACH-1
[ "$rc" = 0 ] || fail "ipwiz set failed with $rc"
keys Tab
wait_for "changed this answer to “COACH-1” meanwhile. Keep yours? (y/n)"
keys y
wait_for "Your answer was kept."
ipwiz show 1
case "$out" in
*"Complaint number: MINE-1"*) ;;
*) fail "y did not keep ours: $out" ;;
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
keys F10
wait_exit
ipwiz show 1
case "$out" in
*"Complaint number: COACH-2"*) ;;
*) fail "n did not take theirs: $out" ;;
esac
finish
