#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Alibaba.com counter-notice asks whether the account holder is a company
# or a person (Civil Code art. 1196: the seller's true identity): a mainland
# company gives its unified social credit code, checked for its form; a
# person signs by hand and is never asked for a company seal; earlier sales
# are left out against a copyright complaint, where they are no defence.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/alibaba-counter-notice.yaml "$T/data/flows/"

run new alibaba-counter-notice --batch
expect_rc 0 "new"
id=$out
run set "$id" holder_kind company_cn
expect_rc 0 "holder_kind"
for bad in 91440300MA5F00000 91440300MA5F0000000 91440300MO5F000000 91440300ma5f000000; do
	run set "$id" credit_code "$bad"
	expect_rc 1 "credit code $bad"
	expect_in "$err" "18 characters" "credit code $bad"
done
run set "$id" credit_code 91440300MA5F000000
expect_rc 0 "a good credit code"

# A person: no seal question, the signature line is the declarant's own.
run new alibaba-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/variants/alibaba-counter-notice@person-patent.yaml"
expect_rc 0 "fill person"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 || fail "samples"
for pair in own_certificate=invoice.pdf authorisation=invoice.pdf supplier_authorisation=invoice.pdf \
	invoice=invoice.pdf distributor_authorisation=invoice.pdf sales_records=invoice.pdf \
	comparison=photo.jpg invalidation=invoice.pdf; do
	run attach "$id" "${pair%%=*}" "$T/ev/${pair#*=}"
	expect_rc 0 "attach $pair"
done
run export "$id" --out "$T/person"
expect_rc 0 "export person (no seal asked)"
st=$(cat "$T/person/statement.en.txt")
expect_in "$st" "ID or passport number: 3174012505800001" "a person's identity"
expect_in "$st" "Declarant (signature): Budi Santoso" "a person's signature line"
expect_not_in "$st" "company seal" "a person's statement"
expect_in "$(cat "$T/person/checklist.en.txt")" "is younger than the complainant's" "the younger right"

# Copyright: earlier sales are said to be no defence and left out.
run new alibaba-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/variants/alibaba-counter-notice@company-copyright.yaml"
expect_rc 0 "fill copyright"
for pair in copyright_proof=photo.jpg mistaken_proof=scan.png translations=invoice.pdf; do
	run attach "$id" "${pair%%=*}" "$T/ev/${pair#*=}"
	expect_rc 0 "attach $pair"
done
run export "$id" --out "$T/out"
expect_rc 0 "export copyright"
expect_not_in "$(cat "$T/out/statement.en.txt")" "before the" "earlier sales in a copyright answer"
expect_in "$(cat "$T/out/checklist.en.txt")" "earlier sales are no defence against a copyright complaint"
# A mainland company's statement prints its credit code and store ID.
run new alibaba-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/alibaba-counter-notice.yaml"
expect_rc 0 "fill company"
run attach "$id" authorisation "$T/ev/invoice.pdf"
run attach "$id" invoice "$T/ev/invoice.pdf"
run export "$id" --out "$T/company"
expect_rc 0 "export company"
ls "$T/company"/statement.*.txt >/dev/null 2>&1 || fail "no statement"
expect_in "$(cat "$T/company"/statement.en.txt)" "Unified social credit code (统一社会信用代码): 91440300MA5F000000"
expect_in "$(cat "$T/company"/statement.en.txt)" "Account or store ID: cnhualian2019"
finish
