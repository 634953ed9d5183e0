#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A finding about an attached file is accepted with `attach --acknowledge`
# (as with "a" in the wizard's file view): it stays listed as acknowledged,
# no longer makes the file a warning once none is left open, and the
# history records it; a key that is not a finding's, or a finding the file
# does not have, is refused. The line mode says every finding, in words.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$T/set"
scans_flow "$IPWIZ_DATADIR/flows/sealed-letter.yaml" sealed-letter "The letter" image/png \
	"{min_dpi: 150, colour: true, seal: true}"
run new sealed-letter --batch --title letter
expect_rc 0 "new"
id=$out
run attach "$id" document "$T/set/grey.png"
expect_rc 0 "attach the grey copy"
expect_in "$out" "(and 1 more finding)" "attach"

run attach "$id" document --acknowledge no-seal "$T/set/grey.png"
expect_rc 0 "acknowledge no-seal"
expect_in "$out" "acknowledged — No red company seal" "acknowledge no-seal"
run check "$id" --json
expect_in "$out" '"key":"no-seal","page":0' "check after one acknowledgement"
expect_in "$out" '"acknowledged":true' "check after one acknowledgement"
expect_in "$out" '"state":"warn","key":"grey-copy"' "the grey copy is still a warning"
run check "$id"
expect_in "$out" "Acknowledged: No red company seal" "check's text"

run attach "$id" document --acknowledge no-seal "$T/set/grey.png"
expect_rc 0 "acknowledging again"
expect_in "$out" "was already acknowledged" "acknowledging again"
run attach "$id" document --acknowledge blurred "$T/set/grey.png"
expect_rc 1 "a finding the file does not have"
expect_in "$err" "has no finding “blurred”" "a finding the file does not have"
run attach "$id" document --acknowledge 'No Seal!' "$T/set/grey.png"
expect_rc 2 "not a key"
run attach "$id" document --acknowledge no-seal "$T/set/sharp.png"
expect_rc 1 "a file that is not attached"

run attach "$id" document --acknowledge grey-copy "$T/set/grey.png"
expect_rc 0 "acknowledge grey-copy"
run check "$id" --json
expect_in "$out" '"state":"ok"' "no finding left open: the file is ok"
run history "$id"
n=$(printf '%s\n' "$out" | grep -c "acknowledged: .*document: ")
[ "$n" = 2 ] || fail "two acknowledgements in the history, not $n: $out"

# The line mode, attaching the grey copy again and a faint scan: every
# finding said in words, the acknowledged ones as such.
out=$(printf '%s\n%s\n\n\n' "$T/set/grey.png" "$T/set/faint.png" | "$IPWIZ" open "$id" --plain 2>&1)
expect_in "$out" "Acknowledged: No red company seal" "the line mode"
expect_in "$out" "Acknowledged: This looks like a black-and-white" "the line mode"
expect_in "$out" "Page 1 is faint" "the line mode"
finish
