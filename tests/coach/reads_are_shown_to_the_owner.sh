#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Nobody reads a case unseen: when a colleague reads the merchant's case
# with show, check, notes, history or export, the case's trail records it,
# and the merchant is told on opening the case who read it and how. The
# merchant's own reads are not recorded, and once the merchant has been
# back in the case, older reads are no longer news.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

run init-shared "$T/team" --group "$team"
expect_rc 0 "init-shared"
db="$T/team/cases.db"
as "$merchant" --db "$db" new core-test --batch --title "Shop 深圳"
expect_rc 0 "merchant creates a case"
id=$out
as "$merchant" --db "$db" show "$id"
expect_rc 0 "merchant reads their own case"

for how in show check notes history; do
	as "$coach" --db "$db" "$how" "$id"
	[ "$rc" -le 1 ] || fail "coach's $how exited $rc: $err"
done
as "$coach" --db "$db" export "$id" --out "$T/home-$coach/pkg"
[ "$rc" -le 1 ] || fail "coach's export exited $rc: $err"

as "$merchant" --db "$db" history "$id" --json
expect_rc 0 "history"
reads=$(printf '%s' "$out" | python3 -c '
import json, sys
rows = json.load(sys.stdin)["history"]
print(" ".join(r["actor"] + ":" + (r["new"] or "") for r in rows if r["what"] == "read"))')
[ "$reads" = "$coach:show $coach:check $coach:notes $coach:history $coach:export" ] ||
	fail "the trail holds the reads “$reads”"

as "$merchant" --db "$db" --plain open "$id"
expect_in "$out" "$coach read this case at "
expect_in "$out" "(export)"
expect_in "$out" "; and 2 more reads."

# The merchant has been back (answered something): the reads are old news.
as "$merchant" --db "$db" set "$id" complaint_number AB-12
expect_rc 0 "merchant answers"
as "$merchant" --db "$db" --plain open "$id"
expect_not_in "$out" "read this case"
finish
