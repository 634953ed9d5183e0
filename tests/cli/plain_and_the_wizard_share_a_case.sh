#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A case started in line mode resumes in the full-screen wizard at the step
# it was left on, with the line mode's answers there; the step the wizard
# leaves it on is where the line mode resumes. Runs the wizard in tmux (the
# harness of tests/tui); skipped without tmux.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

"$IPWIZ" --plain new core-test --title "Both ways" >"$T/plain.out" 2>"$T/plain.err" <<'EOF'
AB-12
2026-11-20
1
li@example.com
25
EOF
[ $? -eq 0 ] || fail "plain new: $(cat "$T/plain.err")"
grep -q "Step 2 of 3: The listings" "$T/plain.out" || fail "the line mode did not reach step 2"

start open 1
wait_for "Pick every ground"
expect_on_screen "step 2 of 3"
keys PageUp
wait_for "AB-12"
expect_on_screen "li@example.com"
keys PageDown
wait_for "Pick every ground"
keys PageDown
wait_for "step 3 of 3"
keys F10
wait_exit
[ "${rc:-}" = 0 ] || fail "the wizard exited with ${rc:-nothing}"

"$IPWIZ" --plain open 1 >"$T/plain.out" 2>"$T/plain.err" </dev/null
[ $? -eq 0 ] || fail "plain open: $(cat "$T/plain.err")"
grep -q "Step 3 of 3: Declaration" "$T/plain.out" ||
	fail "the line mode did not resume at the wizard's step: $(cat "$T/plain.out")"
finish
