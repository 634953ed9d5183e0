#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Chinese answers go in and come back out whole in line mode: echoed in the
# transcript, stored byte for byte, read back as the current answer; the
# Chinese enumeration comma separates choices; bytes that are not UTF-8 are
# refused with a reason and never reach the terminal raw.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

bad=$(printf 'bad \377\033[31m')
"$IPWIZ" --plain new core-test --title "深圳小店" >"$T/out" 2>"$T/err" <<EOF
AB-12
2026-11-20
1
next
1、2
add
https://shop.example/商品/1
$bad
第一个商品：蓝色
skip
next
yes
李伟
EOF
rc=$?
[ "$rc" -eq 0 ] || fail "plain: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "Case 1 started: 深圳小店"
expect_in "$out" "> 1、2
Complained listings (required)"
expect_in "$out" "> bad ��[31m
Not accepted: The text has bytes that are not valid UTF-8." "invalid bytes shown safely"
expect_in "$out" "  1. https://shop.example/商品/1 — 第一个商品：蓝色"
expect_in "$out" "> 李伟"
if LC_ALL=C grep -q "$(printf '[\033\377]')" "$T/out"; then
	fail "raw escape or invalid bytes reached the output"
fi

run show 1 --json
expect_in "$out" '"title":"深圳小店"'
expect_in "$out" '"grounds":"genuine\nauthorised"'
expect_in "$out" '"products.1.url":"https://shop.example/商品/1"'
expect_in "$out" '"products.1.note":"第一个商品：蓝色"'
expect_in "$out" '"truth.name":"李伟"'

# Resumed in Chinese, the signature is read back as the current answer.
"$IPWIZ" --plain --lang zh_CN open 1 >"$T/out" 2>"$T/err" <<'EOF'

EOF
rc=$?
[ "$rc" -eq 0 ] || fail "open --lang zh_CN: exit $rc (stderr: $(cat "$T/err"))"
out=$(cat "$T/out")
expect_in "$out" "深圳小店"
expect_in "$out" "李伟"

finish
