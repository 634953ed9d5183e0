#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An answers file may list the declaration before the answers it covers
# (a YAML file has no order a seller can see): `fill` affirms it after them,
# so the affirmation holds, instead of reporting success for a declaration
# that is void at once and an export that then refuses.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
id=$out
cat >"$T/answers.yaml" <<'YAML'
truth: yes
truth.name: Budi Santoso
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: trademark
grounds: [genuine]
products:
  - {url: "https://shop.example/1"}
YAML
run fill "$id" "$T/answers.yaml"
expect_rc 0 "fill"
expect_in "$err" "7 answers saved, 0 refused."
run show "$id" --json
expect_in "$out" '"truth":"yes"'
expect_in "$out" '"truth.name":"Budi Santoso"'
expect_not_in "$out" "changed after it was affirmed" "the declaration holds"

# A later change still voids it, as in the wizard.
run set "$id" complaint_number AB-78
run show "$id" --json
expect_in "$out" "changed after it was affirmed" "a change after fill"

finish
