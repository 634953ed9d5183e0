#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The submission screen: a blocker (the signature is missing) is explained
# and Enter jumps to its field; once it is fixed, nothing blocks, and Enter
# on a form box copies its text with OSC 52 — tmux (with set-clipboard on,
# as over SSH) receives exactly the text the export writes for that box.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

ipwiz new core-test --batch
cat >"$T/a.yaml" <<'YAML'
complaint_number: AB-1
notice_date: 2026-11-20
ip_type: trademark
grounds: [authorised]
products:
  - {url: "https://shop.example/1"}
truth: yes
YAML
ipwiz fill 1 "$T/a.yaml"
[ "$rc" = 0 ] || fail "fill: $(cat "$T/stderr")"

start open 1
$TMUX_CMD set-option -s set-clipboard on
wait_for "Complaint number"
keys F5
wait_for "Before you submit"
expect_on_screen "! Declaration › your full name, typed as signature: This answer is required."
expect_on_screen "The texts to paste and the files to upload appear once nothing above blocks."
keys Enter
wait_for "▸ Your full name, as your signature"
type_text "李伟"
keys F5
wait_for "Nothing blocks the submission"
expect_on_screen "[ ] [ ] «Reason for appeal» — Counter-notice statement"
keys Enter
wait_for "Copied «Reason for appeal»"
expect_on_screen "[✓] [ ] «Reason for appeal» — Counter-notice statement"
keys Space
wait_for "[✓] [✓] «Reason for appeal»"

# What reached the clipboard is the statement as export writes it.
$TMUX_CMD show-buffer >"$T/clipboard" 2>/dev/null || fail "no OSC 52 sequence reached tmux"
ipwiz export 1 --out "$T/out"
[ "$rc" = 0 ] || fail "export: $(cat "$T/stderr")"
cmp -s "$T/clipboard" "$T/out/statement.en.txt" ||
	fail "the copied text differs from the exported one: $(diff "$T/clipboard" "$T/out/statement.en.txt")"
grep -q "Signed: 李伟" "$T/clipboard" || fail "the copied text lacks the signature"
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "ipwiz exited with ${rc:-?}"
finish
