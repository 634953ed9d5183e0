#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A case with missing required answers is not exported without --force, and
# the deadline file follows the flow's deadlines.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
id=$out
run set "$id" complaint_number AB-1
run export "$id" --out "$T/out"
expect_rc 1 "export of an unready case"
expect_in "$err" "not ready to export"
expect_in "$err" "--force"
[ -e "$T/out" ] && fail "a refused export left $T/out"

run export "$id" --out "$T/out" --force
expect_rc 0 "export --force of an unready case"
expect_in "$(cat "$T/out/manifest.txt")" "Exported with --force despite:"
expect_in "$(cat "$T/out/manifest.txt")" "No evidence file to upload."
run history "$id"
expect_in "$out" "exported despite these problems (--force)"

finish
