#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A list grows item by item ("Add an item"), each item's answers saved as
# products.N.field; Ctrl-D removes an item after asking and the later items
# move up; the list stops offering "Add" at its maximum.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
keys PageDown
wait_for "Add an item"
keys Tab Enter
wait_for "▸ 1. Listing URL"
type_text "https://example.com/one"
keys Tab Tab Enter
wait_for "▸ 2. Listing URL"
type_text "https://example.com/two"
keys Tab Tab Enter
wait_for "▸ 3. Listing URL"
type_text "https://example.com/three"
keys Tab
wait_for "3 of at most 3 items"
expect_not_on_screen "Add an item"

keys BTab BTab BTab BTab BTab
wait_for "▸ 1. Listing URL"
keys C-d
wait_for "Remove item 1 of “Complained listings”? (y/n)"
keys y
wait_for "Item 1 removed."
expect_on_screen "2 of at most 3 items"
expect_on_screen "Add an item"
keys F10
wait_exit
ipwiz show 1
case "$out" in
*example.com/one*) fail "the removed item is still there: $out" ;;
esac
case "$out" in
*"1. Listing URL: https://example.com/two"*) ;;
*) fail "item 2 did not move up to 1: $out" ;;
esac
finish
