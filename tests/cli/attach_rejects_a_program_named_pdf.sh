#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz attach` judges by content: a program renamed .pdf is rejected with a
# sentence naming what it really is and what to do; a real PDF is accepted;
# both verdicts are recorded and shown by `ipwiz show`.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"

run new core-test --batch
expect_rc 0 "new"
id=$out

run attach "$id" invoice "$T/s/program.pdf"
expect_rc 1 "program renamed .pdf"
expect_in "$err" "program.pdf: rejected — This file is a program (executable); this field takes only PDF, JPEG or PNG files."
expect_in "$err" "What to do: Do not upload programs"
expect_not_in "$out" "program.pdf: attached"

run attach "$id" invoice "$T/s/invoice.pdf"
expect_rc 0 "real PDF"
expect_in "$out" "invoice.pdf: attached — This is a PDF document of 622 bytes."
expect_in "$out" "Purchase invoice: 1 usable file, at least 1 needed."
expect_not_in "$err" "rejected"

run attach "$id" invoice "$T/s/docx-as.pdf"
expect_rc 1 "Word file renamed .pdf"
expect_in "$err" "This file is a Word document"
expect_in "$err" "save it as PDF"

run show "$id"
expect_rc 0 "show"
expect_in "$out" "[rejected] $T/s/program.pdf"
expect_in "$out" "[ok] $T/s/invoice.pdf"

run show "$id" --json
expect_in "$out" '"verdict":"reject"'
expect_in "$out" 'executable","sha256":"' "show --json"

# The rejected files block the checklist until they are taken off.
run check "$id"
expect_rc 1 "check with rejected files"
expect_in "$out" "Then take it off this list: \`ipwiz attach $id invoice --remove FILE\`."
run attach "$id" invoice --remove "$T/s/program.pdf" "$T/s/docx-as.pdf"
expect_rc 0 "remove rejected"
run check "$id"
expect_rc 0 "check after removing"

# Usage errors: not a file field, no such field, no file at all.
run attach "$id" complaint_number "$T/s/invoice.pdf"
expect_rc 2 "text field"
expect_in "$err" "is not a field for files"
run attach "$id" no_such_field "$T/s/invoice.pdf"
expect_rc 2 "unknown field"
expect_in "$err" "This flow has no field “no_such_field”."
run attach "$id" invoice
expect_rc 2 "no file"
run attach "$id" invoice --bogus
expect_rc 2 "unknown option"

finish
