#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion (data/completion/ipwiz) offers the commands after
# "ipwiz ", the installed flows after "ipwiz new ", the case numbers after
# "ipwiz show ", a case's fields after "ipwiz set N ", a flow's evidence
# fields after "ipwiz attach N " and "check --flow F --field ", the flow's
# outcomes after "ipwiz reply N ", and each command's options — all read
# from the program, so none can go stale.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v bash >/dev/null || { echo "bash missing" >&2; exit 77; }
mkdir -p "$T/bin"
ln -s "$IPWIZ" "$T/bin/ipwiz"
run new core-test --batch
expect_rc 0 "new core-test"
n=$out

# complete WORDS...: what the completion offers for the line "WORDS" (the
# last word is the one being completed; "" for a new word), one a line.
complete() {
	PATH="$T/bin:$PATH" bash -c '
		. "$1/data/completion/ipwiz" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_ipwiz
		printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$IPWIZ_SRCDIR" "$@"
}

got=$(complete ipwiz "")
for cmd in new open list show set attach export flows lint init-shared; do
	printf '%s\n' "$got" | grep -qx "$cmd" || fail "\"ipwiz \" does not offer $cmd: $got"
done
printf '%s\n' "$got" | grep -q -- '^-' && fail "\"ipwiz \" offers options among the commands"

got=$(complete ipwiz new "")
[ "$got" = "core-test" ] || fail "\"ipwiz new \" offers “$got”, not the flow core-test"
got=$(complete ipwiz --db "$XDG_DATA_HOME/ipwiz/cases.db" new c)
[ "$got" = "core-test" ] || fail "\"ipwiz --db DB new c\" offers “$got”"

got=$(complete ipwiz show "")
[ "$got" = "$n" ] || fail "\"ipwiz show \" offers “$got”, not case $n"

got=$(complete ipwiz set "$n" "")
[ -n "$got" ] || fail "\"ipwiz set $n \" offers no field"
run show "$n" --json
for f in $got; do
	expect_in "$out" "\"$f\"" "the fields of case $n"
done

# A flow's evidence fields, for check --flow and for attach; its outcomes
# for reply — read from `ipwiz flows FLOW --json`.
run flows core-test --json
expect_rc 0 "flows core-test --json"
evidence=$(printf '%s' "$out" | python3 -c '
import json, sys
print("\n".join(sorted(f["path"] for f in json.load(sys.stdin)["fields"] if f["type"] == "evidence")))')
outcomes=$(printf '%s' "$out" | python3 -c '
import json, sys
print("\n".join(sorted(o["id"] for o in json.load(sys.stdin)["outcomes"])))')
[ -n "$evidence" ] && [ -n "$outcomes" ] || fail "core-test has no evidence field or outcome: $out"
got=$(complete ipwiz check --flow core-test --field "")
[ "$got" = "$evidence" ] || fail "\"check --flow core-test --field \" offers “$got”, not “$evidence”"
got=$(complete ipwiz attach "$n" "")
[ "$got" = "$evidence" ] || fail "\"attach $n \" offers “$got”, not the evidence fields “$evidence”"
got=$(complete ipwiz reply "$n" "")
[ "$got" = "$outcomes" ] || fail "\"reply $n \" offers “$got”, not the flow's outcomes “$outcomes”"
got=$(complete ipwiz flows "")
[ "$got" = "core-test" ] || fail "\"ipwiz flows \" offers “$got”"

got=$(complete ipwiz export "$n" --)
for o in --out --zip --force; do
	printf '%s\n' "$got" | grep -qx -- "$o" || fail "\"ipwiz export $n --\" does not offer $o: $got"
done
got=$(complete ipwiz --la)
[ "$got" = "--lang" ] || fail "\"ipwiz --la\" offers “$got”"
got=$(complete ipwiz --lang "")
[ "$(echo $got)" = "en id zh_CN" ] || fail "\"ipwiz --lang \" offers “$got”"
finish
