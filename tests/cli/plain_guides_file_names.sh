#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# With no Tab completion on a plain line, a folder typed at the evidence
# prompt is listed (folders marked with /), a name that does not exist is
# answered with the names that begin the same way, a pasted path in quotes
# or with "\ " works, and none of these is recorded as evidence.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

mkdir -p "$T/scans/old" "$T/scans/.hidden"
printf '\211PNG\r\n\032\n' >"$T/scans/发票 1.png"
: >"$T/scans/contract.pdf"
run new core-test --batch
expect_rc 0 "new"

"$IPWIZ" --plain open 1 >"$T/out" 2>"$T/err" <<EOF
goto 2
skip
skip
$T/scans
$T/scans/发
$T/nowhere/x.pdf
$T/scans/发票\\ 1.png
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
sed "s|$T|T|g" "$T/out" >"$T/transcript"
out=$(cat "$T/transcript")
expect_in "$out" "> T/scans
This is a folder. It holds:
  contract.pdf
  old/
  发票 1.png
Type the path of one of these files." "a folder is listed, hidden names left out"
expect_in "$out" "> T/scans/发
There is no file “T/scans/发”. Nothing was attached.
In T/scans, the names that begin with “发” are:
  发票 1.png" "names that begin the same way"
expect_in "$out" "> T/nowhere/x.pdf
There is no file “T/nowhere/x.pdf”. Nothing was attached.
No file attached yet." "a folder that does not exist"
expect_in "$out" "  1. T/scans/发票 1.png: rejected." "a backslash-escaped space"

run show 1 --json
expect_in "$out" '"verdict":"reject"'
expect_not_in "$out" 'nowhere' "guesses are not recorded"
expect_not_in "$out" '"path":"'"$T"'/scans"' "folders are not recorded"

finish
