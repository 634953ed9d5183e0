#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An affirmation made void (the coach changed an answer it covers) is not
# shown ticked: the owner's wizard shows it void with the reason, at 80×24
# and at 40×12, and one Space affirms it again (sealed anew, export's
# refusal gone) — not two, as when the first Space withdrew it.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

team_case "Shop"
as "$merchant" --db "$db" set "$id" complaint_number AB-12
expect_rc 0 "the merchant answers"

tstart m "$merchant" --db "$db" open "$id"
twait m "Complaint number"
tkeys m PgDn
twait m "step 2 of 3"
tkeys m PgDn
twait m "▸ Truthfulness statement"
twait m "[ ] I affirm this statement"
tkeys m Space
twait m "[x] I affirm this statement"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: signed by $merchant and unchanged."

# The coach corrects an answer the statement covers: void, and said so.
as "$coach" --db "$db" set "$id" complaint_number AB-13
expect_rc 0 "the coach corrects the complaint number"
twait m "[!] I affirm this statement — void: the answers it" 3
twait m "covers changed"
expect_not_in "$(tscreen m)" "[x] I affirm" "a void affirmation"
$TMUX_COACH resize-window -t m -x 40 -y 12
twait m "[!] I affirm this"
twait m "void:"
$TMUX_COACH resize-window -t m -x 80 -y 24
twait m "│   covers changed"

# One Space affirms it again.
tkeys m Space
twait m "[x] I affirm this statement"
tnever m "[ ] I affirm this statement"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: signed by $merchant and unchanged."
as "$merchant" --db "$db" show "$id" --json
expect_not_in "$out" "changed after it was affirmed" "issues after affirming again"
# …and a Space on a valid affirmation still withdraws it.
tkeys m Space
twait m "[ ] I affirm this statement"
as "$merchant" --db "$db" show "$id" --json
expect_not_in "$out" '"truth":"yes"' "after the owner withdrew"
finish
