#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Reading scans takes seconds each (OCR): attaching two at once from the
# browser (F4, Space, Enter) says on the status line which file is being
# read, of how many, with a bar, until both verdicts are there.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
if [ ! -e "${TESSDATA_PREFIX:-/usr/share/tesseract-ocr/5/tessdata}/eng.traineddata" ]; then
	echo "SKIP: no English OCR model: scans are not read, so nothing takes long" >&2
	exit 77
fi
gen="$IPWIZ_BUILDDIR/tests/fixtures/evidence/make-legible"
[ -x "$gen" ] || { fail "make-legible was not built"; finish; }
mkdir -p "$HOME/scans"
ASAN_OPTIONS=detect_leaks=0 "$gen" "$HOME/scans" >/dev/null || fail "make-legible"
cat >"$T/data/flows/read-scans.yaml" <<'YAML'
id: read-scans
version: 1
title: Read scans
description: Scanned letters read for the brand
platform: Example.com
checked: 2026-12
languages: [en]
steps:
  - id: evidence
    title: Evidence
    fields:
      - {id: brand, type: text, label: Brand, required: true}
      - id: letters
        type: evidence
        label: The letters
        proves: The letters name the brand
        accept: [image/png]
        required: true
        max_files: 5
        reads:
          - {mention: brand, as: brand}
YAML
ipwiz new read-scans --batch
ipwiz set 1 brand BRIGHTSTAR
start open 1
wait_for "The letters"
keys Tab
wait_for "F4 to browse"
keys F4
wait_for "scans/"
keys Down Enter
wait_for "sharp.png"
# Below "..": blank.png and blurred.png, marked (Space marks and moves on).
keys Down Space Space Enter
wait_for "Checking 2 of 2 ▕"
wait_for "blurred.png (" # both verdicts under the field
expect_on_screen "blank.png ("
expect_not_on_screen "Checking"
keys F10
wait_exit
finish
