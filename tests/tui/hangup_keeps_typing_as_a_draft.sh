#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A hang-up (the terminal closed, SIGHUP) never loses what was typed and
# never makes it an answer nobody confirmed: the text being typed, and our
# answer while "Keep yours? (y/n)" is asked, are kept as drafts — flagged
# in the database and in show, never exported — until the user
# leaves the field in the wizard again. A bracketed paste larger than the
# wizard takes is said so, and the keys after it are not swallowed.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
command -v sqlite3 >/dev/null || {
	echo "SKIP: sqlite3 is not installed"
	exit 77
}
db=$XDG_DATA_HOME/ipwiz/cases.db
# row PATH: "value|draft" of the answer at PATH in case 1.
row() {
	sqlite3 "$db" "SELECT value || '|' || draft FROM answers WHERE case_id = 1 AND path = '$1'"
}

# 1. Half-typed text at the hang-up: a draft, over the answer it replaces.
start new core-test
wait_for "Complaint number"
type_text "AB-13"
keys Tab
wait_for "▸ Date you received"
[ "$(row complaint_number)" = "AB-13|0" ] || fail "the answer left with Tab: $(row complaint_number)"
keys BTab
wait_for "▸ Complaint number"
keys End
type_text "4"
wait_for "[AB-134"
kill -HUP "$(program_pid)"
wait_exit
[ "${rc:-}" = 129 ] || fail "SIGHUP: exit ${rc:-none}, expected 129"
[ "$(row complaint_number)" = "AB-134|1" ] ||
	fail "the text being typed at the hang-up is not a draft: $(row complaint_number)"
ipwiz show 1
case "$out" in
*"Complaint number: AB-134  [a draft nobody confirmed]"*) ;;
*) fail "show does not flag the draft: $out" ;;
esac
case "$out" in
*"- Complaint number: A draft nobody confirmed (ipwiz was stopped while it was being typed); open the case and leave the field to keep it."*) ;;
*) fail "show's still to do does not name the draft: $out" ;;
esac
# Reopened: the draft is in its field; leaving the field confirms it.
start open 1
wait_for "[AB-134"
keys Tab
wait_for "▸ Date you received"
[ "$(row complaint_number)" = "AB-134|0" ] || fail "the confirmed draft: $(row complaint_number)"

# 2. The hang-up while "Keep yours? (y/n)" is asked: ours is a draft (it was
# dropped before), theirs stays in the history.
keys BTab
wait_for "▸ Complaint number"
keys C-u
type_text "MINE-1"
wait_for "[MINE-1"
ipwiz set 1 complaint_number COACH-1
[ "$rc" = 0 ] || fail "ipwiz set failed with $rc"
keys Tab
wait_for "Keep yours? (y/n)"
kill -HUP "$(program_pid)"
wait_exit
[ "${rc:-}" = 129 ] || fail "SIGHUP at the question: exit ${rc:-none}, expected 129"
[ "$(row complaint_number)" = "MINE-1|1" ] ||
	fail "our answer at the hang-up during the question: $(row complaint_number)"
ipwiz history 1
case "$out" in
*COACH-1*) ;;
*) fail "their answer is not in the history: $out" ;;
esac

# 3. A paste over 64 KiB into a textarea: said so; typing goes on at once.
awk 'BEGIN { while (n++ < 1200) printf "%059d\n", n }' >"$T/big"
start new ui-widgets
wait_for "▸ The complaint's reason"
paste "$T/big"
wait_for "The pasted text was longer than 64 KiB"
type_text "Z"
keys Tab
wait_for "▸ Shop name"
keys F10
wait_exit
got=$(sqlite3 "$db" "SELECT length(value) FROM answers WHERE case_id = 2 AND path = 'reason'")
[ "$got" = 65537 ] || fail "the pasted text kept is $got characters, expected 65536 and the Z typed after it"
finish
