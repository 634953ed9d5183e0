#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The IPP step "Proof of identity" asks for different documents by where
# the complainant is and who it is. Before both are answered it is not an
# empty page: it says what to answer first, and where; once they are
# answered, the documents asked for take that sentence's place.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"
ipwiz new ipp-complaint --batch
start open 1
wait_for "Your IPP account"
keys PageDown
wait_for "Who and where first"
expect_on_screen "account” first, and the documents you need appear here."
keys F10
wait_exit
ipwiz set 1 location elsewhere
ipwiz set 1 account_type enterprise
start open 1
wait_for "Business licence"
expect_not_on_screen "Who and where first"
keys F10
wait_exit
finish
