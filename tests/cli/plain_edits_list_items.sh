#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A repeating group in line mode: items are added, changed, moved and
# removed by number, the answers move with their item, an item left empty
# is not kept, and numbers that name no item are explained.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run new core-test --batch
expect_rc 0 "new"

"$IPWIZ" --plain open 1 >"$T/out" 2>"$T/err" <<'EOF'
goto 2
1
add
https://shop.example/a
first
add
https://shop.example/b

add
back
add
https://shop.example/c
third
add
move 3 1
move 5 1
edit
edit 2
https://shop.example/A

remove 3
quit
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Item 3 of Complained listings
Listing URL (required)
> back
  1. https://shop.example/a — first
  2. https://shop.example/b
Type add" "an item left empty is not kept"
expect_in "$out" "> add
This list takes at most 3 items." "the flow's limit"
expect_in "$out" "> move 3 1
Item 3 is now item 1.
  1. https://shop.example/c — third
  2. https://shop.example/a — first
  3. https://shop.example/b" "move"
expect_in "$out" "> move 5 1
Give item numbers from 1 to 3, for example edit 1 or move 2 1." "a number past the end"
expect_in "$out" "> edit
Give item numbers from 1 to 3" "edit without a number"
expect_in "$out" "> edit 2
Item 2 of Complained listings
Listing URL (required)
Current answer: https://shop.example/a" "edit shows the item's answers"
expect_in "$out" "> remove 3
Item 3 is removed.
  1. https://shop.example/c — third
  2. https://shop.example/A — first" "remove"

run show 1 --json
expect_in "$out" '"products":"2"'
expect_in "$out" '"products.1.url":"https://shop.example/c"'
expect_in "$out" '"products.1.note":"third"' "answers move with their item"
expect_in "$out" '"products.2.url":"https://shop.example/A"' "edit"
expect_in "$out" '"products.2.note":"first"'
expect_not_in "$out" 'shop.example/b' "the removed item"
expect_not_in "$out" 'products.3' "no answer left behind"

finish
