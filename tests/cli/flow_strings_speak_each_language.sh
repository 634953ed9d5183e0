#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped flows speak the seller's language: their titles, questions,
# choices and documents come from the zh_CN and id catalogues, picked by
# --lang or by LANGUAGE, and English stays the source.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
export IPWIZ_DATADIR="$IPWIZ_SRCDIR/data"

run --lang zh_CN flows
expect_rc 0 "flows in Chinese"
expect_in "$out" "阿里巴巴国际站反通知"
expect_in "$out" "阿里巴巴 IPP 投诉"
expect_in "$out" "美国 DMCA 反通知"
expect_in "$out" "淘宝 / 天猫申诉"

run --lang id flows
expect_rc 0 "flows in Indonesian"
expect_in "$out" "Pemberitahuan balasan Alibaba.com"
expect_in "$out" "Pengaduan di Alibaba IPP"

LANGUAGE=id run flows
expect_in "$out" "Banding Taobao / Tmall" "LANGUAGE=id"

run flows
expect_in "$out" "Alibaba.com counter-notice" "English"

# One flow: its steps, its fields by id, type and label, and its outcomes,
# in the reader's language; an unknown flow is named.
LANGUAGE=zh_CN run flows alibaba-counter-notice
expect_rc 0 "flows FLOW"
expect_in "$out" "alibaba-counter-notice — 阿里巴巴国际站反通知" "flows FLOW in Chinese"
expect_in "$out" "site" "flows FLOW in Chinese"
expect_in "$out" "投诉是在哪个网站上？" "flows FLOW in Chinese"
expect_in "$out" "\`ipwiz reply" "flows FLOW in Chinese"
run flows no-such-flow
expect_rc 2 "flows with an unknown flow"
expect_in "$err" "no-such-flow" "flows with an unknown flow"

# A question, its choices and their help, in line mode.
out=$(printf '1\nquit\n' | "$IPWIZ" --plain --lang zh_CN new alibaba-counter-notice 2>&1)
expect_in "$out" "投诉是在哪个网站上？" "plain mode in Chinese"
expect_in "$out" "尚未判定的投诉（反通知） — 投诉仍在您的“待处理的投诉”列表中。"
out=$(printf '1\nquit\n' | "$IPWIZ" --plain --lang id new dmca-counter-notice 2>&1)
expect_in "$out" "Layanan yang menghapusnya" "plain mode in Indonesian"

finish
