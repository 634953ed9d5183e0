#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad evidence files: every line of tests/bad-input/evidence.table attaches
# one file of the evidence corpus to a fresh case and names the sentence it
# gets; then the field's limits and the checklist of loose files.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

ESC=$(printf '\033')
ev=$T/evidence
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$ev" || fail "make-samples.sh"
cp "$ev/invoice.pdf" "$ev/esc${ESC}[2J.pdf"
cd "$ev" || exit 1

while IFS= read -r line; do
	case "$line" in
	'#'* | '') continue ;;
	esac
	want_rc=${line%% | *}
	rest=${line#* | }
	stream=${rest%% | *}
	rest=${rest#* | }
	want=${rest%% | *}
	rest=${rest#* | }
	file=${rest%% | *}
	defect=
	[ "$file" = "$rest" ] || defect=${rest#* | }
	eval "set -- $file"
	run new core-test --batch
	try "$IPWIZ" attach "$out" invoice -- "$1"
	if [ "$stream" = stdout ]; then
		verdict_stdout "attach $file" "$want_rc" "$want" "$defect"
	else
		verdict "attach $file" "$want_rc" "$want" "$defect"
	fi
done <"$IPWIZ_SRCDIR/tests/bad-input/evidence.table"

# The field's own limits.
run new core-test --batch
id=$out
try "$IPWIZ" attach "$id" invoice invoice.pdf photo.jpg scan.png thumb.png
verdict "a fourth file" 1 "ipwiz: thumb.png: not attached — this field takes at most 3 files and has 3."
mkdir -p copy
cp photo.jpg copy/photo.jpg
run new core-test --batch
try "$IPWIZ" attach "$out" invoice photo.jpg copy/photo.jpg
verdict_stdout "the same content twice" 0 "copy/photo.jpg: attached, with a warning — This file has the same content as “photo.jpg”, already attached here."
try "$IPWIZ" attach "$id" nosuch invoice.pdf
verdict "attach to a field the flow lacks" 2 "ipwiz: This flow has no field “nosuch”."
try "$IPWIZ" attach "$id" complaint_number invoice.pdf
verdict "attach to a field for text" 2 "ipwiz: “complaint_number” is not a field for files; \`ipwiz check CASE\` lists them."
try "$IPWIZ" attach "$id" invoice
verdict "attach without a file" 2 "ipwiz: give the case, the field and at least one file"

# A checklist of loose files is a report: it goes to stdout, and exit 1 says
# that something must be fixed.
try "$IPWIZ" check --flow core-test --field invoice -- program.pdf empty.pdf invoice.pdf
verdict_stdout "check of loose files" 1 "3 files: 1 usable, 2 not."
mkdir -p folder/sub
cp invoice.pdf folder/
ln -s .. folder/sub/up
ln -s "$ev/folder" folder/self
mkfifo folder/pipe.pdf
try "$IPWIZ" check --flow core-test --field invoice folder
verdict_stdout "check of a folder with a loop of links and a pipe" 1 "2 files: 1 usable, 1 not."
expect_in "$err" "ipwiz: folder/self: a folder inside the folder, not checked." "the loop of links"
expect_in "$out" "folder/pipe.pdf — This is a pipe (FIFO), not a file; ipwiz does not read from it." "the pipe in a folder"
try "$IPWIZ" check --flow core-test --field nosuch invoice.pdf
verdict "check against a field the flow lacks" 2 "ipwiz: This flow has no field for files named “nosuch”."

cd "$OLDPWD" || exit 1
summary "evidence files"
