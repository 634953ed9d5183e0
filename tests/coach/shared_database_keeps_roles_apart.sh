#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A support team on one shared database, as real Unix users: the merchant
# and the coach both work on the case; only the merchant can affirm and
# sign; a change by the coach to an answer the statement covers voids the
# affirmation and export refuses until the merchant affirms again; coaching
# notes never reach the exported documents; history names who did what; a
# user outside the group is refused with a sentence, and so is a database
# (or its folder) somebody made world-readable: a member, who cannot chmod
# the owner's file, is told whom to ask and the command they run.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

run init-shared "$T/team" --group "$team"
expect_rc 0 "init-shared"
db="$T/team/cases.db"
mode=$(stat -c '%a %G' "$T/team")
[ "$mode" = "2770 $team" ] || fail "shared directory is $mode, expected 2770 $team"
mode=$(stat -c '%a %G' "$db")
[ "$mode" = "660 $team" ] || fail "shared database is $mode, expected 660 $team"

as "$merchant" --db "$db" new core-test --batch --title "Shop 深圳"
expect_rc 0 "merchant creates a case"
id=$out
as "$merchant" --db "$db" set "$id" complaint_number AB-12
expect_rc 0 "merchant answers"

as "$coach" --db "$db" list
expect_rc 0 "coach lists the team's cases"
expect_in "$out" "Shop 深圳"
as "$coach" --db "$db" set "$id" email shop@example.com
expect_rc 0 "coach fills in an answer"

as "$coach" --db "$db" set "$id" truth yes
expect_rc 1 "coach affirms"
expect_in "$err" "Only the case's owner ($merchant) can affirm or withdraw this statement."
as "$coach" --db "$db" set "$id" truth.name "Li Wei"
expect_rc 1 "coach signs"

as "$merchant" --db "$db" set "$id" truth yes
expect_rc 0 "merchant affirms"
as "$merchant" --db "$db" set "$id" truth.name "李伟"
expect_rc 0 "merchant signs"
as "$merchant" --db "$db" show "$id" --json
expect_not_in "$out" "affirm it" "issues right after affirming"

# The coach changes an answer the statement covers: the affirmation is void.
as "$coach" --db "$db" set "$id" complaint_number AB-13
expect_rc 0 "coach corrects the complaint number"
as "$merchant" --db "$db" show "$id" --json
expect_in "$out" '"path":"truth","message":"Answers this statement covers changed after it was affirmed; read it again and affirm it."'

# Notes: the coach leaves one, the merchant reads it.
as "$coach" --db "$db" note "$id" complaint_number "Copy it exactly as in the notice, with the dash"
expect_rc 0 "coach leaves a note"
as "$merchant" --db "$db" notes "$id"
expect_rc 0 "merchant reads notes"
expect_in "$out" "Copy it exactly as in the notice, with the dash"
expect_in "$out" "$coach"

as "$merchant" --db "$db" history "$id"
expect_rc 0 "history"
expect_in "$out" "$merchant"
expect_in "$out" "$coach"

# A stranger on the same host: no access, said plainly.
as "$outsider" --db "$db" list
expect_rc 3 "outsider"
expect_in "$err" "You have no access to the case database $db: $T/team belongs to the team group “$team”, and you ($outsider) are not in it. Ask the administrator to run \`usermod -a -G $team $outsider\`, then log in again."

# Somebody loosened the mode: every member is refused with the fix.
chmod o+r "$db"
as "$merchant" --db "$db" list
expect_rc 3 "world-readable shared database"
# The database is root's (init-shared ran as root): the member cannot chmod
# it, so the sentence names its owner and the command the owner runs.
expect_in "$err" "It belongs to root, not to you ($merchant), so only root can make it private"
expect_in "$err" "ask root to run \`chmod 660 $db\`"
expect_not_in "$err" "chmod 600" "a member's refusal"
chmod o-r "$db"
# So does a team folder every user may write.
chmod o+w "$T/team"
as "$merchant" --db "$db" list
expect_rc 3 "a shared folder every user may write"
expect_in "$err" "The folder belongs to root, not to you ($merchant)"
expect_in "$err" "ask root to run \`chmod o-w $T/team\`"
chmod o-w "$T/team"
# Everybody's scratch folder (/tmp, sticky) is to stay open: the member is
# told to move the database, not to have anybody chmod it.
if [ -k /tmp ] && [ "$(stat -c %a /tmp)" = 1777 ]; then
	as "$merchant" --db "/tmp/ipwiz-$merchant.db" list
	expect_rc 3 "a database in /tmp"
	expect_in "$err" "Move the database to a folder only you"
	expect_not_in "$err" "chmod" "the refusal of a database in /tmp"
	[ ! -e "/tmp/ipwiz-$merchant.db" ] || fail "a database was made in /tmp"
	rm -f "/tmp/ipwiz-$merchant.db"
fi
as "$merchant" --db "$db" list
expect_rc 0 "after the fix"

# A member who may only read the database cannot watch: the others would
# not see them (the line mode and the wizard alike).
chmod 640 "$db"
as "$coach" --db "$db" show "$id"
expect_rc 0 "a member with read-only access reads the case"
as "$coach" --db "$db" watch "$id"
expect_rc 3 "watch with read-only access"
expect_in "$err" "You cannot watch case #$id unseen, and ipwiz could not show the people on it that you are watching"
tstart ro "$coach" --db "$db" watch "$id"
twait ro "You cannot watch case #$id unseen" 10
tnever ro "Watching only" 1
chmod 660 "$db"
finish
