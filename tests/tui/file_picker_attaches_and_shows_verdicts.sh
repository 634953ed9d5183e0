#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# F4 on an evidence field browses from the working directory: folders first,
# each file with its size, only the accepted kinds until "a" shows all; the
# highlighted file is checked by content before it is attached; Space marks
# several and Enter attaches them, each with its verdict (a second copy of
# the same bytes is flagged as such).
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
mkdir -p "$HOME/docs"
cp "$T/s/invoice.pdf" "$HOME/docs/invoice.pdf"
cp "$T/s/invoice.pdf" "$HOME/docs/发票 2026 年.pdf"
cp "$T/s/docx-as.pdf" "$HOME/docs/letter.pdf"
echo "notes" >"$HOME/docs/notes.txt"
echo "secret" >"$HOME/docs/.hidden.pdf"

ipwiz new core-test --batch
ipwiz set 1 grounds genuine
start open 1
wait_for "Complaint number"
keys PageDown
wait_for "Purchase invoice"
keys Tab Tab
wait_for "F4 to browse"
keys F4
wait_for "files for “Purchase invoice”"
expect_on_screen "docs/"
expect_on_screen " ~"
keys Down Enter
wait_for "invoice.pdf"
expect_not_on_screen "notes.txt"
expect_not_on_screen ".hidden.pdf"
keys Down
wait_for "✓ This is a PDF document"
expect_screen file_picker
keys Down
wait_for "! This file is a Word document"
keys a
wait_for "notes.txt"
keys .
wait_for ".hidden.pdf"
keys a .
wait_gone "notes.txt"

# Mark the invoice and its Chinese-named copy, then attach both at once.
keys Down Space
wait_for "[x] invoice.pdf"
keys Down Space
wait_for "[x] 发票 2026 年.pdf"
keys Enter
wait_for "2 files checked"
expect_on_screen "✓ invoice.pdf (622 B)"
expect_on_screen "! 发票 2026 年.pdf (622 B) — This file has the same"
keys Escape F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
ipwiz show 1
case "$out" in
*"[ok] $HOME/docs/invoice.pdf"*) ;;
*) fail "the browsed file is not recorded: $out" ;;
esac
finish
