#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz export` writes a private package whose SHA256SUMS sha256sum accepts,
# whose statement is the fixture's template filled with the answers (labels
# for choices, control characters gone), and whose zip lists the same files.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"

run new core-test --batch --title "Shop 深圳"
id=$out
cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: patent
patent_number: "ZL 2020\e[31m 1"
email: li@example.com
pieces: 25
grounds: [genuine, authorised]
products:
  - {url: "https://shop.example/1", note: 第一个}
  - {url: "https://shop.example/2"}
truth: yes
truth.name: 李伟
YAML
run fill "$id" "$T/answers.yaml"
expect_rc 0 "fill"
run attach "$id" invoice "$T/ev/invoice.pdf"
expect_rc 0 "attach invoice"

cd "$T" || exit 1
run export "$id" --zip
expect_rc 0 "export"
pkg="$T/ipwiz-case-$id"
expect_in "$out" "Exported to ipwiz-case-$id"
[ "$(stat -c %a "$pkg")" = 700 ] || fail "package folder is not 0700"
for f in "$pkg"/* "$pkg.zip"; do
	[ "$(stat -c %a "$f")" = 600 ] || fail "$f is not 0600"
done
# Beside the package, not in it: a contact sheet to look through first.
expect_in "$out" "To look through before uploading (not to upload): ipwiz-case-$id-review/index.html"
[ "$(stat -c %a "$pkg-review")" = 700 ] || fail "the contact sheet's folder is not 0700"
[ "$(stat -c %a "$pkg-review/index.html")" = 600 ] || fail "the contact sheet is not 0600"
grep -q "01-" "$pkg-review/index.html" || fail "the contact sheet does not name the evidence copy"
ls "$pkg-review"/001-p1.png >/dev/null 2>&1 || fail "no picture of the invoice's first page"
grep -q "review\|index.html" "$pkg/SHA256SUMS" && fail "the contact sheet is listed in the package"
[ -f "$pkg/01-you-bought-genuine-goods.pdf" ] || fail "no evidence copy 01-you-bought-genuine-goods.pdf"
cmp -s "$pkg/01-you-bought-genuine-goods.pdf" "$T/ev/invoice.pdf" || fail "the copy differs from the file"

(cd "$pkg" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c SHA256SUMS"
sums=$(cut -c67- "$pkg/SHA256SUMS" | sort | tr '\n' ' ')
files=$(cd "$pkg" && ls | grep -v '^SHA256SUMS$' | sort | tr '\n' ' ')
[ "$sums" = "$files" ] || fail "SHA256SUMS lists [$sums], the folder holds [$files]"

expected='Complaint AB-77 received on 2026-11-20 (Patent).
Patent ZL 2020[31m 1.
1. https://shop.example/1
2. https://shop.example/2
Contact: li@example.com. Pieces: 25. Grounds: Genuine goods, Authorised.
Signed: 李伟'
got=$(cat "$pkg/statement.en.txt")
[ "$got" = "$expected" ] || fail "statement.en.txt is:
$got"
if LC_ALL=C grep -q "$(printf '\033')" "$pkg"/*.txt "$pkg"/*.html; then
	fail "an escape character reached a document"
fi

manifest=$(cat "$pkg/manifest.txt")
expect_in "$manifest" "Form field “Reason for appeal”: Counter-notice statement" "manifest"
expect_in "$manifest" "1. 01-you-bought-genuine-goods.pdf — Purchase invoice: You bought genuine goods" "manifest"
expect_in "$manifest" "sha256sum -c SHA256SUMS" "manifest"

python3 - "$pkg/manifest.json" <<'PY' || fail "manifest.json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["uploads"][0]["file"] == "01-you-bought-genuine-goods.pdf", d["uploads"]
assert d["uploads"][0]["proves"] == "You bought genuine goods", d["uploads"]
paste = [x for x in d["documents"] if x["purpose"] == "paste"]
assert paste[0]["form_field"] == "Reason for appeal", paste
assert d["case"]["title"] == "Shop 深圳", d["case"]
PY

listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' \
	"$pkg.zip" 2>/dev/null || bsdtar -tf "$pkg.zip" 2>/dev/null || unzip -Z1 "$pkg.zip")
expect_in "$listing" "ipwiz-case-$id/01-you-bought-genuine-goods.pdf" "zip listing"
expect_in "$listing" "ipwiz-case-$id/SHA256SUMS" "zip listing"
expect_in "$listing" "ipwiz-case-$id/statement.en.txt" "zip listing"

# A second export into the same place needs --force.
run export "$id"
expect_rc 1 "export over an existing folder"
expect_in "$err" "add --force"
run export "$id" --force --zip
expect_rc 0 "export --force over the old package"
(cd "$pkg" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c after --force"

run history "$id"
expect_in "$out" "export" "history"

finish
