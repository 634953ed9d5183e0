#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The field types the fixture flow lacks, in line mode: read-only notes are
# read out and never stop the walk back, a multi-line text ends at a lone
# dot and keeps its lines, a flow's suggested answer is taken with Enter,
# `clear` erases an answer, and a backslash makes a command word an answer.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

cat >"$T/data/flows/plain-test.yaml" <<'EOF'
id: plain-test
version: 1
title: Plain test flow
description: The line mode's field types
platform: Example.com
checked: 2026-11
languages: [en]
steps:
  - id: one
    title: Text and suggestions
    intro: Tell what happened.
    help: The whole step in one sentence.
    fields:
      - id: about
        type: info
        label: Before you start
        help: Have the notice at hand.
      - id: story
        type: textarea
        label: What happened
        help: In your own words.
        required: true
      - id: style
        type: choice
        label: Deadline style
        help: How to show the deadline.
        default: early
        choices:
          - {value: early, label: One day early}
          - {value: exact, label: The exact day}
      - id: sure
        type: yesno
        label: Are you sure?
        help: Yes or no.
      - id: word
        type: text
        label: One word
        help: Any word.
      - id: got
        type: date
        label: Date received
        help: From the notice.
deadlines:
  - id: answer_by
    label: Answer by
    from: got
    calendar_days: 10
    note: The platform's countdown wins.
EOF

"$IPWIZ" --plain new plain-test >"$T/out" 2>"$T/err" <<'EOF'
?
The listing was mine.
  Bought from the maker in 2025.
.

y
back
back
back
back

clear
N
\back
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Step 1 of 1: Text and suggestions
Tell what happened.
Before you start
Have the notice at hand.
What happened (required)
Type the text over as many lines as you need; end it with a line holding only a dot (.).
> ?
In your own words.
About this step:
  The whole step in one sentence." "a note, then help with the step's help"
expect_in "$out" "Deadline style
Suggested answer: One day early (Enter takes it)" "the suggestion"
expect_in "$out" "> back
Deadline style
Current answer: One day early" "back"
expect_in "$out" "> back
What happened (required)
Current answer:
  The listing was mine.
    Bought from the maker in 2025." "a multi-line answer read back"
expect_in "$out" "> back
This is the first question.
What happened (required)" "back never stops on a note"
expect_in "$out" "> clear
The answer is erased.
Are you sure?" "clear"

# Deadlines with a date are said when the case is opened.
run set 1 got 2026-11-20
expect_rc 0 "set the start date"
run --plain open 1
expect_rc 0 "open"
expect_in "$out" "Deadlines:
  Answer by: 2026-11-30, 6 days left.
    The platform's countdown wins." "the deadline and its note"

run show 1 --json
expect_in "$out" '"story":"The listing was mine.\n  Bought from the maker in 2025."' "lines kept"
expect_in "$out" '"sure":"no"'
expect_in "$out" '"word":"back"' "a backslash makes a command word an answer"
expect_not_in "$out" '"style"' "the cleared suggestion"

finish
