#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Reading scans takes seconds each (OCR): attaching two at once from the
# browser (F4, Space, Enter) says on the status line which file is being
# read, of how many, with a bar, until both verdicts are there.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
if [ ! -e "${TESSDATA_PREFIX:-/usr/share/tesseract-ocr/5/tessdata}/eng.traineddata" ]; then
	echo "SKIP: no English OCR model: scans are not read, so nothing takes long" >&2
	exit 77
fi
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$HOME/scans" || finish
scans_flow "$T/data/flows/read-scans.yaml" read-scans "The letters" image/png "" brand
ipwiz new read-scans --batch
ipwiz set 1 brand BRIGHTSTAR
start open 1
wait_for "The letters"
keys Tab
wait_for "F4 to browse"
keys F4
wait_for "scans/"
keys Down Enter
wait_for "sharp.png"
# Below "..": blank.png and blurred.png, marked (Space marks and moves on).
keys Down Space Space Enter
wait_for "Checking 2 of 2 ▕"
# Both verdicts under the field: reading two A4 scans takes seconds each,
# and many more on a loaded machine (a package build beside other builds).
_wait=$WAIT_SECONDS
WAIT_SECONDS=$((_wait * 6))
wait_for "blurred.png ("
WAIT_SECONDS=$_wait
expect_on_screen "blank.png ("
expect_not_on_screen "Checking"
keys F10
wait_exit
finish
