#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz list` shows each case's next deadline under its row, as the
# wizard's case list does, in the user's language; --json gives its id,
# label, date, days left and whether the calendar was sure. A case whose
# start date is not answered yet has none.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/alibaba-counter-notice.yaml "$T/data/flows/"

run new alibaba-counter-notice --batch --title "Not started"
run new alibaba-counter-notice --batch --title "Shop A"
run fill 2 "$IPWIZ_SRCDIR/tests/fixtures/answers/alibaba-counter-notice.yaml"
expect_rc 0 "fill"

run list
expect_rc 0 "list"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || fail "a header, two cases, one deadline line — got: $out"
expect_in "$out" "
2     Shop A"
expect_in "$out" "
      Safe date for the first counter-notice (one working day early): 2026-11-24 (today is the last day)"
printf '%s\n' "$out" | sed -n 2,3p | grep -q "^      Safe date" && fail "the case not started shows a deadline"

run list --json
expect_in "$out" '"title":"Not started","status":"draft","answered":0'
expect_in "$out" ',"deadline":null}'
expect_in "$out" '"deadline":{"id":"first_safe","label":"Safe date for the first counter-notice (one working day early)","date":"2026-11-24","days_left":0,"uncertain":false}}'

run --lang zh_CN list
expect_in "$out" "第一次反通知的安全日期（提前一个工作日）：2026-11-24（今天是最后一天）"
run --lang id list
expect_in "$out" "2026-11-24 (hari ini hari terakhir)"

finish
