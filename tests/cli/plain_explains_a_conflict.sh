#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Two people on one case: when someone else changes the answer the line mode
# is asking for, typing over it says who changed it and to what, and lets
# the user keep either answer. Input comes through a pipe kept open, so the
# other change lands while the question is on screen.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch --title "Shared"
expect_rc 0 "new"

mkfifo "$T/in"
"$IPWIZ" --plain open 1 <"$T/in" >"$T/out" 2>"$T/err" &
pid=$!
exec 3>"$T/in"

# said TEXT N: the transcript shows TEXT on at least N lines.
said() {
	[ "$(grep -cF "$1" "$T/out" 2>/dev/null)" -ge "$2" ]
}
# wait_for TEXT [N]: until the transcript shows TEXT on N lines (at most 20 s).
wait_for() {
	poll 20 said "$1" "${2:-1}" || { fail "never saw: $1"; return 1; }
}

wait_for "Complaint number (required)"
run set 1 complaint_number THEIRS-1
expect_rc 0 "the other person's set"
echo "MINE-2" >&3
wait_for "Which one, 1 or 2?"
echo 2 >&3
wait_for "Date you received the complaint"
run set 1 notice_date 2026-11-01
echo 2026-11-02 >&3
wait_for "Which one, 1 or 2?" 2
exec 3>&-
wait "$pid"
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
me=$(id -un)
expect_in "$out" "$me changed this answer at "
expect_in "$out" "while you were on it. Their answer: THEIRS-1
  1. Keep their answer
  2. Keep yours: MINE-2"

run show 1 --json
expect_in "$out" '"complaint_number":"MINE-2"' "keep mine"
expect_in "$out" '"notice_date":"2026-11-01"' "theirs stays when the input ends"

finish
