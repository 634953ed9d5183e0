#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Files attached are read in the background: while the scans are read (the
# reading is held still here by stopping its process, so the test does not
# race a fast machine), the seller answers another question, which is
# saved; the field lists the files as being read or waiting, the status
# line says which of how many. When the reading goes on, each verdict comes
# under the field, not announced as someone else's change. Leaving while a
# file is read waits for it, and Esc stops the reading: the file is not
# attached, nothing half recorded, and the wizard says so.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$HOME/scans" || finish
scans_flow "$T/data/flows/read-scans.yaml" read-scans "The letters" image/png "" brand
ipwiz new read-scans --batch

# reader_pid: the wizard's child reading the files (not its file checker).
reader_pid() {
	ps -o pid=,comm= --ppid "$(program_pid)" | awk '$2 == "ipwiz" { print $1; exit }'
}
# hold_reader: wait until the reading child has started its file checker
# (it has said which file it reads), then stop the child where it is.
hold_reader() {
	poll 30 reader_reading || { fail "no reading process appeared"; return 1; }
	kill -STOP "$r"
}
reader_reading() {
	r=$(reader_pid)
	[ -n "$r" ] && ps -o comm= --ppid "$r" | grep -q worker
}

start open 1
wait_for "The letters"
keys Tab
wait_for "F4 to browse"
keys F4
wait_for "scans/"
keys Down Enter
wait_for "sharp.png"
keys Down Space Space Enter
hold_reader
wait_for "Checking 1 of 2 ▕"
expect_on_screen "blank.png — being read"
expect_on_screen "blurred.png — waiting to be read"
# The other question, answered meanwhile.
keys BTab
type_text "BRIGHTSTAR"
keys Tab
wait_for "BRIGHTSTAR"
ipwiz show 1 --json
case "$out" in
*'"BRIGHTSTAR"'*) ;;
*) fail "the answer typed while the files were read is not saved: $out" ;;
esac
kill -CONT "$(reader_pid)"
WAIT_SECONDS=90 wait_for "blurred.png ("
expect_on_screen "blank.png ("
expect_not_on_screen "Someone else"
expect_not_on_screen "being read"

# Leaving while a file is read: Esc stops, and the file is not attached.
keys Tab
wait_for "F4 to browse"
type_text "$HOME/scans/sharp.png"
keys Enter
hold_reader
wait_for "being read"
keys F10
wait_for "Esc stops"
keys Escape
wait_exit
# said where it stays, once the screen is given back
expect_on_screen "ipwiz: Reading stopped before “sharp.png” was done: it is not attached."
ipwiz show 1
case "$out" in
*sharp.png*) fail "a file whose reading was stopped is attached: $out" ;;
esac
case "$out" in
*blank.png*) ;;
*) fail "the files read before are gone: $out" ;;
esac
finish
