#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An evidence file edited after it was checked stops `ipwiz export` with a
# sentence naming it; nothing is written. --force exports it as it is now and
# the audit trail says so.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"
run new core-test --batch
id=$out
cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: trademark
grounds: [genuine]
products:
  - {url: "https://shop.example/1"}
truth: yes
truth.name: Li Wei
YAML
run fill "$id" "$T/answers.yaml"
expect_rc 0 "fill"
cp "$T/ev/invoice.pdf" "$T/invoice.pdf"
run attach "$id" invoice "$T/invoice.pdf"
expect_rc 0 "attach"

printf '%% edited after the check\n' >>"$T/invoice.pdf"
run export "$id" --out "$T/out"
expect_rc 1 "export of changed evidence"
expect_in "$err" "$T/invoice.pdf"
expect_in "$err" "changed since it was checked"
expect_in "$err" "--force"
[ -e "$T/out" ] && fail "a refused export left $T/out"
ls -A "$T" | grep -q '^\.ipwiz-export' && fail "a refused export left its staging folder"

run export "$id" --out "$T/out" --force
expect_rc 0 "export --force"
expect_in "$err" "changed since it was checked"
expect_in "$(cat "$T/out/manifest.txt")" "CHANGED since it was checked"
cmp -s "$T/out/01-you-bought-genuine-goods.pdf" "$T/invoice.pdf" || fail "--force did not copy the file as it is now"
(cd "$T/out" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c"
run history "$id"
expect_in "$out" "exported despite these problems (--force)"

rm "$T/invoice.pdf"
run export "$id" --out "$T/out2"
expect_rc 1 "export of vanished evidence"
expect_in "$err" "cannot be read any more"

# Forced over the earlier package: the vanished file's old copy goes too,
# so it cannot be uploaded by mistake; files that are not the package's stay.
echo mine >"$T/out/notes.txt"
(cd "$T/out" && "$IPWIZ" export "$id" --out . --force --zip >/dev/null 2>&1) || fail "export --out . --force"
[ -f "$T/out.zip" ] || fail "--out . --zip did not write the zip beside the folder as out.zip"
[ -e "$T/out/01-you-bought-genuine-goods.pdf" ] && fail "the old copy of a vanished file is still in the package"
[ -f "$T/out/notes.txt" ] || fail "a file that is not the package's was removed"
(cd "$T/out" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c after a forced re-export"
expect_in "$(cat "$T/out/manifest.txt")" "No evidence file to upload."

run export "$id" --out "$T/out3" --bogus
expect_rc 2 "unknown option"
run export
expect_rc 2 "no case"

finish
