#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An IPP complaint's files go to three places at three moments: the
# registration documents once on IPP with the account and the right, the
# complaint's own attachments (at most 4), and the evidence of an answer to
# a counter-notice. In every language the complaint's text and its upload
# list name only the complaint's attachments, the reply only its own, and
# the manifest lists each part under its heading with where it goes.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"

# The lines of file $1 from the one starting with $2 up to the one before $3.
part() {
	awk -v a="$2" -v b="$3" 'index($0, a) == 1 { on = 1 } index($0, b) == 1 { on = 0 } on' "$1"
}

for lang in en zh_CN id; do
	run --lang "$lang" new ipp-complaint --batch
	expect_rc 0 "new ($lang)"
	id=$out
	run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/ipp-complaint.yaml"
	expect_rc 0 "fill ($lang)"
	for answer in counter_status=received counter_date=2026-11-20 response=reply \
		"reply_text=The seller's invoice is for another model; our test purchase shows the fake logo."; do
		run set "$id" "${answer%%=*}" "${answer#*=}"
		expect_rc 0 "set ${answer%%=*} ($lang)"
	done
	for pair in business_licence=scan.png tm_certificate=scan.png tm_class_pages=invoice.pdf \
		tm_extension=invoice.pdf comparison=photo.jpg reply_evidence=report.pdf; do
		run attach "$id" "${pair%%=*}" "$T/ev/${pair#*=}"
		expect_rc 0 "attach ${pair%%=*} ($lang)"
	done
	run export "$id" --out "$T/out-$lang" --force
	expect_rc 0 "export ($lang)"
	o="$T/out-$lang"
	[ -f "$o/complaint-01-comparison-with-genuine.jpg" ] || fail "$lang: no complaint attachment"
	[ -f "$o/registration-01-business-licence.png" ] || fail "$lang: no registration document"
	[ -f "$o/reply-01-reply-evidence.pdf" ] || fail "$lang: no reply evidence"

	# The complaint's text, in the reviewers' language and the case's.
	for doc in "$o"/reasons.*.txt; do
		text=$(cat "$doc")
		expect_in "$text" "1. complaint-01-comparison-with-genuine.jpg" "$lang $(basename "$doc")"
		expect_not_in "$text" "registration-" "$lang $(basename "$doc"): a registration document"
		expect_not_in "$text" "reply-" "$lang $(basename "$doc"): the reply's evidence"
	done
	# The reply carries its own evidence, nothing of the other parts.
	for doc in "$o"/reply.*.txt; do
		text=$(cat "$doc")
		expect_in "$text" "1. reply-01-reply-evidence.pdf" "$lang $(basename "$doc")"
		expect_not_in "$text" "complaint-0" "$lang $(basename "$doc"): a complaint attachment"
		expect_not_in "$text" "registration-" "$lang $(basename "$doc"): a registration document"
	done
	# The checklist's three parts, each with its own files only.
	list="$o/checklist.$lang.txt"
	reg=$(part "$list" "1. " "2. ")
	att=$(part "$list" "2. " "3. ")
	rep=$(part "$list" "3. " "\n")
	expect_in "$reg" "ipp.alibabagroup.com" "$lang checklist: where the registration goes"
	expect_in "$reg" "4. registration-04-china-extension-certificate.pdf" "$lang checklist part 1"
	expect_not_in "$reg" "complaint-0" "$lang checklist part 1"
	expect_in "$att" "1. complaint-01-comparison-with-genuine.jpg" "$lang checklist part 2"
	expect_not_in "$att" "registration-" "$lang checklist part 2: a registration document"
	expect_not_in "$att" "reply-" "$lang checklist part 2: the reply's evidence"
	expect_in "$rep" "1. reply-01-reply-evidence.pdf" "$lang checklist part 3"
	expect_not_in "$rep" "complaint-0" "$lang checklist part 3"
	# The manifest: a heading per part, each file under its own.
	att=$(part "$o/manifest.txt" "2b. " "2c. ")
	expect_in "$att" "complaint-01-comparison-with-genuine.jpg" "$lang manifest 2b"
	expect_not_in "$att" "registration-" "$lang manifest 2b"
	expect_not_in "$att" "reply-" "$lang manifest 2b"
	expect_in "$(part "$o/manifest.txt" "2a. " "2b. ")" "ipp.alibabagroup.com" "$lang manifest 2a"
	json=$(cat "$o/manifest.json")
	expect_in "$json" '"file":"reply-01-reply-evidence.pdf","field":"reply_evidence","package":"reply","number":1'
done
expect_in "$(cat "$T/out-en/manifest.txt")" "2a. IPP registration documents"
expect_in "$(cat "$T/out-zh_CN/manifest.txt")" "2b. 投诉附件"
expect_in "$(cat "$T/out-id/manifest.txt")" "2b. Lampiran pengaduan"

# More than the complaint's 4 attachments: check and export say so.
for f in scan.png thumb.jpg; do
	run attach "$id" comparison "$T/ev/$f"
	expect_rc 0 "attach $f"
done
run attach "$id" other_evidence "$T/ev/invoice.pdf" "$T/ev/report.pdf"
expect_rc 0 "attach other evidence"
run --lang en check "$id"
expect_rc 1 "check of 5 attachments"
expect_in "$out" "[TOO MANY] “The complaint's attachments” holds 5 files, but the platform takes at most 4 there"
run --lang en export "$id" --out "$T/out-too-many"
expect_rc 1 "export of 5 attachments"
expect_in "$err" "holds 5 files, but the platform takes at most 4 there"
# Registration documents do not count among them.
run attach "$id" other_evidence --remove "$T/ev/report.pdf"
run --lang en check "$id"
expect_not_in "$out" "TOO MANY" "4 attachments and 4 registration documents"
finish
