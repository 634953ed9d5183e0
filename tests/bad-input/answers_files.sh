#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad answers files given to `ipwiz fill`: each file of tests/bad-input/answers/
# is one case (its header says the exit status and the sentence on stderr),
# filled into one case of the fixture flow; the inputs a header cannot
# describe (empty, binary, huge, not a file) follow.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

run new core-test --batch
[ "$rc" -eq 0 ] || fail "cannot start a case: $err"
id=$out

catalogue_dir "$IPWIZ_SRCDIR/tests/bad-input/answers" "$IPWIZ" fill "$id"

cd "$T/work" || exit 1
: >empty.yaml
# Nearly 1 MiB of answers and one field twice, at the end: found within the
# hang guard (a list compared with every earlier key took 22 s at 1 MiB).
awk 'BEGIN { for (i = 0; i < 80000; i++) printf "f%d: v\n", i; print "f7: again" }' >many.yaml
try "$IPWIZ" fill "$id" many.yaml
verdict many.yaml 1 "“f7” is answered twice in this file (first on line 8); keep one of the two."

try "$IPWIZ" fill "$id" empty.yaml
verdict empty.yaml 0 "ipwiz: 0 answers saved, 0 refused."

printf '\377\376c\000o\000' >utf16.yaml
try "$IPWIZ" fill "$id" utf16.yaml
verdict utf16.yaml 1 "ipwiz: utf16.yaml: The answers file is not UTF-8 text; save it as UTF-8."

printf 'complaint_number: AB\000C\n' >nul.yaml
try "$IPWIZ" fill "$id" nul.yaml
verdict nul.yaml 1 "ipwiz: nul.yaml: The answers file contains a NUL byte; it is not text."

printf 'ip_type: x\033[2Jy\n' >raw-escape.yaml
try "$IPWIZ" fill "$id" raw-escape.yaml
verdict raw-escape.yaml 1 "ipwiz: raw-escape.yaml: The answers file contains a control character (byte 10); remove it, or write it as an escape such as \"\\e\" inside double quotes."

awk 'BEGIN { s = "grounds: "; for (i = 0; i < 100000; i++) s = s "["; print s }' >deep.yaml
try "$IPWIZ" fill "$id" deep.yaml
verdict deep.yaml 1 "ipwiz: deep.yaml:1:11: A list holds either values (for a multiple choice) or items with fields, not both and nothing deeper."

awk 'BEGIN { for (i = 0; i < 120000; i++) printf "k%d: v\n", i }' >huge.yaml
try "$IPWIZ" fill "$id" huge.yaml
verdict huge.yaml 1 "ipwiz: huge.yaml: The answers file is larger than 1 MiB; split it into several files and fill them one after the other."

awk 'BEGIN { for (i = 0; i < 20000; i++) printf "k%d: v\n", i }' >many-unknown.yaml
try "$IPWIZ" fill "$id" many-unknown.yaml
verdict many-unknown.yaml 1 "ipwiz: 0 answers saved, 20000 refused."

# A number given to a list without a limit: read as the count of items to
# make, 100 million of them, one write each.
cat >"$IPWIZ_DATADIR/flows/open-list.yaml" <<'YAML'
id: open-list
version: 1
title: A list without a limit
steps:
  - id: s
    title: S
    fields:
      - id: items
        type: list
        label: Items
        help: One per listing.
        fields:
          - {id: url, type: url, label: Listing URL, help: The product page address.}
YAML
run new open-list --batch
printf 'items: 100000000\n' >count.yaml
try "$IPWIZ" fill "$out" count.yaml
verdict "a count of 100 million items" 1 "ipwiz: count.yaml:1:8: Items (items): This list takes at most 1000 items."

try "$IPWIZ" fill "$id" missing.yaml
verdict missing.yaml 1 "ipwiz: missing.yaml: Cannot open the file: No such file or directory."

mkdir -p dir.yaml
try "$IPWIZ" fill "$id" dir.yaml
verdict dir.yaml 1 "ipwiz: dir.yaml: This is not a regular file."

try "$IPWIZ" fill "$id" /dev/zero
verdict /dev/zero 1 "ipwiz: /dev/zero: This is not a regular file."

mkfifo fifo.yaml
try "$IPWIZ" fill "$id" fifo.yaml
verdict fifo.yaml 1 "ipwiz: fifo.yaml: This is not a regular file."

printf 'complaint_number: AB-1\n' >good.yaml
try "$IPWIZ" fill 999 good.yaml
verdict "fill of a case that does not exist" 2 "ipwiz: There is no case #999; \`ipwiz list\` shows them."

# Nothing of the refused files was saved, and the case still opens.
run show "$id" --json
expect_rc 0 "show after the bad files"
answers=$(printf '%s' "$out" | python3 -c 'import json,sys; print(sorted(json.load(sys.stdin)["answers"]))')
expect_not_in "$answers" "'ip_type'" "a refused choice"
expect_not_in "$answers" "'grounds'" "a refused multiple choice"
expect_in "$answers" "'products.3.url'" "the listings within the limit"

cd "$OLDPWD" || exit 1
summary "answers files"
