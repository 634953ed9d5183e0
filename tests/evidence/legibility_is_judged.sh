#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The pages of a file judged as a reviewer looks at them: the generated
# legibility set (tests/fixtures/evidence/make-legible.c: one A4 letter,
# sharp, then blurred, faint, scanned at 96 dpi, grey, on its side, blank,
# without its seal, typed in capitals, written in Chinese) against a field
# that asks for 150 dpi colour copies with a red seal. Each file must get
# exactly its findings, with the sentence in English and in Chinese; the
# good scans none. Then, in a case, the letter's text is read by OCR
# against the answers: the brand it names is found, another brand is
# reported as not found, the letter upside down is found so; what was read
# is kept and used by the next check, and a damaged stored reading is
# ignored.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$T/set"
scans_flow "$T/flow.yaml" legibility-test "The letter" "image/png, application/pdf" \
	"{min_dpi: 150, colour: true, seal: true}" brand
"$IPWIZ" lint "$T/flow.yaml" >"$T/lint" 2>&1 || fail "the test flow does not lint: $(cat "$T/lint")"

# file → the finding keys it must get, in order
expect() {
	LANGUAGE=$2 "$IPWIZ" check --flow "$T/flow.yaml" --field document --json "$T/set/$1.png" \
		>"$T/$1.$2.json" 2>"$T/err" || fail "$1: check failed: $(cat "$T/err")"
	got=$(python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["files"][0]; print(" ".join(x["key"] for x in f["findings"]) or "-")' "$T/$1.$2.json")
	[ "$got" = "$3" ] || fail "$1 ($2): findings “$got”, expected “$3”"
	if [ -n "${4:-}" ]; then
		grep -q -- "$4" "$T/$1.$2.json" || fail "$1 ($2): no “$4” in $(cat "$T/$1.$2.json")"
	fi
}
expect sharp en "-"
expect blurred en "blurred" "Page 1 is blurred: the text is not sharp."
expect faint en "faint" "Page 1 is faint"
expect tiny en "low-resolution" "about 96 dpi"
expect grey en "grey-copy no-seal" "black-and-white or grey copy"
expect rotated en "rotated" "Page 1 is on its side."
expect blank en "blank-page" "Page 1 is blank"
expect no-seal en "no-seal" "No red company seal"
# Upright letters whose lines have nothing above their core (capitals) or
# are Chinese are upright: the measures never call a page upside down.
expect capitals en "-"
if fc-list :lang=zh family 2>/dev/null | grep -q 'WenQuanYi Micro Hei'; then
	expect chinese en "-"
	expect chinese zh_CN "-"
else
	echo "SKIP: the Chinese letter: no WenQuanYi Micro Hei font (fonts-wqy-microhei)"
fi
# A 96 dpi scan put into a PDF is still 96 dpi, though ipwiz renders the
# page at 150 (the picture's own pixels are what the reviewer gets).
LANGUAGE=en "$IPWIZ" check --flow "$T/flow.yaml" --field document --json "$T/set/tiny-scan.pdf" \
	>"$T/tiny-scan.json" 2>"$T/err" || fail "tiny-scan.pdf: check failed: $(cat "$T/err")"
grep -q '"key":"low-resolution".*about 96 dpi' "$T/tiny-scan.json" ||
	fail "the 96 dpi scan in a PDF is not found too coarse: $(cat "$T/tiny-scan.json")"
# One short line is not a page on its side (its words leave gaps the other
# way too): only that it is a grey copy without a seal is said.
expect one-line en "grey-copy no-seal"
expect blurred zh_CN "blurred" "第 1 页模糊"
expect grey zh_CN "grey-copy no-seal" "黑白或灰度复印件"
expect no-seal zh_CN "no-seal" "没有找到红色公章"
# An ok file with findings is a warning, never a rejection.
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["files"][0]; sys.exit(f["state"] != "warn")' "$T/grey.en.json" ||
	fail "a grey copy is not a warning"

# Reading by OCR, in a case: needs tesseract's English model.
if [ ! -e "${TESSDATA_PREFIX:-/usr/share/tesseract-ocr/5/tessdata}/eng.traineddata" ]; then
	echo "SKIP: reading by OCR: no English model installed"
else
	cp "$T/flow.yaml" "$IPWIZ_DATADIR/flows/legibility-test.yaml"
	run new legibility-test --batch --title letter
	expect_rc 0 "new"
	id=$out
	run set "$id" brand BRIGHTSTAR
	expect_rc 0 "set brand"
	run attach "$id" document "$T/set/sharp.png"
	expect_rc 0 "attach the sharp letter"
	expect_in "$out" "attached — " "the letter naming BRIGHTSTAR, attached"
	# Which way up a page is, OCR says (tesseract's orientation detection,
	# when the page reads badly as it is): the letter upside down.
	run new legibility-test --batch --title upside-down
	expect_rc 0 "new"
	id2=$out
	run set "$id2" brand BRIGHTSTAR
	expect_rc 0 "set brand"
	run attach "$id2" document "$T/set/upside-down.png"
	expect_rc 0 "attach the letter upside down"
	expect_in "$out" "Page 1 is upside down." "the letter upside down, read by OCR"
	run set "$id" brand ACME
	expect_rc 0 "set another brand"
	run check "$id" --json
	expect_in "$out" '"key":"brand-not-found"' "check after the brand changed"
	expect_in "$out" 'ACME' "check after the brand changed"

	# What OCR read is kept by the file's SHA-256: a second check reads
	# the stored text instead of the page. Proof: a stored text that names
	# ACME makes the brand found, with the same file.
	command -v sqlite3 >/dev/null || { echo "SKIP: stored readings: no sqlite3" >&2; finish; }
	db="$XDG_DATA_HOME/ipwiz/cases.db"
	sha=$(sha256sum "$T/set/sharp.png" | cut -d' ' -f1)
	n=$(sqlite3 "$db" "SELECT count(*) FROM evidence_reads WHERE sha256 = '$sha' AND reader LIKE '% ocr %'")
	[ "$n" = 1 ] || fail "one reading with OCR stored for the letter, not $n"
	sqlite3 "$db" "UPDATE evidence_reads SET text = 'Dear ACME team' WHERE sha256 = '$sha'"
	run check "$id" --json
	case "$out" in
	*brand-not-found*) fail "the second check read the page again instead of the stored text: $out" ;;
	esac
	# A stored reading this program did not write is no reading: the file is
	# read afresh (and the reading written again), never trusted or crashed on.
	for bad in 'garbage' 'image/png' "$(printf 'image/png\n%s' 00ff)" "$(printf '\033[2J/x\n')"; do
		sqlite3 "$db" "UPDATE evidence_reads SET found = '$(printf '%s' "$bad" | sed "s/'/''/g")' WHERE sha256 = '$sha'"
		run check "$id" --json
		expect_rc 0 "check with a damaged stored reading"
		expect_in "$out" '"key":"brand-not-found"' "check with a damaged stored reading"
	done
	found=$(sqlite3 "$db" "SELECT substr(found, 1, 10) FROM evidence_reads WHERE sha256 = '$sha' AND reader LIKE '% ocr %'")
	[ "$found" = "image/png
" ] || [ "$found" = "image/png" ] || fail "the reading was not written again: “$found”"
fi
finish
