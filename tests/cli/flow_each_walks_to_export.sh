#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every shipped flow, in English, Chinese and Indonesian, walks from a complete answers file
# (tests/fixtures/answers/FLOW.yaml) and checked evidence to an export with
# nothing left to do, and its documents match the golden copies word for
# word. IPWIZ_REGEN_GOLDEN=1 rewrites the golden copies instead.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/*.yaml "$T/data/flows/"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"
answers=$IPWIZ_SRCDIR/tests/fixtures/answers

# walk FLOW LANG FIELD=FILE...: a case in LANG, filled, evidence attached,
# exported to $T/out-FLOW-LANG and compared with the golden documents. The
# checks along the way read the English messages (--lang en).
walk() {
	flow=$1 lang=$2
	shift 2
	run --lang "$lang" new "$flow" --batch
	expect_rc 0 "$flow: new"
	id=$out
	run --lang en fill "$id" "$answers/$flow.yaml"
	expect_rc 0 "$flow: fill"
	expect_in "$err" "answers saved, 0 refused." "$flow: fill"
	for pair in "$@"; do
		run --lang en attach "$id" "${pair%%=*}" "$T/ev/${pair#*=}"
		expect_rc 0 "$flow: attach $pair"
	done
	run --lang en show "$id"
	expect_rc 0 "$flow: show"
	expect_not_in "$out" "Still to do" "$flow: show"
	dir=$T/out-$flow-$lang
	run export "$id" --out "$dir"
	expect_rc 0 "$flow: export"
	(cd "$dir" && sha256sum -c SHA256SUMS >/dev/null) || fail "$flow: SHA256SUMS"
	golden=$answers/golden/$flow.$lang
	if [ "${IPWIZ_REGEN_GOLDEN:-}" = 1 ]; then
		rm -rf "$golden" && mkdir -p "$golden" && cp "$dir"/*.txt "$golden"/ &&
			rm -f "$golden/manifest.txt"
		return
	fi
	for g in "$golden"/*.txt; do
		[ -f "$g" ] || { fail "$flow: no golden documents in $golden"; return; }
		diff -u "$g" "$dir/$(basename "$g")" >&2 || fail "$flow: $(basename "$g") differs"
	done
	for d in "$dir"/*.txt; do
		name=$(basename "$d")
		[ "$name" = manifest.txt ] || [ -f "$golden/$name" ] ||
			fail "$flow: $name has no golden copy"
	done
}

for lang in en zh_CN id; do
	walk alibaba-counter-notice $lang authorisation=photo.jpg invoice=invoice.pdf
	walk ipp-complaint $lang business_licence=photo.jpg tm_certificate=photo.jpg \
		tm_class_pages=invoice.pdf tm_extension=invoice.pdf comparison=photo.jpg
	walk dmca-counter-notice $lang
	walk taobao-appeal $lang invoice=invoice.pdf
done
expect_in "$(cat "$T/out-alibaba-counter-notice-en/manifest.txt")" \
	'Form field “The explanation box of the appeal page”' "manifest"
# Each export holds a copy the platform's reviewers read, and the manifest
# says which to paste: Alibaba.com reads English or Chinese (a Chinese case
# needs no English copy; an Indonesian one pastes the English), Taobao reads
# Chinese, IPP English or Chinese.
expect_in "$(cat "$T/out-alibaba-counter-notice-zh_CN/statement.zh_CN.txt")" \
	"关于投诉 IPR-2026-118822 的反通知"
[ -f "$T/out-alibaba-counter-notice-zh_CN/statement.en.txt" ] && fail "an English copy nobody needs"
m=$(cat "$T/out-alibaba-counter-notice-id/manifest.txt")
expect_in "$m" "en: statement.en.txt" "the English copy first"
expect_in "$m" "Tempel salinan ini" "which copy to paste (in the case's language)"
expect_in "$m" "Untuk Anda baca, jangan ditempel: id: statement.id.txt"
[ -f "$T/out-taobao-appeal-en/appeal.zh_CN.txt" ] || fail "no Chinese copy for Taobao"
[ -f "$T/out-ipp-complaint-id/reasons.en.txt" ] || fail "no reviewer copy for IPP"
expect_in "$(cat "$T/out-alibaba-counter-notice-id/statement.id.txt")" \
	"Pemberitahuan balasan atas pengaduan IPR-2026-118822"
expect_in "$(cat "$T/out-taobao-appeal-zh_CN/appeal.zh_CN.txt")" "关于投诉 TB20261120001 的申诉（淘宝）"

finish
