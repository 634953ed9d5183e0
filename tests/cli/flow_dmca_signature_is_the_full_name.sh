#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A DMCA counter-notice is signed by the person it names: the typed
# signature must be the full name given (case and spaces aside), or the
# export prints "Signature: /X/" beside "Name: Budi Santoso".
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/dmca-counter-notice.yaml" "$T/data/flows/"

run new dmca-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/dmca-counter-notice.yaml"
expect_rc 0 "fill"
run set "$id" perjury.name "X"
expect_rc 1 "a signature that is not the name"
expect_in "$err" "Type the signature as the name you gave for “Your full legal name”: Budi Santoso."
run --lang zh_CN set "$id" perjury.name "X"
expect_rc 1 "zh_CN"
expect_not_in "$err" "Type the signature" "translated"
run set "$id" perjury.name "  budi   SANTOSO "
expect_rc 0 "case and spaces do not matter"
run set "$id" perjury yes
run set "$id" full_name "Budi Santoso Wijaya"
run show "$id"
expect_in "$out" "Type the signature as the name you gave" "a changed name voids the signature"
run export "$id" --out "$T/out"
expect_rc 1 "no export signed by somebody else"

finish
