#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An agent's IPP complaint names the right holder it acts for and its
# identity document, in each language (issue #17); and after a counter-notice
# the rights holder may go to the authorities or a court under E-Commerce Law
# art. 43, with the 15-day deadline and a notice to paste in IPP.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"
answers=$IPWIZ_SRCDIR/tests/fixtures/answers/variants/ipp-complaint@agent-misuse.yaml

run new ipp-complaint --batch
expect_rc 0 "new"
id=$out
run set "$id" role agent
run show "$id"
expect_in "$out" "Name of the right holder: This answer is required." "an agent is asked"
expect_in "$out" "The right holder's identity document: This answer is required."
expect_in "$out" "Number of that document: This answer is required."
run set "$id" principal_id_type business_licence
run set "$id" principal_id_number 9144030
expect_rc 1 "a credit code too short"
expect_in "$err" "A unified social credit code has 18 characters"

for lang in en zh_CN id; do
	run --lang "$lang" new ipp-complaint --batch
	id=$out
	run fill "$id" "$answers"
	expect_rc 0 "fill ($lang)"
	run export "$id" --out "$T/out-$lang" --force
	expect_rc 0 "export ($lang)"
done
expect_in "$(cat "$T/out-en/reasons.en.txt")" \
	"filing as agent on behalf of the right holder Shenzhen Guangming Lighting Co., Ltd. (business licence, unified social credit code 91440300MA5F8K2X3Q) under the power of attorney filed with IPP, signed by Chen Jing (Legal Director)"
expect_in "$(cat "$T/out-zh_CN/reasons.zh_CN.txt")" \
	"代表权利人 Shenzhen Guangming Lighting Co., Ltd.（营业执照统一社会信用代码：91440300MA5F8K2X3Q）提出投诉"
expect_in "$(cat "$T/out-id/reasons.id.txt")" \
	"selaku penerima kuasa, mengajukan pengaduan atas nama pemegang hak Shenzhen Guangming Lighting Co., Ltd. (izin usaha, kode kredit sosial terpadu 91440300MA5F8K2X3Q)"

# The art. 43 route: offered, explained, counted and written.
run --lang en show "$id"
expect_in "$out" "What will you do? File a complaint with the authorities or a lawsuit, and notify the platform"
expect_in "$(cat "$T/out-en/manifest.txt")" \
	"Notify the platform of your complaint to the authorities or lawsuit (E-Commerce Law art. 43): 2026-12-05"
expect_in "$(cat "$T/out-en/action_notice.en.txt")" \
	"brought a lawsuit before Shenzhen Intermediate People's Court against the seller"
expect_in "$(cat "$T/out-zh_CN/action_notice.zh_CN.txt")" "依据《中华人民共和国电子商务法》第四十三条的通知"
expect_in "$(cat "$T/out-id/action_notice.id.txt")" "Pasal 43 Undang-Undang E-Commerce"
pot=$("$IPWIZ" lint --pot "$T/data/flows/ipp-complaint.yaml")
expect_in "$pot" "File a complaint with the authorities or a lawsuit, and notify the platform" "the choice"
expect_in "$pot" "you have 15 days to notify it" "the help at that step"
# Withdrawing ends it: no deadline, no notice.
run set "$id" response withdraw
run export "$id" --out "$T/out-withdraw" --force
[ -f "$T/out-withdraw/action_notice.id.txt" ] && fail "a notice after withdrawing"
expect_not_in "$(cat "$T/out-withdraw/manifest.txt")" "art. 43" "no deadline after withdrawing"
finish
