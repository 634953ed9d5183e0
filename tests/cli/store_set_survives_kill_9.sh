#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# kill -9 at a random moment of `ipwiz set`, 200 times: after each, the
# database passes integrity_check, and every value whose `ipwiz set` had
# returned success is there (its audit row is written in the same
# transaction as the answer, so the trail must hold every one of them).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
expect_rc 0 "new"
id=$out
db="$XDG_DATA_HOME/ipwiz/cases.db"
: >"$T/acked"
killed=0
i=0
while [ $i -lt 200 ]; do
	i=$((i + 1))
	"$IPWIZ" set "$id" complaint_number "AB-$i" >/dev/null 2>&1 &
	pid=$!
	# 0 to 15 ms: before, during and after the transaction
	sleep "0.0$(od -An -N1 -tu1 /dev/urandom | awk '{ printf "%02d", $1 % 16 }')"
	kill -9 "$pid" 2>/dev/null
	if { wait "$pid"; } 2>/dev/null; then
		echo "AB-$i" >>"$T/acked"
	else
		killed=$((killed + 1))
	fi
	ok=$(sqlite3 "$db" 'PRAGMA integrity_check')
	[ "$ok" = ok ] || { fail "round $i: integrity_check says $ok"; break; }
done
sqlite3 "$db" "SELECT new_value FROM audit WHERE case_id = $id AND what = 'answer complaint_number'" |
	sort >"$T/present"
missing=$(sort "$T/acked" | comm -23 - "$T/present" | head -5)
[ -z "$missing" ] || fail "answers reported saved but missing: $missing"
# a test where nothing was ever killed, or nothing ever saved, proves nothing
[ "$killed" -gt 0 ] || fail "no ipwiz set was ever killed"
[ -s "$T/acked" ] || fail "no ipwiz set ever finished"
echo "$killed of 200 killed, $(wc -l <"$T/acked") saved and present" >&2

run set "$id" complaint_number AB-final
expect_rc 0 "set after the kills"

finish
