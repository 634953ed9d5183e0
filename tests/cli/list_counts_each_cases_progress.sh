#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz list` reads every case's answers and files in one pass over the
# database (store_scan); each case must still count only its own: required
# answers that conditions add (a patent number, an invoice for "genuine
# goods"), a usable file but not a rejected one, answers written out of case
# order, and a case whose flow is no longer installed between two others.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
sed 's/^id: core-test$/id: gone-flow/' "$T/data/flows/core-test.yaml" >"$T/data/flows/gone-flow.yaml"

for t in "Nothing yet" "Patent claim" "Genuine, invoice" "Genuine, program"; do
	run new core-test --batch --title "$t"
	expect_rc 0 "new $t"
done
run new gone-flow --batch --title "Old flow"
expect_rc 0 "new gone-flow"
run set 5 complaint_number X-5
expect_rc 0 "answer in the old flow"
rm "$T/data/flows/gone-flow.yaml"
run new core-test --batch --title "After the old one"

# Written from the last case to the first: the rows are not in case order.
run set 4 grounds genuine
run attach 4 invoice "$T/s/program.pdf"
expect_rc 1 "program as invoice"
run set 3 grounds genuine
run attach 3 invoice "$T/s/invoice.pdf"
expect_rc 0 "real invoice"
run set 2 complaint_number AB-2
run set 2 ip_type patent
expect_rc 0 "patent"

run list
expect_rc 0 "list"
line() { printf '%s\n' "$out" | grep "^$1 " | tr -s ' '; }
[ "$(line 1)" = "1 Nothing yet core-test draft 0/6" ] || fail "case 1: $(line 1)"
[ "$(line 2)" = "2 Patent claim core-test draft 2/7" ] || fail "case 2: $(line 2)"
[ "$(line 3)" = "3 Genuine, invoice core-test draft 2/7" ] || fail "case 3: $(line 3)"
[ "$(line 4)" = "4 Genuine, program core-test draft 1/7" ] || fail "case 4: $(line 4)"
[ "$(line 5)" = "5 Old flow gone-flow draft flow not installed" ] || fail "case 5: $(line 5)"
[ "$(line 6)" = "6 After the old one core-test draft 0/6" ] || fail "case 6: $(line 6)"

run list --json
expect_in "$out" '"id":3,"flow":"core-test","title":"Genuine, invoice","status":"draft","answered":2,"required":7'
expect_in "$out" '"id":5,"flow":"gone-flow","title":"Old flow","status":"draft","answered":0,"required":0'
expect_in "$out" '"id":6,"flow":"core-test","title":"After the old one","status":"draft","answered":0,"required":6'

finish
