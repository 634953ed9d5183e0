#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz check CASE` lists every evidence requirement that applies, says what
# is missing, and re-hashes attached files: a file changed or deleted since it
# was checked blocks the checklist until it is attached again.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
s=$T/s

run new core-test --batch
id=$out

# The invoice is only asked for when the ground is "genuine".
run check "$id"
expect_rc 0 "nothing asked yet"
expect_in "$out" "Purchase invoice (invoice): 0 usable, optional"

run set "$id" grounds genuine
run check "$id"
expect_rc 1 "invoice required"
expect_in "$out" "[MISSING] Purchase invoice (invoice): 0 usable, at least 1 needed, at most 3"
expect_in "$out" "Proves: You bought genuine goods"
expect_in "$out" "Missing: 1. To fix: 0."

cp "$s/invoice.pdf" "$T/invoice.pdf"
run attach "$id" invoice "$T/invoice.pdf"
expect_rc 0 "attach"
run check "$id"
expect_rc 0 "complete"
expect_in "$out" "[ok] Purchase invoice (invoice): 1 usable, at least 1 needed"
expect_in "$out" "Everything required is here and unchanged."

run check "$id" --json
expect_rc 0 "json"
expect_in "$out" '{"case":1,"flow":"core-test","ok":true,"missing":0,"to_fix":0,"requirements":[{"field":"invoice","label":"Purchase invoice","status":"ok","required":true,"need":1,"max":3,"usable":1,"files":[{"path":"'
expect_in "$out" '"state":"ok","key":"ok"'

printf '%% edited\n' >>"$T/invoice.pdf"
run check "$id"
expect_rc 1 "changed"
expect_in "$out" "[FIX] Purchase invoice"
expect_in "$out" "changed    $T/invoice.pdf — This file changed after it was checked"
run check "$id" --json
expect_in "$out" '"state":"changed","key":"changed"'

run attach "$id" invoice "$T/invoice.pdf"
expect_rc 0 "re-check"
run check "$id"
expect_rc 0 "re-checked"

rm "$T/invoice.pdf"
run check "$id"
expect_rc 1 "gone"
expect_in "$out" "gone       $T/invoice.pdf — There is no file with this name."

run check "$id" "$id"
expect_rc 2 "two cases"
run check 99
expect_rc 2 "no such case"
expect_in "$err" "There is no case #99"

finish
