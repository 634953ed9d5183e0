#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Resizing in the middle of an edit (120×40 → 80×24 → 60×20 → 40×12 → too
# small → 120×40) lays the screen out again and keeps the typed text and the
# cursor right after it; the text is saved when the field is left. An open
# choice survives being resized to a single cell and back.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

# "AB-12 商标" is 10 columns; the input starts 3 columns into the pane, which
# begins after the step list (28 wide at 120 columns, 20 at 80, 16 at 60,
# folded away below 60).
COLS=120 ROWS=40 start new core-test
wait_for "Complaint number"
type_text "AB-12 商标"
wait_for "[AB-12 商标"
wait_cursor 43,7 120x40

resize 80 24
wait_for "Pieces bought"
wait_cursor 35,7 80x24
expect_screen resize_80x24

resize 60 20
wait_for "[AB-12 商标"
wait_cursor 31,7 60x20

resize 40 12
wait_for "[AB-12 商标"
wait_cursor 14,7 40x12
expect_screen resize_40x12

resize 30 10
wait_for "Please make this window"
expect_not_on_screen "商标"

resize 120 40
wait_for "[AB-12 商标"
wait_cursor 43,7 "120x40 again"

keys Tab
wait_for "▸ Date you received"

# An open choice survives sizes down to nothing and back, then still works.
keys Tab Enter
wait_for "Enter: choose"
for size in "20 5" "2 2" "1 1" "41 12" "33 7" "80 24"; do
	resize $size
done
# The step list shows only at the full size again: waiting for the choice
# box alone could read a screen drawn for one of the smaller sizes.
wait_for "The listings"
wait_for "Enter: choose"
expect_not_on_screen "▲" # enlarged again: no scrolled-off space left

# Whether a small size was drawn on the way must not matter: the pane drawn
# scrolled at 41×12 is laid out from its top again at 80×24.
resize 41 12
wait_for "   Da┌─ Which right"
resize 80 24
wait_for "The listings"
wait_for "Enter: choose"
expect_not_on_screen "▲"
keys Down Enter
wait_for "[Patent"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with $rc"
ipwiz show 1
case "$out" in
*"AB-12 商标"*) ;;
*) fail "the text typed across resizes was not saved: $out" ;;
esac
finish
