#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Alibaba.com flow's deadlines, as shared/domain.md states them: the
# first counter-notice within 3 Chinese working days of the complaint (and a
# safe date one working day earlier), the second and third within 27; none
# for a penalty appeal, whose deadline ipwiz does not know (and which it
# does not export). A complaint just
# before the 2026 Spring Festival proves the count skips the holiday and
# takes the make-up Saturdays (14 and 28 February) as working days.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"

run new alibaba-counter-notice --batch
expect_rc 0 "new"
id=$out
for answer in appeal_kind=counter_notice complaint_date=2026-02-12 chance=first \
	deadline_margin=early; do
	run set "$id" "${answer%%=*}" "${answer#*=}"
	expect_rc 0 "set $answer"
done

# deadlines_in DIR: the deadline section of an export's manifest.
deadlines_in() {
	run export "$id" --out "$T/$1" --force
	expect_rc 0 "export $1"
	sed -n '/^4\. /,/^$/p' "$T/$1/manifest.txt"
}

d=$(deadlines_in first)
expect_in "$d" "Safe date for the first counter-notice (one working day early): 2026-02-14"
expect_in "$d" "Last day for the first counter-notice (3 working days): 2026-02-24"
expect_not_in "$d" "second or third"

run set "$id" deadline_margin rule
d=$(deadlines_in first-rule)
expect_not_in "$d" "Safe date" "the rule's day only"
expect_in "$d" "Last day for the first counter-notice (3 working days): 2026-02-24"

run set "$id" chance second
d=$(deadlines_in second)
expect_in "$d" "Last day for the second or third counter-notice (27 working days): 2026-03-27"
expect_not_in "$d" "first counter-notice"

run set "$id" appeal_kind penalty
run list
expect_not_in "$out" "counter-notice (" "a penalty appeal has no counter-notice deadline"
run export "$id" --out "$T/penalty" --force
expect_rc 1 "a penalty appeal exports no counter-notice"

finish
