#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# On a GB18030 terminal (issue #19) the commands and the line mode write
# GB18030, not UTF-8 the terminal would garble, and the line mode takes the
# GB18030 the seller types: what is stored is the same UTF-8 as from a UTF-8
# terminal. JSON stays UTF-8, as its format says.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/lib/gb18030.sh"

# is_utf8 FILE: the file is well-formed UTF-8.
is_utf8() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}
# from_gb FILE: the file read as GB18030, in UTF-8 ("" when it is not).
from_gb() {
	iconv -f GB18030 -t UTF-8 "$1" 2>/dev/null
}

# A command's output and its messages.
env $GB_ENV "$IPWIZ" --help >"$T/help" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "--help: exit $rc"
is_utf8 "$T/help" && fail "--help wrote UTF-8 on a GB18030 terminal"
expect_in "$(from_gb "$T/help")" "用法：ipwiz [选项]" "--help read as GB18030"
env $GB_ENV "$IPWIZ" nosuch >"$T/out" 2>"$T/err"
is_utf8 "$T/err" && fail "the error message is UTF-8 on a GB18030 terminal"
expect_in "$(from_gb "$T/err")" "ipwiz：未知的命令“nosuch”。" "error read as GB18030"

# The line mode: the answers typed in GB18030.
printf '%s\n' AB-12 2026-11-20 1 next '1、2' add https://shop.example/商品/1 \
	'第一个商品：蓝色' skip next yes 李伟 | iconv -f UTF-8 -t GB18030 >"$T/typed"
env $GB_ENV "$IPWIZ" --plain new core-test <"$T/typed" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(from_gb "$T/err"))"
is_utf8 "$T/out" && fail "the line mode wrote UTF-8 on a GB18030 terminal"
out=$(from_gb "$T/out")
expect_in "$out" "> 1、2" "the echoed choice"
expect_in "$out" "  1. https://shop.example/商品/1 — 第一个商品：蓝色" "the list item"
expect_in "$out" "> 李伟" "the echoed signature"
expect_not_in "$out" "Not accepted" "the transcript"

# Stored as UTF-8, and JSON is UTF-8 on any terminal.
env $GB_ENV "$IPWIZ" show 1 --json >"$T/json" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "show --json: exit $rc"
is_utf8 "$T/json" || fail "show --json is not UTF-8 on a GB18030 terminal"
json=$(cat "$T/json")
expect_in "$json" '"grounds":"genuine\nauthorised"' "show --json"
expect_in "$json" '"products.1.url":"https://shop.example/商品/1"' "show --json"
expect_in "$json" '"products.1.note":"第一个商品：蓝色"' "show --json"
expect_in "$json" '"truth.name":"李伟"' "show --json"

# The text view of the same answers, back in GB18030.
env $GB_ENV "$IPWIZ" show 1 >"$T/show" 2>"$T/err"
is_utf8 "$T/show" && fail "show wrote UTF-8 on a GB18030 terminal"
expect_in "$(from_gb "$T/show")" "李伟" "show read as GB18030"

# A long answer (more than the buffers, so characters are cut between two
# reads and two writes): the transcript is, character for character, the
# one of a UTF-8 terminal, and the answer is stored whole.
long=$(i=0; while [ $i -lt 250 ]; do printf '第一个商品：蓝色'; i=$((i + 1)); done)
printf '%s\n' AB-12 2026-11-20 1 next '1、2' add https://shop.example/商品/1 "$long" skip next \
	yes 李伟 >"$T/typed.utf8"
iconv -f UTF-8 -t GB18030 "$T/typed.utf8" >"$T/typed"
env $GB_ENV "$IPWIZ" --db "$T/gb.db" --plain new core-test <"$T/typed" >"$T/out" 2>"$T/err" ||
	fail "plain, long answer: exit $? (stderr: $(from_gb "$T/err"))"
"$IPWIZ" --lang zh_CN --db "$T/utf8.db" --plain new core-test <"$T/typed.utf8" >"$T/out.utf8" 2>&1 ||
	fail "plain, long answer, UTF-8: exit $?"
from_gb "$T/out" >"$T/out.back"
cmp -s "$T/out.back" "$T/out.utf8" ||
	fail "the GB18030 transcript differs from the UTF-8 one: $(diff "$T/out.back" "$T/out.utf8" | head -n 5)"
run --db "$T/gb.db" show 1 --json
expect_in "$out" "\"products.1.note\":\"$long\"" "the long answer stored"

# Text typed as an argument (an answer, a title, a note) arrives in the
# terminal's charset too: it is stored as UTF-8.
gb() { printf '%s' "$1" | iconv -f UTF-8 -t GB18030; }
env $GB_ENV "$IPWIZ" --db "$T/args.db" new core-test --batch --title "$(gb 深圳小店)" >"$T/out" 2>"$T/err" ||
	fail "new --title: exit $? (stderr: $(from_gb "$T/err"))"
"$IPWIZ" --db "$T/args.db" set 1 ip_type patent >/dev/null 2>&1 || fail "set ip_type"
env $GB_ENV "$IPWIZ" --db "$T/args.db" set 1 patent_number "$(gb 专利第12号)" >"$T/out" 2>"$T/err" ||
	fail "set: exit $? (stderr: $(from_gb "$T/err"))"
env $GB_ENV "$IPWIZ" --db "$T/args.db" note 1 complaint_number "$(gb 请核对编号)" >"$T/out" 2>"$T/err" ||
	fail "note: exit $? (stderr: $(from_gb "$T/err"))"
run --db "$T/args.db" show 1 --json
expect_in "$out" '"title":"深圳小店"' "the title typed as an argument"
expect_in "$out" '"patent_number":"专利第12号"' "the answer typed as an argument"
run --db "$T/args.db" notes 1 --json
expect_in "$out" '请核对编号' "the note typed as an argument"

finish
