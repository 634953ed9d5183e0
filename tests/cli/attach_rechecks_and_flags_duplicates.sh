#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Attaching the same path again re-checks it in place; the same bytes under
# another name are kept with a warning; a field takes at most max_files
# usable files; --remove takes a file off.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
s=$T/s

run new core-test --batch
id=$out

run attach "$id" invoice "$s/invoice.pdf"
expect_rc 0 "first"
run attach "$id" invoice "$s/invoice.pdf"
expect_rc 0 "again"
expect_in "$out" "Purchase invoice: 1 usable file," "re-attach keeps one row"

cp "$s/invoice.pdf" "$s/copy of invoice.pdf"
run attach "$id" invoice "$s/copy of invoice.pdf"
expect_rc 0 "copy"
expect_in "$out" "attached, with a warning — This file has the same content as “invoice.pdf”, already attached here."

# The checklist keeps the first of the two as it was, the second flagged.
run check "$id" --json
expect_in "$out" '"path":"'"$s"'/invoice.pdf","state":"ok","key":"ok"'
expect_in "$out" '"path":"'"$s"'/copy of invoice.pdf","state":"warn","key":"duplicate"'

# Relative names are recorded as absolute paths.
(cd "$s" && "$IPWIZ" attach "$id" invoice photo.jpg >"$T/o" 2>&1) || fail "relative path"
run show "$id" --json
expect_in "$out" "\"path\":\"$s/photo.jpg\""

run attach "$id" invoice "$s/scan.png"
expect_rc 1 "fourth usable file"
expect_in "$err" "scan.png: not attached — this field takes at most 3 files and has 3."

run attach "$id" invoice --remove "$s/copy of invoice.pdf"
expect_rc 0 "remove"
expect_in "$out" "copy of invoice.pdf: removed"
run attach "$id" invoice "$s/scan.png"
expect_rc 0 "room again"

run attach "$id" invoice --remove "$s/never-attached.pdf"
expect_rc 1 "remove unknown"
expect_in "$err" "is not attached to this field"

run history "$id"
expect_in "$out" "evidence “Purchase invoice” (invoice)"

finish
