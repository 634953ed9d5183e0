#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# After the export the seller submits on the platform: `ipwiz submitted`
# marks the case, `ipwiz reply` records the platform's answer and says what
# to do next (the flow's own text); the status and the history follow. The
# core-test flow gives no numbered chances, so --chance is refused.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
id=$out

run reply "$id" accepted
expect_rc 1 "reply before submitting"
expect_in "$err" "ipwiz submitted $id"

run submitted "$id" --chance x
expect_rc 2 "chance x"
run submitted "$id" --chance 1
expect_rc 2 "a chance where the platform gives none"
expect_in "$err" "no numbered chances"
run submitted "$id" --date 2026-12-01
expect_rc 1 "submitted in the future"
run submitted "$id" --date 2026-11-22
expect_rc 0 "submitted"
expect_in "$out" "submitted on 2026-11-22."
run show "$id" --json
expect_in "$out" '"submitted"' "status after submitted"

run reply "$id" maybe
expect_rc 2 "unknown outcome"
expect_in "$err" "accepted or rejected" "the flow's outcomes"
run reply "$id" rejected --date 2026-11-21
expect_rc 1 "answer before the submission"
run reply "$id" rejected --date 2026-11-23
expect_rc 0 "rejected"
expect_in "$out" "The platform rejected it; fix the case" "the flow's text"
expect_not_in "$out" "chance" "no chances to speak of"
run list --json
expect_in "$out" '"draft"' "status after a rejection"

run submitted "$id"
expect_rc 0 "submitted again"
run reply "$id" accepted
expect_rc 0 "accepted"
expect_in "$out" "the case is closed"
run list --json
expect_in "$out" '"closed"' "status after acceptance"

run history "$id"
expect_in "$out" "2026-11-22"
expect_in "$out" "the platform replied: Rejected, 2026-11-23"
expect_in "$out" "the platform replied: Accepted, 2026-11-24"

finish
