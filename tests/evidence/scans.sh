# SPDX-License-Identifier: GPL-3.0-or-later
# tests/evidence/scans.sh — what the tests of scanned evidence share, for
# a test that has sourced tests/cli/lib.sh or tests/tui/libtest.sh (fail).
#
# scans_draw DIR [--a4-300]: the generated legibility set
# (tests/fixtures/evidence/make-legible.c) into DIR.
scans_draw() {
	local gen="$IPWIZ_BUILDDIR/tests/fixtures/evidence/make-legible"
	[ -x "$gen" ] || { fail "make-legible was not built"; return 1; }
	mkdir -p "$1"
	# a fixture drawer, not ipwiz: cairo and fontconfig keep caches to the end
	ASAN_OPTIONS=detect_leaks=0 "$gen" "$@" >/dev/null || { fail "make-legible"; return 1; }
}

# scans_flow FILE ID LABEL ACCEPT LEGIBLE [brand]: a one-step flow ID whose
# evidence field "document" (LABEL) takes the types ACCEPT ("image/png,
# application/pdf") and expects LEGIBLE of its pages (a `legible:` value;
# "" for none); with "brand", a text field brand comes first and the
# document is read for it. SCANS_LANGUAGES overrides "en".
scans_flow() {
	{
		printf '%s\n' "id: $2" "version: 1" "title: $3" "description: $3, scanned" \
			"platform: Example.com" "checked: 2026-12" \
			"languages: [${SCANS_LANGUAGES:-en}]" "steps:" "  - id: evidence" \
			"    title: Evidence" "    fields:"
		[ "${6:-}" = brand ] &&
			printf '%s\n' "      - {id: brand, type: text, label: Brand, required: true}"
		printf '%s\n' "      - id: document" "        type: evidence" "        label: $3" \
			"        proves: $3 is what the platform asks for" "        accept: [$4]" \
			"        required: true"
		[ -n "$5" ] && printf '%s\n' "        legible: $5"
		[ "${6:-}" = brand ] && printf '%s\n' "        reads:" "          - {mention: brand, as: brand}"
	} >"$1"
}
