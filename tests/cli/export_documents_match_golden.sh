#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The documents of every shipped flow, filled with its answers fixture and
# exported in each language, are exactly the golden files in
# tests/cli/export_golden/FLOW/LANG/; so are those of the variants
# (tests/fixtures/answers/variants/FLOW@WHAT.yaml, golden in FLOW@WHAT/LANG/),
# which walk the grounds, identities and signatures one fixture cannot. After a deliberate template change,
# regenerate them with IPWIZ_UPDATE_GOLDEN=1 make check TESTS=<this test>
# and review the diff.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

golden="$IPWIZ_SRCDIR/tests/cli/export_golden"
cp "$IPWIZ_SRCDIR"/data/flows/*.yaml "$T/data/flows/"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"

# Evidence for the index of each flow's statement: FIELD=FILE... per flow.
evidence_of() {
	case $1 in
	alibaba-counter-notice) echo "authorisation=invoice.pdf invoice=invoice.pdf invoice=photo.jpg" ;;
	alibaba-counter-notice@person-patent)
		echo "own_certificate=invoice.pdf authorisation=invoice.pdf" \
			"supplier_authorisation=invoice.pdf invoice=invoice.pdf" \
			"distributor_authorisation=invoice.pdf sales_records=invoice.pdf" \
			"comparison=photo.jpg invalidation=invoice.pdf"
		;;
	alibaba-counter-notice@company-copyright)
		echo "copyright_proof=photo.jpg mistaken_proof=scan.png translations=invoice.pdf"
		;;
	alibaba-counter-notice@trademark-cancelled)
		echo "sales_records=invoice.pdf invalidation=invoice.pdf"
		;;
	taobao-appeal) echo "invoice=invoice.pdf" ;;
	# Each IPP case has files of every package it reaches: registration
	# documents, the complaint's attachments, and for a case that answers
	# a counter-notice the evidence of that answer.
	ipp-complaint)
		echo "business_licence=scan.png tm_certificate=scan.png tm_class_pages=invoice.pdf" \
			"tm_extension=invoice.pdf comparison=photo.jpg"
		;;
	ipp-complaint@agent-misuse)
		echo "business_licence=scan.png tm_certificate=scan.png tm_class_pages=invoice.pdf" \
			"poa=invoice.pdf misuse_screenshots=photo.jpg action_proof=invoice.pdf"
		;;
	ipp-complaint@patent-reply)
		echo "id_document=photo.jpg pt_certificate=scan.png patent_decision=invoice.pdf" \
			"patent_evaluation=invoice.pdf test_photos=photo.jpg reply_evidence=report.pdf"
		;;
	esac
}
checked=0
for answers in "$IPWIZ_SRCDIR"/tests/fixtures/answers/*.yaml \
	"$IPWIZ_SRCDIR"/tests/fixtures/answers/variants/*.yaml; do
	name=$(basename "$answers" .yaml)
	flow=${name%%@*}
	[ -f "$IPWIZ_SRCDIR/data/flows/$flow.yaml" ] || continue
	for lang in en zh_CN id; do
		run --lang "$lang" new "$flow" --batch
		expect_rc 0 "new $flow ($lang)"
		id=$out
		run fill "$id" "$answers"
		expect_rc 0 "fill $flow"
		for pair in $(evidence_of "$name"); do
			run attach "$id" "${pair%%=*}" "$T/ev/${pair#*=}"
			expect_rc 0 "attach ${pair%%=*} to $flow"
		done
		run export "$id" --out "$T/out-$name-$lang" --force
		expect_rc 0 "export $name ($lang)"
		want="$golden/$name/$lang"
		if [ "${IPWIZ_UPDATE_GOLDEN:-}" = 1 ]; then
			rm -rf "$want" && mkdir -p "$want" && cp "$T/out-$name-$lang"/*.txt "$want/" &&
				rm -f "$want/manifest.txt"
		fi
		got=$(cd "$T/out-$name-$lang" && ls *.txt | grep -v '^manifest.txt$' | tr '\n' ' ')
		exp=$(cd "$want" 2>/dev/null && ls *.txt | tr '\n' ' ')
		[ "$got" = "$exp" ] || fail "$name ($lang): documents [$got], golden [$exp]"
		for doc in "$want"/*.txt; do
			[ -f "$doc" ] || continue
			docname=$(basename "$doc")
			if ! cmp -s "$doc" "$T/out-$name-$lang/$docname"; then
				fail "$name ($lang): $docname differs from the golden file:
$(diff -u "$doc" "$T/out-$name-$lang/$docname" | head -20)"
			fi
			checked=$((checked + 1))
		done
	done
done
[ "$checked" -ge 30 ] || fail "only $checked golden documents compared"
finish
