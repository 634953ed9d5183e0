#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The case list reads a case's progress and next deadline when its row is
# first drawn (the first screen of 10,000 cases costs one screenful): rows
# scrolled into view and rows a filter brings up show their own progress,
# and a case another program deletes before its row is drawn shows "?"
# without stopping the list.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

i=1
while [ $i -le 40 ]; do
	ipwiz new core-test --batch --title "Shop $i"
	i=$((i + 1))
done
ipwiz set 40 complaint_number AB-40
ipwiz set 40 notice_date 2026-11-20
ipwiz set 25 complaint_number AB-25
start
wait_for "#1   Shop 1 "
expect_not_on_screen "Shop 25"
first=$(screen | sed -n 's/^ *.#1 .* \([0-9][0-9]*\/[0-9][0-9]*\)$/\1/p')
[ "${first%/*}" = 0 ] || fail "case #1 shows “$first”, not 0/N"
total=${first#*/}
# line N: the row of case N as shown
line() { screen | grep -F "#$1  Shop $1 " | sed 's/[[:space:]]*$//'; }

# another program deletes a case whose row was not drawn yet
if command -v sqlite3 >/dev/null; then
	sqlite3 "$XDG_DATA_HOME/ipwiz/cases.db" \
		"DELETE FROM answers WHERE case_id = 33; DELETE FROM cases WHERE id = 33;" ||
		fail "cannot delete case 33 behind the wizard"
	gone=1
else
	echo "SKIP: a case deleted behind the wizard (no sqlite3)"
	gone=0
fi
# the filter brings a case up from the middle, with its own progress
keys /
type_text "Shop 25"
keys Enter
wait_for "Filter: Shop 25"
case "$(line 25)" in *" 1/$total") ;; *) fail "filtered case 25 reads “$(line 25)”" ;; esac
keys Escape
wait_gone "Filter:"
i=1
while [ $i -lt 40 ]; do
	keys Down
	i=$((i + 1))
done
wait_for "#40  Shop 40"
case "$(line 40)" in *" 2/$total") ;; *) fail "case 40 reads “$(line 40)”, not 2/$total" ;; esac
case "$(line 34)" in *" 0/$total") ;; *) fail "case 34 reads “$(line 34)”, not 0/$total" ;; esac
case "$(line 25)" in *" 1/$total") ;; *) fail "case 25 reads “$(line 25)”, not 1/$total" ;; esac
if [ "$gone" = 1 ]; then
	case "$(line 33)" in *" ?") ;; *) fail "deleted case 33 reads “$(line 33)”, not ?" ;; esac
fi

keys q
wait_exit
[ "$rc" = 0 ] || fail "the wizard exited $rc"
finish
