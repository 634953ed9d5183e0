#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Only the case's owner affirms or withdraws a declaration: a coach's Space
# on the affirm field changes nothing, in either direction, and the status
# line says why (at 80×24 and at 40×12); the command line refuses the coach
# the same (set, fill), and the answer stays what the owner made it.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

team_case "Shop"
why="Only the case's owner ($merchant) can affirm or withdraw this statement."

tstart c "$coach" --db "$db" open "$id"
twait c "Complaint number"
tkeys c PgDn
twait c "step 2 of 3"
tkeys c PgDn
twait c "▸ Truthfulness statement"
twait c "[ ] I affirm this statement"

# The coach cannot affirm for the owner.
tkeys c Space
twait c "$why"
tnever c "[x] I affirm this statement"
as "$merchant" --db "$db" show "$id" --json
expect_not_in "$out" '"truth":"yes"' "after the coach's Space on an unaffirmed statement"

# The owner affirms; the coach sees it ticked and cannot withdraw it.
as "$merchant" --db "$db" set "$id" truth yes
expect_rc 0 "the merchant affirms"
twait c "[x] I affirm this statement" 3
twait c "Someone else on this case saved a change"
# A wizard opened on the affirmed case, at 40×12: Space withdraws nothing.
tkeys c F10
$TMUX_COACH kill-session -t c
tstart c2 "$coach" --db "$db" open "$id"
$TMUX_COACH resize-window -t c2 -x 40 -y 12
# (it opens where the coach left: on the declaration)
twait c2 "step 3 of 3"
twait c2 "▸ Truthfulness statement"
twait c2 "[x] I affirm"
tkeys c2 Space
twait c2 "Only the case's owner"
tnever c2 "[ ] I affirm"
$TMUX_COACH resize-window -t c2 -x 80 -y 24
twait c2 "$why"
expect_in "$(tscreen c2)" "[x] I affirm this statement" "the coach's screen after Space"
as "$merchant" --db "$db" show "$id" --json
expect_in "$out" '"truth":"yes"' "after the coach's Space on the owner's affirmation"
as "$merchant" --db "$db" history "$id" --json
expect_rc 0 "history --json after the coach's Space"
printf '%s' "$out" | python3 -c '
import json, sys
rows = json.load(sys.stdin)["history"]
sys.exit(any(r["what"] == "answer truth" and r["new"] is None for r in rows))
' || fail "the history records the affirmation withdrawn by the coach's Space: $out"

# Nor can the coach withdraw it from the command line.
as "$coach" --db "$db" set "$id" truth ""
expect_rc 1 "the coach withdraws with set"
expect_in "$err" "$why"
printf 'truth: ""\n' >"$T/withdraw.yaml"
chmod 644 "$T/withdraw.yaml"
as "$coach" --db "$db" fill "$id" "$T/withdraw.yaml"
[ "$rc" -ne 0 ] || fail "the coach's fill withdrawing the statement succeeded"
expect_in "$err" "$why"
as "$coach" --db "$db" set "$id" truth yes
expect_rc 1 "the coach affirms again over the owner's affirmation"
# …nor in the line mode (it opens on the declaration, where the coach was).
printf 'clear\nno\nquit\n' >"$T/plain.in"
chmod 644 "$T/plain.in"
out=$(timeout 30 runuser -u "$coach" -- env HOME="$T/home-$coach" \
	XDG_CONFIG_HOME="$T/home-$coach/.config" LANG=C.UTF-8 TZ=UTC IPWIZ_TODAY="$IPWIZ_TODAY" \
	IPWIZ_DATADIR="$IPWIZ_DATADIR" TERM=dumb "$IPWIZ" --plain --db "$db" open "$id" \
	<"$T/plain.in" 2>&1)
expect_in "$out" "Do you affirm this statement?"
expect_in "$out" "> clear
Not accepted: $why" "the line mode's clear"
expect_not_in "$out" "The answer is erased." "the line mode's clear"
expect_in "$out" "> no
Not accepted: $why" "the line mode's no"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: signed by $merchant and unchanged."

# The owner can withdraw it.
as "$merchant" --db "$db" set "$id" truth ""
expect_rc 0 "the merchant withdraws"
twait c2 "[ ] I affirm this statement" 3
finish
