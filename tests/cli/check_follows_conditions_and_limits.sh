#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The checklist follows the answers: a requirement behind `when:` appears
# only when its condition holds, optional files never block, and a flow's
# strict structure policy and pixel minimum reject cut-off and thumbnail
# photos at attach time, and again at check time when the flow got stricter.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
cp "$IPWIZ_SRCDIR/tests/fixtures/evidence/evidence-rules.yaml" "$T/data/flows/"
s=$T/s

run new evidence-rules --batch
expect_rc 0 "new"
id=$out

run check "$id"
expect_rc 1 "photo missing"
expect_in "$out" "[MISSING] Photo of the product (photo): 0 usable, at least 1 needed, at most 2"
expect_in "$out" "[optional] Anything else (extra): 0 usable, optional"
expect_not_in "$out" "Authorisation letter" "before the condition holds"

run attach "$id" photo "$s/thumb.jpg" "$s/truncated.jpg" "$s/photo.jpg"
expect_rc 1 "thumbnail and cut-off photo"
expect_in "$err" "thumb.jpg: rejected — This image is only 160 × 120 pixels; reviewers need at least 700 pixels on its shorter side to read it."
expect_in "$err" "truncated.jpg: rejected — This file is a JPEG image, but its end is missing"
expect_in "$out" "photo.jpg: attached — This is a JPEG image of 14 KB (800 × 760 pixels)."

run set "$id" authorised yes
run check "$id"
expect_rc 1 "letter now asked for"
expect_in "$out" "[FIX] Photo of the product (photo): 1 usable"
expect_in "$out" "[MISSING] Authorisation letter (letter): 0 usable, at least 1 needed"
expect_in "$out" "Missing: 1. To fix: 1."

run attach "$id" letter "$s/invoice.pdf"
expect_rc 0 "letter"
run attach "$id" photo --remove "$s/thumb.jpg" "$s/truncated.jpg"
expect_rc 0 "remove rejected photos"
run check "$id"
expect_rc 0 "complete"
expect_in "$out" "[ok] Authorisation letter (letter): 1 usable, at least 1 needed"

run set "$id" authorised no
run check "$id" --json
expect_rc 0 "letter no longer asked for"
expect_not_in "$out" '"field":"letter"' "after the condition turned false"
expect_in "$out" '"field":"extra","label":"Anything else","status":"optional","required":false,"need":0'

# The same bytes are judged again under the flow as it is now: a stricter
# pixel minimum in a new version of the flow rejects the attached photo.
sed -i 's/min_pixels: 700/min_pixels: 1000/' "$T/data/flows/evidence-rules.yaml"
run check "$id"
expect_rc 1 "stricter flow"
expect_in "$out" "rejected   $s/photo.jpg — This image is only 800 × 760 pixels; reviewers need at least 1000 pixels"
run check "$id" --json
expect_in "$out" '"state":"reject","key":"too-small-image"'

finish
