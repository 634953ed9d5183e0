#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# In line mode a bad answer is read back with the reason, the same question
# is asked again, and what was typed is kept as a flagged draft (never
# lost); skip and Enter move on without blocking.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

"$IPWIZ" --plain new core-test >"$T/out" 2>"$T/err" <<'EOF'
AB-12
2026-02-30
2026-12-01
2026-11-20
trademark
li@@example
skip
12

1, 3
1，2
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")

expect_in "$out" "> 2026-02-30
Not accepted: Write the date as year-month-day, for example 2026-11-24.
It is kept as a draft. Type a new answer, or skip to fix it later.
Date you received the complaint (required)
> 2026-12-01
Not accepted: The date must be 2026-11-24 or earlier." "impossible and future dates"
expect_in "$out" "> li@@example
Not accepted: Write an e-mail address such as name@example.com.
It is kept as a draft. Type a new answer, or skip to fix it later.
Your e-mail
> skip
Pieces bought" "skip leaves the draft"
expect_in "$out" "> 12
Not accepted: The invoice must show more than 20 pieces." "the flow's own message"
expect_in "$out" "Pieces bought
> 

Step 2 of 3: The listings" "Enter keeps the draft and goes on"
expect_in "$out" "> 1, 3
“3” is not one of the choices: type a number from 1 to 2.
Grounds (required)
> 1，2" "numbers out of range, and a Chinese comma"
expect_in "$out" "Your answers are saved. Go on later with: ipwiz open 1"

run show 1 --json
expect_rc 0 "show --json"
expect_in "$out" '"notice_date":"2026-11-20"'
expect_in "$out" '"ip_type":"trademark"' "a choice typed by its value"
expect_in "$out" '"email":"li@@example"' "the draft e-mail"
expect_in "$out" '"pieces":"12"' "the draft number"
expect_in "$out" '"grounds":"genuine\nauthorised"'

run show 1
expect_in "$out" "Your e-mail: li@@example  [invalid, kept as a draft]"
expect_in "$out" "Pieces bought: 12  [invalid, kept as a draft]"

finish
