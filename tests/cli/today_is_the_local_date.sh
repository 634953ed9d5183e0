#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# "Today" is the user's local date, and deadlines count in the platform's
# time zone (Asia/Shanghai for Alibaba.com), whichever day is later. The
# clock is set (IPWIZ_NOW, seconds since the epoch) and TZ says where the
# user is, so the local-versus-UTC logic really runs: at 00:30 in Shanghai
# it is still yesterday in UTC.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"
unset IPWIZ_TODAY

new_case() {
	run new alibaba-counter-notice --batch
	expect_rc 0 "new"
	id=$out
	for answer in appeal_kind=counter_notice chance=first deadline_margin=rule; do
		run set "$id" "${answer%%=*}" "${answer#*=}"
		expect_rc 0 "set $answer"
	done
}

# Tuesday 2026-11-24 00:30 in Shanghai = 2026-11-23 16:30 UTC.
export TZ=Asia/Shanghai IPWIZ_NOW=1795451400
new_case
run set "$id" complaint_date 2026-11-24
expect_rc 0 "today's date in Shanghai is not in the future"
run list
expect_in "$out" "2026-11-27 (3 days left)" "3 working days from Tuesday"
run submitted "$id"
expect_rc 0 "submitted"
expect_in "$out" "submitted on 2026-11-24" "the local date is recorded"
run set "$id" complaint_date 2026-11-25
expect_rc 1 "tomorrow is still refused"

# A seller in Los Angeles at 20:00 on 2026-11-24 (04:00 UTC on the 25th):
# its own date is the 24th, but Beijing is already on the 25th, and the
# days left count from there (never more than the platform's countdown).
export TZ=America/Los_Angeles IPWIZ_NOW=1795579200
new_case
run set "$id" complaint_date 2026-11-24
expect_rc 0 "the local date in Los Angeles"
run set "$id" complaint_date 2026-11-25
expect_rc 1 "Beijing's date is the future in Los Angeles"
run set "$id" complaint_date 2026-11-24
run list
expect_in "$out" "2026-11-27 (2 days left)" "counted from Beijing's date"

finish
