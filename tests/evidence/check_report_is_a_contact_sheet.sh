#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz check --flow F --field X FILES --report DIR` leaves a reviewer a
# contact sheet to look through offline: DIR/index.html with every file,
# its verdict and findings, and a small PNG of each page that can be shown
# (drawn by the worker). Every value is escaped (a file named like markup
# stays text), nothing is fetched (a strict Content-Security-Policy), the
# folder and its files are private, and a folder others can write to is
# refused.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$T/set"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
scans_flow "$T/flow.yaml" sheet-test "The letter" "image/png, application/pdf" \
	"{min_dpi: 150, colour: true, seal: true}"
hostile='<img src=x onerror=alert(1)>.png'
cp "$T/set/grey.png" "$T/set/$hostile"
run check --flow "$T/flow.yaml" --field document "$T/set/sharp.png" "$T/set/$hostile" \
	"$T/s/invoice.pdf" "$T/s/page.png" --report "$T/report"
expect_rc 1 "check with a report (page.png is HTML)"
expect_in "$out" "The contact sheet is $T/report/index.html." "check with a report"
html="$T/report/index.html"
[ -f "$html" ] || fail "no index.html"
[ "$(stat -c %a "$T/report")" = 700 ] || fail "the report folder is not private: $(stat -c %a "$T/report")"
[ "$(stat -c %a "$html")" = 600 ] || fail "index.html is not private"
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$html" || fail "no strict CSP"
grep -q '&lt;img src=x onerror=alert(1)&gt;.png' "$html" || fail "the hostile name is not escaped"
grep -q '<img src=x' "$html" && fail "a file name became markup"
grep -q "grey copy" "$html" || fail "the grey copy's finding is missing"
grep -q "No red company seal" "$html" || fail "the missing seal is not said"
grep -q "will be refused" "$html" || fail "the rejected web page is not marked refused"
# One picture per page shown, each a real PNG named in the page.
n=0
for png in "$T/report"/*.png; do
	[ -f "$png" ] || continue
	n=$((n + 1))
	head -c 8 "$png" | od -An -c | grep -q 'P   N   G' || fail "$png is not a PNG"
	grep -q "src=\"$(basename "$png")\"" "$html" || fail "$(basename "$png") is not shown in the page"
done
[ "$n" -ge 3 ] || fail "pictures of 3 files expected, $n found"

# Not into a folder others can write to; not for a case.
mkdir "$T/open" && chmod 777 "$T/open"
run check --flow "$T/flow.yaml" --field document "$T/set/sharp.png" --report "$T/open"
expect_rc 1 "a folder others can write to"
expect_in "$err" "Others can write to this folder" "a folder others can write to"
run check 1 --report "$T/r2"
expect_rc 2 "--report with a case"
finish
