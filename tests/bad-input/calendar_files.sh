#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad working-day calendars: a seller adds next year's holidays in
# ~/.config/ipwiz/calendars/cn.yaml and makes a mistake. The deadlines say
# that this file is broken and where, and keep the shipped calendar — never
# quietly drop it and call every date uncertain (a make-up Saturday would
# then count as a day off, and the date shown could be later than the
# platform's).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$IPWIZ_DATADIR/flows/"
run new alibaba-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/alibaba-counter-notice.yaml"
mkdir -p "$XDG_CONFIG_HOME/ipwiz/calendars"
cal=$XDG_CONFIG_HOME/ipwiz/calendars/cn.yaml

# The shipped calendar alone: a certain date.
try "$IPWIZ" --plain open "$id"
verdict_stdout "no calendar of the user's" 0 "Last day for the first counter-notice (3 working days): 2026-11-25"
expect_not_in "$out" "This date is uncertain" "deadlines with the shipped calendar"

# calendar CASE RC MESSAGE: the user's calendar holds stdin; judge the
# deadlines said on opening the case (stdout and stderr).
calendar() {
	cat >"$cal"
	try "$IPWIZ" --plain open "$id"
	out="$out
$err"
	verdict_stdout "$@"
	expect_in "$out" "Last day for the first counter-notice (3 working days): 2026-11-25" "$1: the shipped calendar"
	expect_not_in "$out" "This date is uncertain" "$1: the shipped calendar"
}

# (not in a pipe: the counts of cases must stay in this shell)
printf 'id: [\n' >"$T/cal.in"
calendar "the user's calendar is not YAML" 0 "Your own holiday calendar could not be read, so the shipped one was used: $cal:2:1: This is not valid YAML: did not find expected node content." <"$T/cal.in"
printf 'id: cn\nyears: nope\n' >"$T/cal.in"
calendar "years is not a mapping" 0 "Your own holiday calendar could not be read, so the shipped one was used: $cal:2:8: “years” holds one entry per year, such as 2027: followed by its holidays and workdays." <"$T/cal.in"
printf 'id: cn\nyears:\n  2027:\n    holidays:\n      - {date: 2027-13-45, name: X}\n' >"$T/cal.in"
calendar "a date that does not exist" 0 "Your own holiday calendar could not be read, so the shipped one was used: $cal:5:16: “2027-13-45” is not a date: write it as YYYY-MM-DD." <"$T/cal.in"

# A FIFO where the calendar should be: refused at once, never waited on.
rm -f "$cal"
mkfifo "$cal"
try "$IPWIZ" --plain open "$id"
out="$out
$err"
verdict_stdout "the user's calendar is a FIFO" 0 "Your own holiday calendar could not be read, so the shipped one was used: $cal: The calendar file is not a regular file: put a plain YAML file there, or remove it."
expect_in "$out" "Last day for the first counter-notice (3 working days): 2026-11-25" "a FIFO calendar: the shipped calendar"

rm -f "$cal"
summary "calendar files"
