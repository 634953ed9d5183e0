#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A count agrees with its noun ("1 answer saved", "2 answers saved",
# "1 file: 0 errors"), through ngettext: no "(s)" and no "1 answers".
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR"/data/flows/*.yaml "$T/data/flows/"

run new alibaba-counter-notice --batch
id=$out
printf 'site: alibaba_com\n' >"$T/one.yaml"
printf 'site: alibaba_com\nappeal_kind: counter_notice\n' >"$T/two.yaml"
run fill "$id" "$T/one.yaml"
expect_rc 0 "fill one"
expect_in "$err" "ipwiz: 1 answer saved, 0 refused." "one answer"
run fill "$id" "$T/two.yaml"
expect_in "$err" "ipwiz: 2 answers saved, 0 refused." "two answers"

run lint "$T/data/flows/alibaba-counter-notice.yaml"
expect_in "$out$err" "1 file: 0 errors, 0 warnings" "lint of one flow"
run lint "$T/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/taobao-appeal.yaml"
expect_in "$out$err" "2 files: 0 errors, 0 warnings" "lint of two flows"
expect_not_in "$out$err" "(s)" "lint"

# Export of a DMCA case: one paste document and one checklist, no evidence.
run new dmca-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/dmca-counter-notice.yaml"
run export "$id" --out "$T/out" --force
expect_rc 0 "export"
expect_in "$out" "0 evidence files" "no evidence file"
expect_not_in "$out" "1 documents" "export"

LANGUAGE=zh_CN run lint "$T/data/flows/alibaba-counter-notice.yaml"
expect_not_in "$out$err" "(s)" "lint in Chinese"

finish
