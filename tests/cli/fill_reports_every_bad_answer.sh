#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz fill` saves the good answers, reports each bad one at file:line:column
# and exits 1; a broken file changes nothing.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
id=$out

cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-13-01
ip_type: patent
patent_number: ZL 2020 1 0000000.0
grounds: [genuine, authorised]
products:
  - {url: "https://shop.example/1", note: 第一个}
  - url: not-a-url
truth: yes
truth.name: 李伟
YAML
run fill "$id" "$T/answers.yaml"
expect_rc 1 "fill with two bad answers"
expect_in "$err" "ipwiz: $T/answers.yaml:2:14: Date you received the complaint (notice_date): Write the date as year-month-day, for example 2026-11-24."
expect_in "$err" "ipwiz: $T/answers.yaml:8:10: Listing URL (products.2.url): Write the full address, starting with https://."
expect_in "$err" "ipwiz: 8 answers saved, 2 refused."

run show "$id" --json
expect_in "$out" '"patent_number":"ZL 2020 1 0000000.0"'
expect_in "$out" '"grounds":"genuine\nauthorised"'
expect_in "$out" '"products.1.note":"第一个"'
expect_in "$out" '"truth.name":"李伟"'
expect_not_in "$out" '"notice_date":"' "refused date"

printf 'complaint_number: [unterminated\n' >"$T/broken.yaml"
run fill "$id" "$T/broken.yaml"
expect_rc 1 "broken yaml"
expect_in "$err" "$T/broken.yaml:2:1: This is not valid YAML"

run fill "$id" "$T/missing.yaml"
expect_rc 1 "missing file"
expect_in "$err" "$T/missing.yaml: Cannot open the file: No such file or directory."

finish
