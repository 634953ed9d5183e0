#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Reading many files takes time: on a terminal, `check` and `attach` say on
# stderr which file they are at ("Checking 2 of 3: photo.jpg…"), on one line
# rewritten in place and wiped before the report; in a pipe or a file they
# say nothing of it, so scripts and logs get the report alone.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v script >/dev/null || { echo "SKIP: no script(1) to give ipwiz a terminal" >&2; exit 77; }
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
s=$T/s

# script(1) runs the command on a pseudo-terminal and keeps what it wrote.
script -qec "\"$IPWIZ\" check --flow core-test --field invoice $s/invoice.pdf $s/photo.jpg $s/scan.png" \
	"$T/tty.log" >/dev/null 2>&1
grep -q "Checking 2 of 3: photo.jpg…" "$T/tty.log" || fail "no progress on a terminal: $(cat "$T/tty.log")"
# Wiped: the report's first line starts clean (a carriage return, spaces,
# a carriage return, then the report).
tr '\r' '\n' <"$T/tty.log" | grep -q "^Purchase invoice (invoice)" ||
	fail "the report does not start on a clean line: $(cat -A "$T/tty.log" | head -5)"

run check --flow core-test --field invoice "$s/invoice.pdf" "$s/photo.jpg" "$s/scan.png"
expect_rc 0 "check in a pipe"
case "$out$err" in
*Checking*) fail "progress in a pipe: $err" ;;
esac

run new core-test --batch --title progress
id=$out
script -qec "\"$IPWIZ\" attach $id invoice $s/invoice.pdf $s/scan.png" "$T/attach.log" >/dev/null 2>&1
grep -q "Checking 1 of 2: invoice.pdf…" "$T/attach.log" || fail "no progress while attaching: $(cat "$T/attach.log")"
grep -q "scan.png: attached" "$T/attach.log" || fail "attach did not report: $(cat "$T/attach.log")"
finish
