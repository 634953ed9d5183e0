#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Alibaba.com counter-notice refuses, in the seller's words, the mistakes
# that make counter-notices fail (shared/domain.md): an invoice older than 6
# months or under 20 pieces, an authorisation not valid on the complaint
# date, earlier sales that are not earlier, an unconfirmed invoice check,
# Word files, files over 8 MB and images too small to read.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"

run new alibaba-counter-notice --batch
expect_rc 0 "new"
id=$out

run set "$id" complaint_date 2026-11-20
expect_rc 0 "complaint date"
run set "$id" complaint_date 2026-11-25
expect_rc 1 "complaint date in the future"
expect_in "$err" "The complaint date cannot be in the future."

# 180 days before 2026-11-20 is 2026-05-24: the safe reading of "6 months".
run set "$id" invoice_date 2026-05-23
expect_rc 1 "invoice older than 6 months"
expect_in "$err" "The invoice must be dated within the 6 months before the complaint."
run set "$id" invoice_date 2026-11-21
expect_rc 1 "invoice after the complaint"
run set "$id" invoice_date 2026-05-24
expect_rc 0 "invoice on the oldest safe day"

run set "$id" pieces 20
expect_rc 1 "20 pieces"
expect_in "$err" "The invoice must show more than 20 pieces."
run set "$id" pieces 21
expect_rc 0 "21 pieces"

run set "$id" same_model no
expect_rc 1 "same model refused"

run set "$id" auth_from 2026-11-21
expect_rc 1 "authorisation starting after the complaint"
expect_in "$err" "The authorisation must already be valid on the complaint date."
run set "$id" auth_until 2026-11-19
expect_rc 1 "authorisation expired before the complaint"
expect_in "$err" "The authorisation had expired on the complaint date."
run set "$id" auth_until 2026-11-20
expect_rc 0 "authorisation valid on the complaint date"

run set "$id" right_date 2026-03-01
expect_rc 0 "right filing date"
run set "$id" first_sale_date 2026-03-01
expect_rc 1 "first sale on the filing date"
expect_in "$err" "Your first sale must be before the filing date of the complainant's right."
run set "$id" first_sale_date 2026-02-28
expect_rc 0 "first sale before the filing date"

# Files the appeal page would refuse, refused before the seller uploads them.
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"
run set "$id" grounds genuine
expect_rc 0 "grounds"
run attach "$id" invoice "$T/ev/letter.docx"
expect_rc 1 "a Word file"
expect_in "$err" "this field takes only PDF, JPEG or PNG files."
run attach "$id" invoice "$T/ev/oversized.pdf"
expect_rc 1 "a 9 MB file"
expect_in "$err" "this field takes at most 8 MB."
run attach "$id" invoice "$T/ev/thumb.jpg"
expect_rc 1 "a thumbnail"
run attach "$id" invoice "$T/ev/large.pdf"
expect_rc 0 "a 6 MB file is taken with a warning"
expect_in "$out" "attached, with a warning"

# A second chance needs the reason the first one failed.
run set "$id" chance second
expect_rc 0 "second chance"
run show "$id"
expect_in "$out" "Why the last one failed: This answer is required." "show"

finish
