#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A textarea wraps Chinese between any two characters and English at spaces,
# by display width; Enter starts a new line, Up/Down move by wrapped line at
# the same column; the lines are saved as typed. A default fills its field
# and is saved when left; y answers a yes/no question.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

cjk="投诉称我们的商品侵犯了其商标权但我们的货物均从品牌授权经销商处购买并有发票为证"
en="We bought them from the brand's authorised distributor, with invoices."

start new ui-widgets
wait_for "▸ The complaint's reason"
type_text "$cjk"
keys Enter
type_text "$en"
wait_for "distributor, with invoices."
expect_screen textarea_cjk_and_english
# Line 4 ends at column 27 of the text; line 2 (13 Chinese characters) is
# 26 columns wide, so two lines up the cursor stops at its end.
wait_cursor 52,13 "end of the text"
keys Up
wait_cursor 52,12 "one line up"
keys Up
wait_cursor 51,11 "two lines up, clamped"
keys Tab
wait_for "▸ Shop name"
expect_on_screen "[Tokoku"
keys Tab
wait_for "▸ Did you sell this product?"
keys y
wait_for "(•) Yes"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-none}"

ipwiz show 1
for want in "$cjk" "$en" "Shop name: Tokoku" "Did you sell this product? Yes"; do
	case "$out" in
	*"$want"*) ;;
	*) fail "show lacks: $want (got: $out)" ;;
	esac
done
finish
