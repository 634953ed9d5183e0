#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Only a case's owner deletes it from the case list; anyone else on a shared
# database is told whose it is and nothing goes. The owner's confirmation
# names who is in the case right now, so nobody's typing is lost unasked.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing" >&2; exit 77; }

ipwiz new core-test --batch --title "Li's case"
ipwiz new core-test --batch --title "Second case"
db="$XDG_DATA_HOME/ipwiz/cases.db"
# Case 1 belongs to a colleague; mei is typing in case 2 (a presence row
# renewed far in the future stays fresh whatever the clock says).
sqlite3 "$db" "UPDATE cases SET owner = 'li' WHERE id = 1;
INSERT INTO presence (case_id, host, pid, actor, mode, step, updated)
VALUES (2, 'other-host', 1, 'mei', 'editing', 'context', 4102444800);" ||
	fail "cannot prepare the database"
start
wait_for "#2   Second case"
keys d
wait_for "Only the case owner (li) can delete case #1"
expect_not_on_screen "(y/n)"
keys y
stays_on_screen "#1   Li's case" 1
keys Down d
wait_for "Now in case #2 “Second case”: mei (editing)."
keys n
wait_for "Nothing was deleted."
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
ipwiz list
case "$out" in
*"Li's case"*"Second case"*) ;;
*) fail "a case was deleted: $out" ;;
esac
finish
