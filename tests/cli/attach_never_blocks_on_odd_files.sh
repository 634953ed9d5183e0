#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Pipes, folders, broken links, a 5 GiB sparse file and hostile names get a
# sentence each, quickly, without blocking, and no escape sequence from a
# file name ever reaches the terminal.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
s=$T/s

run new core-test --batch
id=$out

start=$(date +%s)
run attach "$id" invoice "$s/fifo.pdf" "$s/folder.pdf" "$s/dangling.pdf" "$s/loop-a.pdf" \
	"$s/sparse.pdf" "$s/empty.pdf" "$s/truncated.pdf" "$s/encrypted.pdf" "$s/thumb.png"
took=$(($(date +%s) - start))
expect_rc 1 "odd files"
[ "$took" -le 5 ] || fail "checking odd files took ${took}s"
expect_in "$err" "fifo.pdf: rejected — This is a pipe (FIFO), not a file; ipwiz does not read from it."
expect_in "$err" "folder.pdf: rejected — This is a folder, not a file."
expect_in "$err" "dangling.pdf: rejected — This is a link to “no-such-file.pdf”, which does not exist (any more)."
expect_in "$err" "loop-a.pdf: rejected — This is a link that leads back to itself (a loop of links)."
expect_in "$err" "sparse.pdf: rejected — This file is 5.0 GB; this field takes at most 8 MB."
expect_in "$err" "empty.pdf: rejected — This file is empty (0 bytes)."
expect_in "$err" "encrypted.pdf: rejected — This PDF opens only with a password"
# The fixture flow says nothing about structure: a cut-off PDF is a warning.
expect_in "$out" "truncated.pdf: attached, with a warning — This file is a PDF document, but its end is missing"
expect_in "$out" "thumb.png: attached — This is a PNG image of 125 bytes (100 × 80 pixels)."

esc=$(printf '\033')
evil="$s/$(printf 'red\033[31m\007.pdf')"
cp "$s/invoice.pdf" "$evil"
run attach "$id" invoice "$evil"
expect_in "$out" "attached"
expect_not_in "$out" "$esc" "stdout (escape sequence)"
expect_not_in "$err" "$esc" "stderr (escape sequence)"
run check "$id"
expect_not_in "$out" "$esc" "check (escape sequence)"

cp "$s/invoice.pdf" "$s/发票 2026 年.pdf"
run attach "$id" invoice "$s/发票 2026 年.pdf"
expect_rc 1 "fourth file, CJK name"
expect_in "$err" "发票 2026 年.pdf: not attached"

finish
