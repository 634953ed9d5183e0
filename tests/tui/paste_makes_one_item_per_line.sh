#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A column of 10 URLs pasted on a list's "Add an item" becomes 10 items;
# pasted into an item's field, the first line stays there and the others
# become new items; pasted into a textarea, the line breaks stay line breaks
# (bracketed paste: the lines never act as Enter keys).
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

i=1
while [ $i -le 10 ]; do
	echo "https://example.com/item/$i"
	i=$((i + 1))
done >"$T/urls"
printf '%s\n' "第一行：投诉理由" "second line" >"$T/lines"

start new ui-widgets
wait_for "▸ The complaint's reason"
paste "$T/lines"
wait_for "second line"
expect_on_screen "[第一行：投诉理由"
keys PageDown
wait_for "Add an item to “Listings”"
keys Tab Tab
wait_for "▸ [+] Add an item"
paste "$T/urls"
wait_for "10 items made from the pasted lines."
expect_on_screen "10. Listing URL"
keys BTab
wait_for "▸ 10. Listing URL"
keys C-u
printf '%s\n' "https://example.com/ten" "https://example.com/eleven" \
	"https://example.com/twelve" >"$T/more"
paste "$T/more"
wait_for "2 more items made from the pasted lines."
expect_on_screen "11. Listing URL"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"

ipwiz show 1
for want in "Listings: 12" "1. Listing URL: https://example.com/item/1" \
	"9. Listing URL: https://example.com/item/9" "10. Listing URL: https://example.com/ten" \
	"12. Listing URL: https://example.com/twelve" "第一行：投诉理由"; do
	case "$out" in
	*"$want"*) ;;
	*) fail "show lacks: $want (got: $out)" ;;
	esac
done
case "$out" in
*"第一行：投诉理由"*"second line"*) ;;
*) fail "the textarea lost its pasted lines: $out" ;;
esac
finish
