#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The installed program (its catalogues under $(localedir), its flows under
# $(pkgdatadir), nothing of the build tree) speaks Chinese and Indonesian
# in the flows too: their titles, and the questions of a new case; and its
# file checker reads a scan with its OCR module. Run by `make installcheck`,
# and so by `make distcheck`, with IPWIZ_INSTALLED naming the installed
# binary and IPWIZ_BUILDDIR the build tree (for the generated scan).
set -u
: "${IPWIZ_INSTALLED:?IPWIZ_INSTALLED must name the installed ipwiz}"
: "${IPWIZ_SRCDIR:?}"
[ -x "$IPWIZ_INSTALLED" ] || { echo "no installed program at $IPWIZ_INSTALLED: make install first" >&2; exit 1; }
command -v msgfmt >/dev/null && command -v gettext >/dev/null ||
	{ echo "gettext tools missing" >&2; exit 77; }

T=$(mktemp -d "${TMPDIR:-/tmp}/ipwiz-install.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export TZ=UTC TERM=dumb NO_COLOR=1 IPWIZ_TODAY=2026-11-24
unset IPWIZ_DB IPWIZ_DATADIR LC_ALL LC_MESSAGES LANGUAGE
mkdir -p "$HOME"
fails=0
fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

# What each message should read: the source catalogues, compiled here.
for lang in zh_CN id; do
	mkdir -p "$T/ref/$lang/LC_MESSAGES"
	msgfmt -o "$T/ref/$lang/LC_MESSAGES/ipwiz.mo" "$IPWIZ_SRCDIR/po/$lang.po" || exit 1
done
expected() { TEXTDOMAINDIR="$T/ref" LANGUAGE=$1 LANG=C.UTF-8 gettext -d ipwiz -- "$2"; }

# The English titles, and the first question of each flow.
titles=$(LANG=C.UTF-8 "$IPWIZ_INSTALLED" flows --json | sed -n 's/.*"title": "\([^"]*\)".*/\1/p')
ids=$(LANG=C.UTF-8 "$IPWIZ_INSTALLED" flows --json | sed -n 's/.*"id": "\([^"]*\)".*/\1/p')
[ "$(printf '%s\n' "$titles" | grep -c .)" -ge 1 ] || fail "the installed program lists no flows"

for lang in zh_CN id; do
	locale=$(printf '%s' "$lang" | sed 's/^id$/id_ID/').UTF-8
	out=$(LANG=$locale "$IPWIZ_INSTALLED" flows 2>&1) || fail "$locale: ipwiz flows failed: $out"
	printf '%s\n' "$titles" | while IFS= read -r title; do
		want=$(expected "$lang" "$title")
		[ "$want" != "$title" ] || { echo "FAIL: po/$lang.po does not translate “$title”" >&2; exit 1; }
		case "$out" in
		*"$want"*) ;;
		*) echo "FAIL: $locale: ipwiz flows shows no “$want” (for “$title”): $out" >&2; exit 1 ;;
		esac
	done || fails=$((fails + 1))
	for id in $ids; do
		n=$(LANG=$locale "$IPWIZ_INSTALLED" new "$id" --batch) || { fail "$locale: new $id"; continue; }
		en=$(LANG=C.UTF-8 "$IPWIZ_INSTALLED" --lang en show "$n" | sed -n 's/^  \(.*\): .*/\1/p' | head -n 1)
		shown=$(LANG=$locale "$IPWIZ_INSTALLED" show "$n")
		want=$(expected "$lang" "$en")
		[ -n "$en" ] && [ "$want" != "$en" ] || { fail "po/$lang.po does not translate the question “$en”"; continue; }
		case "$shown" in
		*"$want"*) ;;
		*) fail "$locale: the first question of $id is not “$want”: $(printf '%s\n' "$shown" | sed -n 5p)" ;;
		esac
	done
done

# The installed file checker reads a scan with its OCR module (ipwiz-ocr.so
# next to it under $(pkglibexecdir)): the generated letter names the brand.
gen="${IPWIZ_BUILDDIR:-}/tests/fixtures/evidence/make-legible"
models=${TESSDATA_PREFIX:-/usr/share/tesseract-ocr/5/tessdata}
if [ ! -x "$gen" ] || [ ! -e "$models/eng.traineddata" ]; then
	echo "SKIP: reading a scan: no make-legible (make check first) or no English model"
else
	mkdir -p "$T/set" "$T/data/flows"
	ASAN_OPTIONS=detect_leaks=0 "$gen" "$T/set" >/dev/null || fail "make-legible"
	printf '%s\n' "id: read-test" "version: 1" "title: Letter" "description: A letter, read" \
		"platform: Example.com" "checked: 2026-12" "languages: [en]" "steps:" \
		"  - id: evidence" "    title: Evidence" "    fields:" \
		"      - {id: brand, type: text, label: Brand, required: true}" \
		"      - id: document" "        type: evidence" "        label: The letter" \
		"        proves: The letter names the brand" "        accept: [image/png]" \
		"        required: true" "        reads:" "          - {mention: brand, as: brand}" \
		>"$T/data/flows/read-test.yaml"
	n=$(IPWIZ_DATADIR="$T/data" LANG=C.UTF-8 "$IPWIZ_INSTALLED" new read-test --batch) || fail "new read-test"
	IPWIZ_DATADIR="$T/data" LANG=C.UTF-8 "$IPWIZ_INSTALLED" set "$n" brand BRIGHTSTAR >/dev/null ||
		fail "set brand"
	out=$(IPWIZ_DATADIR="$T/data" LANG=C.UTF-8 "$IPWIZ_INSTALLED" attach "$n" document "$T/set/sharp.png" 2>&1)
	case "$out" in
	*"attached — "*) ;;
	*) fail "the installed program did not read the brand in the scan: $out" ;;
	esac
fi
[ "$fails" -eq 0 ] && exit 0
echo "$fails check(s) failed" >&2
exit 1
