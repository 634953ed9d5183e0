#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The IPP complaint flow holds a rights holder to IPP's rules (shared/domain.md):
# at most 300 addresses, a trademark still registered, an agent's power of
# attorney, and for a utility model or invention patent the infringement
# analysis report even when a decision is given, with the test purchase, and
# for a utility model or design patent the patent evaluation report
# (专利权评价报告), which an invention patent does not need.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"

run new ipp-complaint --batch
expect_rc 0 "new"
id=$out

run set "$id" right_type trademark
expect_rc 0 "trademark"
run set "$id" tm_expiry 2026-11-23
expect_rc 1 "an expired registration"
expect_in "$err" "The registration has expired. Renew it before you complain with it."
run set "$id" tm_classes "9 and 25"
expect_rc 1 "classes in words"
expect_in "$err" "Write the class numbers separated by commas, for example 9, 25."
run set "$id" tm_classes "9，25"
expect_rc 0 "classes with a Chinese comma"

run set "$id" urls.300.url "https://www.aliexpress.com/item/300.html"
expect_rc 0 "the 300th address"
run set "$id" urls.301.url "https://www.aliexpress.com/item/301.html"
expect_rc 1 "a 301st address"
expect_in "$err" "This list takes at most 300 items."

# An agent: the power of attorney step appears.
run show "$id"
expect_not_in "$out" "Power of attorney" "a right holder's case"
run set "$id" role agent
run show "$id"
expect_in "$out" "Power of attorney: Attach a file that passes the check." "an agent's case"
expect_in "$out" "Their job title: This answer is required."

# A utility model patent needs the analysis report even with a decision.
for answer in right_type=patent pt_kind=utility reason=patent patent_basis=decision; do
	run set "$id" "${answer%%=*}" "${answer#*=}"
	expect_rc 0 "set $answer"
done
run show "$id"
expect_in "$out" "Court or administrative decision: Attach a file that passes the check."
expect_in "$out" "Infringement analysis report: Attach a file that passes the check."
expect_in "$out" "Test-purchase order number: This answer is required."
expect_in "$out" "Photos of the test purchase: Attach a file that passes the check."
expect_in "$out" "Patent evaluation report (专利权评价报告): Attach a file that passes the check." "a utility model"
run set "$id" pt_kind design
run show "$id"
expect_not_in "$out" "Infringement analysis report" "a design patent with a decision"
expect_in "$out" "Patent evaluation report (专利权评价报告): Attach" "a design patent"
run set "$id" pt_kind invention
run show "$id"
expect_not_in "$out" "Patent evaluation report" "an invention patent"
run set "$id" pt_kind design

# No counter-notice yet is the starting point, not a missing answer.
expect_not_in "$out" "Has a seller sent a counter-notice? This answer is required."

finish
