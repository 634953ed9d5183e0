#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz --plain` with no command: the flow picker when there is no case,
# then the cases and the flows as one numbered menu.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

"$IPWIZ" --plain >"$T/out" 2>"$T/err" <<'EOF'
7
1
My first case
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "home: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_not_in "$out" "Your cases:" "an empty case list"
expect_in "$out" "Start a new case:
  1. Core test flow — Exercises the session and the command line
Type a number from 1 to 1, or quit.
> 7
There is no choice “7”." "the flow picker"
expect_in "$out" "Case 1 started: My first case

Step 1 of 3: The complaint"

"$IPWIZ" --plain >"$T/out" 2>"$T/err" <<'EOF'
1
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "home again: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Your cases:
  1. Open case 1: My first case (Core test flow, draft)
Start a new case:
  2. Core test flow — Exercises the session and the command line
Type a number from 1 to 2, or quit." "cases, then flows"
expect_in "$out" "Case 1: My first case (0 of 6 required answers given)"

# Leaving the menu at once is not an error.
"$IPWIZ" --plain >"$T/out" 2>"$T/err" </dev/null
rc=$?
[ "$rc" -eq 0 ] || fail "home with no input: exit $rc"

run list
expect_in "$out" "My first case"

# A flow or case that does not exist: a sentence on stderr, nothing else.
run --plain new nosuch
expect_rc 2 "unknown flow"
expect_in "$err" "There is no flow called “nosuch”"
[ -z "$out" ] || fail "unknown flow printed: $out"
run --plain open 9
expect_rc 2 "unknown case"
expect_in "$err" "There is no case #9"
[ -z "$out" ] || fail "unknown case printed: $out"

finish
