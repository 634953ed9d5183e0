#!/bin/sh
# After the export the seller submits on the platform: `ipwiz submitted`
# marks the case, `ipwiz reply` records the platform's answer and says what
# to do next; the status and the history follow.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
id=$out

run reply "$id" accepted
expect_rc 1 "reply before submitting"
expect_in "$err" "ipwiz submitted $id"

run submitted "$id" --chance 4
expect_rc 2 "chance 4"
run submitted "$id" --date 2026-12-01
expect_rc 1 "submitted in the future"
run submitted "$id" --date 2026-11-22 --chance 1
expect_rc 0 "submitted"
expect_in "$out" "submitted on 2026-11-22 (chance 1 of 3)"
run show "$id" --json
expect_in "$out" '"submitted"' "status after submitted"

run reply "$id" maybe
expect_rc 2 "unknown outcome"
expect_in "$err" "more-info"
run reply "$id" rejected --date 2026-11-21
expect_rc 1 "answer before the submission"
run reply "$id" rejected --date 2026-11-23
expect_rc 0 "rejected"
expect_in "$out" "rejected this submission"
expect_in "$out" "Deadlines that still apply:"
run list --json
expect_in "$out" '"draft"' "status after a rejection"

run submitted "$id" --chance 2
expect_rc 0 "second chance"
run reply "$id" accepted
expect_rc 0 "accepted"
expect_in "$out" "the case is closed"
run list --json
expect_in "$out" '"closed"' "status after acceptance"

run history "$id"
expect_in "$out" "2026-11-22 chance 1"
expect_in "$out" "rejected 2026-11-23"
expect_in "$out" "accepted 2026-11-24"

finish
