#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A wizard that dies without leaving (its ssh client killed, kill -9) leaves
# no ghost: it goes from the others' header and its presence row from the
# database within about two heartbeats. So does the row of a crashed
# program this host cannot ask about (another host's, another PID
# namespace's): nobody renews it, and after two heartbeats it is purged.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

team_case "Shop"

tstart m "$merchant" --db "$db" open "$id"
tstart c "$coach" --db "$db" open "$id"
twait m "also here: $coach — editing" 7
twait c "also here: $merchant — editing" 7

# rows ACTOR: how many presence rows ACTOR has; no_rows ACTOR: none.
rows() { runuser -u "$merchant" -- sqlite3 "$db" "SELECT count(*) FROM presence WHERE actor = '$1'"; }
no_rows() { [ "$(rows "$1")" = 0 ]; }

# The coach's wizard is killed, as when the ssh client dies with it.
pid=$(pgrep -u "$coach" -f -- "$IPWIZ")
[ -n "$pid" ] || fail "no ipwiz of $coach is running"
kill -9 $pid
tgone m "$coach — editing" 12
poll 12 no_rows "$coach" || fail "the killed wizard's row is still in the database: $(rows "$coach")"

# A crashed program of another host: its row is as fresh as a live one's,
# then nobody renews it.
runuser -u "$merchant" -- sqlite3 "$db" "INSERT INTO presence (case_id, host, pid, actor, mode, step, updated)
	VALUES ($id, 'elsewhere.example', 4242, 'ghost', 'editing', 'complaint', strftime('%s', 'now'))" ||
	fail "could not add the other host's row"
twait m "ghost — editing" 3
tgone m "ghost — editing" 15
if poll 15 no_rows ghost; then
	echo "the other host's row was purged after ${waited} ms more" >&2
else
	fail "the other host's stale row is still in the database"
fi
expect_in "$(tscreen m)" "Complaint number" "the merchant's wizard after the ghosts left"
finish
