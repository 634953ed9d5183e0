#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The end of input saves and exits 0 at any question; `ipwiz --plain open N`
# resumes at the step where the case was left, with every answer shown as
# the current one, and back / goto / review move around it.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

printf 'AB-12\n2026-11-20\n1\n\n\n2\n' |
	"$IPWIZ" --plain new core-test --title "Resume me" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "end of input: exit $rc, expected 0 (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Complained listings (required)"
expect_in "$out" "Your answers are saved. Go on later with: ipwiz open 1" "the way back"

run show 1 --json
expect_in "$out" '"step":"listings"' "the step is remembered"
expect_in "$out" '"grounds":"authorised"' "the last answer before the end"

"$IPWIZ" --plain open 1 >"$T/out" 2>"$T/err" <<'EOF'

back
goto 3
review
1
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "open: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Case 1: Resume me (4 of 6 required answers given)

Step 2 of 3: The listings
Grounds (required)
Current answer: Authorised" "resumed at step 2 with the answer shown"
expect_in "$out" "Complained listings (required)
No items yet.
Type add for a new item, edit N to change one, remove N to take one off, or press Enter to go on.
> back
Grounds (required)" "back from a list"
expect_in "$out" "> goto 3

Step 3 of 3: Declaration" "goto"
expect_in "$out" "Review of case 1: Resume me"
expect_in "$out" "  Step 2, Complained listings: Add at least one item." "the checklist"
expect_in "$out" "> 1

Step 1 of 3: The complaint
Copy these from the complaint notice.
Complaint number (required)
Current answer: AB-12" "a step number from the review"

# Without --plain, a dumb terminal and a pipe on stdin still get the line mode.
run open 1
expect_rc 0 "open on TERM=dumb"
expect_in "$out" "ipwiz, line by line." "the line mode chosen by itself"
expect_in "$out" "Step 1 of 3: The complaint" "resumes at the step left"

finish
