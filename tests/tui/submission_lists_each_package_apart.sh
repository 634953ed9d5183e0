#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The submission screen of an IPP complaint lists its files part by part:
# the registration documents under their heading with where they go (once,
# on IPP), then the complaint's attachments, each part numbered from 1 —
# never one list that mixes them.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"

ipwiz new ipp-complaint --batch
ipwiz fill 1 "$IPWIZ_SRCDIR/tests/fixtures/answers/ipp-complaint.yaml"
[ "$rc" = 0 ] || fail "fill: $(cat "$T/stderr")"
for pair in business_licence=photo.jpg tm_certificate=photo.jpg tm_class_pages=invoice.pdf \
	tm_extension=invoice.pdf comparison=photo.jpg; do
	ipwiz attach 1 "${pair%%=*}" "$T/ev/${pair#*=}"
	[ "$rc" = 0 ] || fail "attach $pair: $(cat "$T/stderr")"
done

ROWS=30 start open 1
wait_for "Complaint on Alibaba IPP"
keys F5
wait_for "Nothing blocks the submission"
expect_on_screen "IPP registration documents"
expect_on_screen "On ipp.alibabagroup.com, once: the identity documents and the power of"
expect_on_screen "4. registration-04-china-extension-certificate.pdf"
expect_on_screen "The complaint's attachments"
expect_on_screen "1. complaint-01-comparison-with-genuine.jpg — The reported goods"
expect_not_on_screen "5. " "one numbering over every part"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-?}"
finish
