#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz set` refuses what the wizard would flag, with the field's own words,
# and keeps what it accepted.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch --title "Shop 深圳"
expect_rc 0 "new"
id=$out
[ "$id" = 1 ] || fail "first case is not 1: $id"

run set "$id" complaint_number "AB 12"
expect_rc 1 "pattern"
expect_in "$err" "Use letters, digits and dashes only, as in the notice."

run set "$id" complaint_number AB-12
expect_rc 0 "valid complaint number"

run set "$id" notice_date 2026-02-30
expect_rc 1 "impossible date"
expect_in "$err" "Write the date as year-month-day, for example 2026-11-24."

run set "$id" notice_date 2026-12-01
expect_rc 1 "future date"
expect_in "$err" "The date must be 2026-11-24 or earlier."

run set "$id" notice_date 2026-11-20
expect_rc 0 "date"

run set "$id" ip_type design
expect_rc 1 "unknown choice"
expect_in "$err" "“design” is not one of the choices."

run set "$id" email "li@@example"
expect_rc 1 "email"
expect_in "$err" "Write an e-mail address such as name@example.com."

run set "$id" pieces 12
expect_rc 1 "number under min"
expect_in "$err" "The invoice must show more than 20 pieces."

# Digits only, as the message says: what strtod would take is refused; a
# full-width number is the number it is, stored as ASCII digits.
for v in 0x1A 1e308 +25 .5e2 "2 5" 25.0; do
	run set "$id" pieces "$v"
	expect_rc 1 "number $v"
	expect_in "$err" "Write a number, using digits only."
done
run show "$id"
expect_in "$out" "Pieces bought: (not answered)" "show after refused numbers"
run set "$id" pieces "２５"
expect_rc 0 "full-width number"
run show "$id"
expect_in "$out" "Pieces bought: 25" "the full-width number, shown"
run set "$id" pieces " 30 "
expect_rc 0 "a number with spaces around it"
run show "$id" --json
expect_in "$out" '"pieces":"30"' "the padded number, stored without its spaces"

run set "$id" products.2.url "ftp://x"
expect_rc 1 "url"
expect_in "$err" "Write the full address, starting with https://."

run set "$id" products.4.url "https://shop.example/4"
expect_rc 1 "list max"
expect_in "$err" "This list takes at most 3 items."

run set "$id" products.2.url "https://shop.example/2"
expect_rc 0 "list item"

run set "$id" no_such_field x
expect_rc 2 "unknown field"
expect_in "$err" "This flow has no field “no_such_field”."

run show "$id" --json
expect_rc 0 "show --json"
expect_in "$out" '"complaint_number":"AB-12"'
expect_in "$out" '"notice_date":"2026-11-20"'
expect_in "$out" '"products":"2"'
expect_in "$out" '"products.2.url":"https://shop.example/2"'
expect_in "$out" '"title":"Shop 深圳"'
expect_not_in "$out" '"ip_type":"design"' "refused answers"

run show "$id"
expect_rc 0 "show"
expect_in "$out" "Complaint number: AB-12"
expect_in "$out" "Still to do:"
expect_in "$out" "Which right is claimed? This answer is required."

finish
