#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Alibaba.com gives 3 chances against one complaint. What `submitted` and
# `reply` record decides which chance is next, its deadline and what is
# left: `--chance N` updates the case's chance answer; the second chance
# needs a recorded rejection of the first (or the first's last day passed:
# a missed chance is used up); after a rejection the 27-working-day
# deadline of the next chance shows; after the third, none is left.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"

# complaint on Thursday 2026-11-19: first chance until Tuesday 2026-11-24
# (3 working days), later ones until 2026-12-28 (27 working days).
new_case() {
	run new alibaba-counter-notice --batch
	expect_rc 0 "new"
	id=$out
	for answer in appeal_kind=counter_notice complaint_date=2026-11-19 chance=first \
		deadline_margin=rule; do
		run set "$id" "${answer%%=*}" "${answer#*=}"
		expect_rc 0 "set $answer"
	done
}
new_case

run submitted "$id" --chance 2
expect_rc 1 "second chance without a rejection"
expect_in "$err" "chance 1 is not used up"
run show "$id" --json
expect_in "$out" '"chance":"first"' "refusal changed nothing"

run submitted "$id" --date 2026-11-20
expect_rc 0 "first submission"
expect_in "$out" "(chance 1 of 3)"
run reply "$id" more-info
expect_rc 0 "more info does not use the chance"
expect_not_in "$out" "Chance 2"
run submitted "$id" --chance 2
expect_rc 1 "still the first chance after more-info"
run submitted "$id" --chance 1
expect_rc 0 "first chance again"

run reply "$id" rejected
expect_rc 0 "first rejected"
expect_in "$out" "Chance 2 of 3 is next"
expect_in "$out" "Last day for the second or third counter-notice (27 working days): 2026-12-28"
expect_not_in "$out" "Last day for the first"
run show "$id" --json
expect_in "$out" '"chance":"second"' "the chance answer follows the rejection"

run submitted "$id" --chance 1
expect_rc 1 "a used chance"
expect_in "$err" "Chance 1 is used up"
run submitted "$id" --chance 3
expect_rc 1 "third before the second is used"
run submitted "$id" --chance 2 --date 2026-11-24
expect_rc 0 "second chance"
expect_in "$out" "(chance 2 of 3)"
run reply "$id" rejected
expect_rc 0 "second rejected"
expect_in "$out" "Chance 3 of 3 is next"
run show "$id" --json
expect_in "$out" '"chance":"third"'

run submitted "$id"
expect_rc 0 "third chance, counted"
expect_in "$out" "(chance 3 of 3)"
run reply "$id" rejected
expect_rc 0 "third rejected"
expect_in "$out" "That was the last chance"
expect_in "$out" "penalty appeal"
expect_not_in "$out" "is next"
expect_not_in "$out" "Deadlines that still apply"
run submitted "$id"
expect_rc 1 "nothing left"
expect_in "$err" "No chance is left"

# A first deadline missed: that chance is used up and the second may come.
IPWIZ_TODAY=2026-11-26
export IPWIZ_TODAY
new_case
run submitted "$id"
expect_rc 0 "after a missed first deadline"
expect_in "$out" "(chance 2 of 3)"
run show "$id" --json
expect_in "$out" '"chance":"second"'

finish
