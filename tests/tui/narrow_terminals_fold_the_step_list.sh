#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# At 60 columns the step list still shows; below it folds away and the
# fields take the whole width; the title keeps the step count readable.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

COLS=60 start new core-test
wait_for "Complaint number"
expect_on_screen "· The listings"
expect_screen step_60x24

COLS=40 start open 1
wait_for "Complaint number"
expect_not_on_screen "The listings"
expect_on_screen "step 1 of 3"
expect_screen step_40x24
keys F10
wait_exit
finish
