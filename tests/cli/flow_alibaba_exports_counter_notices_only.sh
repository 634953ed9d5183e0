#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A penalty appeal (处罚申诉) is not a counter-notice: a case that says it
# answers a recorded penalty, or that is not sure yet, never exports a
# counter-notice — not even with --force — and the refusal says what to do
# instead. The flow says one thing about a missed first deadline: that
# chance is used up and the second may follow (the platform's notice:
# 逾期未发起申诉视为申诉不成立，且本次申诉机会用尽).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"

run new alibaba-counter-notice --batch
id=$out
run fill "$id" "$IPWIZ_SRCDIR/tests/fixtures/answers/alibaba-counter-notice.yaml"
expect_rc 0 "fill"
run attach "$id" authorisation "$T/ev/photo.jpg"
run attach "$id" invoice "$T/ev/invoice.pdf"
run export "$id" --out "$T/ok"
expect_rc 0 "a counter-notice exports"
st=$(cat "$T/ok/statement.en.txt")
expect_in "$st" "Declarant (company seal): 深圳市华联贸易有限公司" "the seal line"
expect_in "$st" "- Restore the removed listings." "one request a line"
expect_not_in "$st" "(Signature and company seal)" "no choice label in the text"
# An authorisation against a design patent is a licence of the right, not of a brand.
run set "$id" ip_type patent_design
run export "$id" --out "$T/design" --force
expect_in "$(cat "$T/design/statement.en.txt")" "licensed us to use the right claimed (BRIGHTWAY)"
run set "$id" ip_type trademark

# A Chinese reason in the English copy that is pasted: the manifest says so.
run set "$id" complaint_reason "被投诉商品与外观设计专利相同。"
run export "$id" --out "$T/han" --force
expect_in "$(cat "$T/han/manifest.txt")" "your answer to “The complaint's reason” has Chinese text, but this copy is read in en"

run set "$id" appeal_kind penalty
expect_rc 0 "penalty"
run export "$id" --out "$T/penalty" --force
expect_rc 1 "a penalty appeal does not export"
expect_in "$err" "not penalty appeals"
expect_in "$err" "platform's own page"
[ -e "$T/penalty" ] && fail "something was written for a penalty appeal"
run show "$id"
expect_in "$out" "not penalty appeals" "show says why"

run set "$id" appeal_kind unsure
run export "$id" --out "$T/unsure" --force
expect_rc 1 "unsure does not export"
expect_in "$err" "choose one of the two"
run --lang zh_CN export "$id" --out "$T/unsure" --force
expect_rc 1 "unsure does not export (zh_CN)"
expect_not_in "$err" "First find out" "the refusal is translated"

# One thing about a missed deadline, in every help text of the flow.
run lint --pot "$T/data/flows/alibaba-counter-notice.yaml"
pot=$(printf '%s' "$out" | tr -d '"\n')
expect_not_in "$pot" "when no counter-notice came in time or the counter-notice failed; then only a penalty appeal"
expect_not_in "$pot" "If no counter-notice comes in time or it fails, the complaint is"
expect_in "$pot" "逾期未发起申诉视为申诉不成立，且本次申诉机会用尽"
expect_in "$pot" "A chance you miss is used up"

finish
