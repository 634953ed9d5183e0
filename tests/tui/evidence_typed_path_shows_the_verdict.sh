#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An evidence field takes a typed path (~ works): the file is judged by its
# content exactly as `ipwiz attach` judges it, the verdict and what to do
# show under the field, a rejected file is marked "!" in text, and Ctrl-D
# removes the last file after asking.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$HOME/s" || fail "samples"

ipwiz new core-test --batch
ipwiz set 1 grounds genuine
start open 1
wait_for "Complaint number"
keys PageDown
wait_for "Purchase invoice"
keys Tab Tab
wait_for "▸ Purchase invoice"
type_text "~/s/program.pdf"
keys Enter
# the typed path shows at once; the verdict when the worker has judged it
wait_for "! program.pdf"
expect_on_screen "! program.pdf"
expect_on_screen "program (executable)"
type_text "$HOME/s/invoice.pdf"
keys Enter
wait_for "✓ invoice.pdf"
expect_on_screen "This is a PDF document"

ipwiz show 1
case "$out" in
*"[rejected] $HOME/s/program.pdf"*) ;;
*) fail "the rejected file is not recorded: $out" ;;
esac
case "$out" in
*"[ok] $HOME/s/invoice.pdf"*) ;;
*) fail "the accepted file is not recorded: $out" ;;
esac

keys C-d
wait_for "Remove “invoice.pdf” from this document? (y/n)"
keys y
wait_for "File removed."
expect_not_on_screen "✓ invoice.pdf"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"
ipwiz show 1
case "$out" in
*"invoice.pdf"*) fail "Ctrl-D did not remove the file: $out" ;;
esac
finish
