#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Presence when several people are on a case: the header names the step
# each is on as it is numbered on screen (a hidden step is not counted),
# and when not everybody fits it says how many more are here, at 80×24
# and down to 40 columns, on the step, review and submission screens; F1
# lists them all.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

# A step hidden until a patent is claimed, before the listings: the
# listings are the flow's third step but the second one shown.
flow="$T/data/flows/core-test.yaml"
awk '/^  - id: listings$/ {
	print "  - id: patent_papers"
	print "    title: Patent papers"
	print "    when: ip_type == \"patent\""
	print "    fields:"
	print "      - {id: patent_office, type: text, label: Patent office}"
	print ""
}
{ print }' "$flow" >"$T/flow.yaml" && cat "$T/flow.yaml" >"$flow" || exit 99

team_case "Shop"

tstart m "$merchant" --db "$db" open "$id"
tstart c1 "$coach" --db "$db" open "$id"
twait m "Complaint number"
twait c1 "Complaint number"
tkeys m PgDn
twait m "step 2 of 3"
twait c1 "$merchant — editing, step 2" 3
expect_not_in "$(tscreen c1 | head -1)" "step 3" "the header names the flow's raw step"

# Three others on the merchant's case: two wizards and a watcher.
tstart c2 "$coach" --db "$db" open "$id"
tstart w "$coach" --db "$db" watch "$id"
twait w "also here:"
twait m "+2 more" 7 # everybody is announced (the watcher within its 7 s)

# header_counts NAME: the header says how many more are here, and the
# others it names whole (one more may be cut short) and that number add
# up to everybody (3).
header_counts() {
	local head whole more
	head=$(tscreen "$1" | head -1)
	case "$head" in
	*"+"[0-9]" more"*) ;;
	*) return 1 ;;
	esac
	more=$(printf '%s\n' "$head" | sed 's/.*+\([0-9]\) more.*/\1/')
	whole=$(printf '%s\n' "$head" | grep -o "$coach — [a-z]*" | wc -l)
	[ $((whole + more)) -le 3 ] && [ $((whole + more + 1)) -ge 3 ]
}
# wait_counts NAME SIZE: header_counts holds within 5 s (a resize is drawn).
wait_counts() {
	local start=$(date +%s)
	until header_counts "$1"; do
		if [ $(($(date +%s) - start)) -ge 5 ]; then
			fail "$1 at $2: the header does not count everybody:
$(tscreen "$1" | head -1)"
			return 1
		fi
		sleep 0.05
	done
}
wait_counts m 80x24
for size in "60 20" "48 14" "40 12"; do
	set -- $size
	$TMUX_COACH resize-window -t m -x "$1" -y "$2"
	wait_counts m "$1x$2"
done
# At 40 columns the window really is that narrow.
[ "$(tscreen m | head -1 | wc -m)" -le 41 ] || fail "the header is wider than 40 columns"

# F1 names everybody, also at 40×12.
tkeys m F1
twait m "Also on this case now"
n=$(tscreen m | grep -c "$coach — ")
[ "$n" -eq 3 ] || fail "help at 40x12 names $n of the 3 others:
$(tscreen m)"
tkeys m Escape
$TMUX_COACH resize-window -t m -x 80 -y 24
twait m "The complaint   │" # the step screen at 80 columns again (the side list)
tkeys m F1
twait m "Also on this case now"
n=$(tscreen m | grep -c "$coach — ")
[ "$n" -eq 3 ] || fail "help at 80x24 names $n of the 3 others:
$(tscreen m)"
tkeys m Escape

# Every screen says who is here: the review (F2) and the submission (F5),
# at 80×24 and at 40×12.
tkeys m F2
twait m "Review"
expect_in "$(tscreen m | head -1)" "Review" "the review screen's header"
wait_counts m "80x24, review"
$TMUX_COACH resize-window -t m -x 40 -y 12
wait_counts m "40x12, review"
$TMUX_COACH resize-window -t m -x 80 -y 24
tkeys m F5
twait m "Submit"
expect_in "$(tscreen m | head -1)" "Submit" "the submission screen's header"
wait_counts m "80x24, submission"
$TMUX_COACH resize-window -t m -x 40 -y 12
wait_counts m "40x12, submission"
finish
