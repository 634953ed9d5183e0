#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad exports: a case that is not ready, a folder that is already there or
# cannot be made, evidence changed or gone since it was checked, bad options.
# Each gets its sentence and exit status; nothing is written where it should
# not be.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

ESC=$(printf '\033')
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null || fail "make-samples.sh"
cd "$T" || exit 1

run new core-test --batch
empty=$out
try "$IPWIZ" export "$empty" --out "$T/out-empty"
verdict "export of a case with no answers" 1 "The case is not ready to export: 7 answers are missing or invalid, the first is Complaint number: This answer is required. Fix them (\`ipwiz show\` lists them all), or add --force to export anyway."
[ -e "$T/out-empty" ] && fail "a refused export left a folder behind"

cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: patent
patent_number: ZL 2020 1 0000000.0
email: li@example.com
pieces: 25
grounds: [genuine, authorised]
products:
  - {url: "https://shop.example/1", note: 第一个}
truth: yes
truth.name: 李伟
YAML
run new core-test --batch
id=$out
run fill "$id" "$T/answers.yaml"
cp "$T/ev/invoice.pdf" "$T/invoice.pdf"
run attach "$id" invoice "$T/invoice.pdf"
[ "$rc" -eq 0 ] || fail "attach: $err"

try "$IPWIZ" export "$id" --out "$T/out"
verdict "a ready case" 0 ""
try "$IPWIZ" export "$id" --out "$T/out"
verdict "the folder is already there" 1 "ipwiz: $T/out: This folder already exists: choose another place with --out, or add --force to write into it."
: >"$T/a-file"
try "$IPWIZ" export "$id" --out "$T/a-file"
verdict "--out names a file" 1 "ipwiz: $T/a-file: Something that is not a folder is already there: choose another place with --out."
try "$IPWIZ" export "$id" --out "$T/no/such/place"
verdict "--out in a missing folder" 1 "ipwiz: $T/no/such/place: The folder to export into does not exist: create it first, or choose another place with --out."
try "$IPWIZ" export "$id" --out
verdict "--out without a folder" 2 "ipwiz: --out needs a value."
try "$IPWIZ" export "$id" --bogus
verdict "an unknown option" 2 "ipwiz: unknown option --bogus"
try "$IPWIZ" export 999 --out "$T/out-999"
verdict "a case that does not exist" 2 "ipwiz: There is no case #999; \`ipwiz list\` shows them."
try "$IPWIZ" export "$id" --out "$T/esc${ESC}[2J"
verdict_stdout "--out with an escape sequence" 0 "Exported to $T/esc�[2J:"

# --force into a folder of someone else's files: a download beside its own
# SHA256SUMS. ipwiz replaces only what an earlier ipwiz export wrote.
mkdir "$T/downloads"
printf 'an ISO image\n' >"$T/downloads/debian.iso"
printf 'read me\n' >"$T/downloads/README"
(cd "$T/downloads" && sha256sum debian.iso README >SHA256SUMS)
try "$IPWIZ" export "$id" --out "$T/downloads" --force
verdict "--force into a folder with a foreign SHA256SUMS" 1 "ipwiz: $T/downloads: “SHA256SUMS” in this folder was not written by an earlier ipwiz export, so ipwiz will not replace it: choose an empty folder with --out, or move that file away first."
(cd "$T/downloads" && sha256sum --quiet -c SHA256SUMS) ||
	fail "--force into a foreign folder changed or removed its files"
[ "$(ls -A "$T/downloads" | wc -l)" -eq 3 ] || fail "--force into a foreign folder left files: $(ls -A "$T/downloads")"
# An earlier ipwiz package the seller added a file to (and listed it in
# SHA256SUMS): that file is not ipwiz's to remove.
printf 'my notes\n' >"$T/out/my-notes.txt"
(cd "$T/out" && sha256sum my-notes.txt >>SHA256SUMS)
try "$IPWIZ" export "$id" --out "$T/out" --force
verdict "--force over an earlier package with the seller's own file" 0 ""
[ -f "$T/out/my-notes.txt" ] || fail "--force removed a file the earlier export did not write"
(cd "$T/out" && sha256sum --quiet -c SHA256SUMS) || fail "sha256sum -c after --force"

printf 'changed\n' >>"$T/invoice.pdf"
try "$IPWIZ" export "$id" --out "$T/out-changed"
verdict "evidence changed since the check" 1 "ipwiz: “$T/invoice.pdf” changed since it was checked on"
expect_in "$err" "attach it again so the platform gets what was checked, or add --force to export it as it is now." "changed evidence"
[ -e "$T/out-changed" ] && fail "an export refused for changed evidence left a folder behind"
rm -f "$T/invoice.pdf"
try "$IPWIZ" export "$id" --out "$T/out-gone"
verdict "evidence gone since the check" 1 "ipwiz: “$T/invoice.pdf” cannot be read any more (checked on"
expect_in "$err" "put it back or attach it again, or add --force to export without it." "vanished evidence"

# An attached 622-byte file replaced by a terabyte (sparse): its size alone
# says it changed, so neither check nor export reads or copies any of it.
# Reading it would take minutes (a hang here); copying it would pass the
# file-size limit the export runs under (a crash by SIGXFSZ).
run new core-test --batch
big=$out
run fill "$big" "$T/answers.yaml"
cp "$T/ev/invoice.pdf" "$T/big.pdf"
run attach "$big" invoice "$T/big.pdf"
truncate -s 1T "$T/big.pdf"
try "$IPWIZ" check "$big"
verdict_stdout "check of a file replaced by a terabyte" 1 "This file changed after it was checked"
try sh -c 'ulimit -f 4096 && exec "$@"' sh "$IPWIZ" export "$big" --out "$T/out-big"
verdict "export of a file replaced by a terabyte" 1 "ipwiz: “$T/big.pdf” changed since it was checked on"
[ -e "$T/out-big" ] && fail "an export refused for a grown file left a folder behind"
rm -f "$T/big.pdf"

cd "$OLDPWD" || exit 1
summary "export"
