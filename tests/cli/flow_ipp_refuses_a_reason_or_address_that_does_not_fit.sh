#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The IPP complaint (issue #17) refuses what IPP would reject, in the
# seller's language: "counterfeit" (a trademark notion) with a patent, a
# patent reason with a trademark, and an address that is not on the platform
# chosen (a taobao.com listing in an AliExpress complaint, or a lookalike
# host). A change made after the answer shows the old one as invalid.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/ipp-complaint.yaml" "$T/data/flows/"

run new ipp-complaint --batch
expect_rc 0 "new"
id=$out

run set "$id" right_type patent
expect_rc 0 "a patent"
run set "$id" reason counterfeit
expect_rc 1 "counterfeit with a patent"
expect_in "$err" "Counterfeit goods and unauthorised use of a mark are reasons of a trademark, not of a patent or a copyright."
run set "$id" reason trademark_misuse
expect_rc 1 "misuse of a mark with a patent"
run set "$id" reason patent
expect_rc 0 "patent infringement with a patent"

# Choosing a trademark afterwards leaves the patent reason invalid.
run set "$id" right_type trademark
run show "$id"
expect_in "$out" "The reason: Patent infringement needs a patent, and the right of this case is not one." "show"
run set "$id" reason counterfeit
expect_rc 0 "counterfeit with a trademark"
run set "$id" reason trademark_misuse
expect_rc 0 "misuse of a trademark"

# The Chinese seller reads it in Chinese.
run --lang zh_CN set "$id" right_type copyright
run --lang zh_CN show "$id"
expect_in "$out" "“假冒商品”和“未经授权使用商标”是商标投诉的理由" "show in Chinese"
run set "$id" right_type trademark

# Addresses must be on the platform chosen.
wrong="This address is not on the platform you chose for the complaint."
run set "$id" platform_name aliexpress
expect_rc 0 "AliExpress"
run set "$id" urls.1.url "https://www.aliexpress.com/item/1005000000000001.html"
expect_rc 0 "an AliExpress address"
run set "$id" urls.2.url "https://item.taobao.com/item.htm?id=712345678901"
expect_rc 1 "a Taobao address in an AliExpress complaint"
expect_in "$err" "$wrong"
run set "$id" urls.2.url "https://aliexpress.com.shop.example/item/2.html"
expect_rc 1 "a lookalike host"
expect_in "$err" "$wrong"
run --lang id set "$id" urls.2.url "https://detail.1688.com/offer/2.html"
expect_rc 1 "a 1688 address, in Indonesian"
expect_in "$err" "Tautan ini tidak berada di platform yang Anda pilih untuk pengaduan ini."

# Another platform afterwards: the AliExpress address shows as invalid.
run set "$id" platform_name taobao
run show "$id"
expect_in "$out" "Address: $wrong" "show after the platform changed"
run set "$id" urls.1.url "https://m.tb.cn/h.5xYzAbC"
expect_rc 0 "a Taobao short link"
run show "$id"
expect_not_in "$out" "$wrong" "show with Taobao addresses"
finish
