#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz check --flow FLOW --field FIELD FILE…` judges a folder with no case:
# every file's verdict, duplicates flagged, exit 1 when one is rejected; a
# folder stands for its files.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
s=$T/s

run check --flow core-test --field invoice "$s/invoice.pdf" "$s/photo.jpg" "$s/scan.png"
expect_rc 0 "good folder"
expect_in "$out" "Purchase invoice (invoice)"
expect_in "$out" "ok         $s/photo.jpg — This is a JPEG image of 14 KB (800 × 760 pixels)."
expect_in "$out" "3 files: 3 usable, 0 not."

run check --flow core-test --field invoice "$s/invoice.pdf" "$s/link.pdf" "$s/page.png" "$s/large.pdf"
expect_rc 1 "bad folder"
expect_in "$out" "warning    $s/link.pdf — This file has the same content as “$s/invoice.pdf”."
expect_in "$out" "rejected   $s/page.png — This file is a web page (HTML); this field takes only PDF, JPEG or PNG files."
expect_in "$out" "warning    $s/large.pdf — This file is 6.0 MB; upload pages often refuse files over 5 MB."
expect_in "$out" "4 files: 3 usable, 1 not."

run check --json --flow core-test --field invoice "$s/jpeg-as.png"
expect_rc 0 "json"
expect_in "$out" '{"field":"invoice","ok":true,"usable":1,"rejected":0,"need":1,"max":3,"files":[{"path":'
expect_in "$out" '"state":"warn","key":"wrong-extension"'
expect_in "$out" '"mime":"image/jpeg"'

# A folder stands for the files in it, one level deep, in name order.
mkdir -p "$T/review/sub"
cp "$s/photo.jpg" "$T/review/b photo.jpg"
cp "$s/invoice.pdf" "$T/review/a invoice.pdf"
cp "$s/program.pdf" "$T/review/sub/"
run check --flow core-test --field invoice "$T/review"
expect_rc 0 "reviewer's folder"
expect_in "$out" "ok         $T/review/a invoice.pdf — This is a PDF document of 622 bytes.
      ok         $T/review/b photo.jpg"
expect_in "$out" "2 files: 2 usable, 0 not."
expect_in "$err" "$T/review/sub: a folder inside the folder, not checked."
run check --flow core-test --field invoice "$T/review/sub"
expect_rc 1 "folder with a program"
run check --flow core-test --field invoice "$s/folder.pdf"
expect_rc 1 "empty folder"
expect_in "$err" "there are no files to check in that folder"

run check --flow core-test --field complaint_number "$s/invoice.pdf"
expect_rc 2 "not a file field"
run check --flow core-test "$s/invoice.pdf"
expect_rc 2 "no --field"
run check --flow no-such-flow --field invoice "$s/invoice.pdf"
[ "$rc" -ne 0 ] || fail "unknown flow accepted"

finish
