#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A seller who reads Chinese looks at an attached scan (F7 on the evidence
# field) at 80×24: the page is drawn beside the words (colour; shapes only
# with NO_COLOR), every finding is listed in Chinese — not only the first —
# and "a" acknowledges the chosen one: it stays listed as seen, the file's
# line on the step loses it, and the audit trail records it.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
. "$IPWIZ_SRCDIR/tests/evidence/scans.sh"
scans_draw "$T/set" || finish
SCANS_LANGUAGES="en, zh_CN" scans_flow "$T/data/flows/scan-view.yaml" scan-view "The letter" \
	image/png "{min_dpi: 150, colour: true, seal: true}"
ipwiz new scan-view --batch --title letter
[ "$rc" = 0 ] || fail "new: $(cat "$T/stderr")"
ipwiz --lang zh_CN attach 1 document "$T/set/grey.png"
case "$out" in
*"另有 1 项发现"*) ;;
*) fail "attach did not say there is one more finding: $out" ;;
esac

for colour in yes no; do
	if [ $colour = no ]; then TUI_ENV="NO_COLOR=1"; else TUI_ENV=""; fi
	start --lang zh_CN open 1
	wait_for "另有 1 项发现"
	keys F7
	wait_for "2 项发现"
	expect_on_screen "黑白或灰度复印件"
	expect_on_screen "没有找到红色公章"
	# The page is drawn in block symbols on the left of the words.
	case "$(screen | cut -c1-38)" in
	*[▀▄▌▐▖▗▘▝▚▞▁▂▃▅▆▇▔▏▕]*) ;;
	*) fail "no picture of the page at the left ($colour colour): $(screen)" ;;
	esac
	keys F10
	wait_for "另有 1 项发现" # back on the step: the view closed
	keys F10
	wait_exit
done

TUI_ENV=""
start --lang zh_CN open 1
wait_for "另有 1 项发现"
keys F7
wait_for "2 项发现"
keys Down a
wait_for "已确认"
keys Escape
# The step's line now names the one finding left open, and no "more".
wait_for "黑白或灰度复印件"
expect_not_on_screen "另有"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "the wizard exited with ${rc:-?}"
ipwiz history 1
case "$out" in
*"acknowledged"*"document: no-seal, grey.png"*) ;;
*) fail "the audit trail lacks the acknowledgement: $out" ;;
esac
ipwiz check 1 --json
case "$out" in
*'"key":"no-seal"'*'"acknowledged":true'*) ;;
*) fail "check does not report the finding as acknowledged: $out" ;;
esac
finish
