#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad command lines: every line of tests/bad-input/arguments.table is one
# case — the exit status, the sentence on stderr, the arguments.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

run new core-test --batch
[ "$rc" -eq 0 ] || fail "cannot start a case: $err"
CASE=$out
ESC=$(printf '\033')
mkdir -p "$T/work"
cd "$T/work" || exit 1
# A flow file of one's own, not installed: one line of it differs.
sed 's/^title: Core test flow/title: My own flow/' "$IPWIZ_DATADIR/flows/core-test.yaml" >my-flow.yaml
cp "$IPWIZ_DATADIR/flows/core-test.yaml" same-as-installed.yaml

while IFS= read -r line; do
	case "$line" in
	'#'* | '') continue ;;
	esac
	want_rc=${line%% | *}
	rest=${line#* | }
	want=${rest%% | *}
	rest=${rest#* | }
	args=${rest%% | *}
	defect=
	[ "$args" = "$rest" ] || defect=${rest#* | }
	# $CASE and $T in the sentence are replaced as text; the arguments are shell words
	want=$(printf '%s' "$want" | sed -e "s/\$CASE/$CASE/g" -e "s|\$T|$T|g")
	eval "set -- $args"
	try "$IPWIZ" "$@"
	verdict "ipwiz $args" "$want_rc" "$want" "$defect"
done <"$IPWIZ_SRCDIR/tests/bad-input/arguments.table"

# What a command prints on stdout about its arguments is made safe too.
try "$IPWIZ" init-shared "$T/team${ESC}[2J" --group "$(id -gn)"
verdict_stdout "init-shared prints the directory it made" 0 "Shared database ready: $T/team�[2J/cases.db"

# The installed flow's own bytes under another name are that flow: fine.
try "$IPWIZ" new ./same-as-installed.yaml --batch
verdict_stdout "a copy of an installed flow starts a case" 0 ""

cd "$OLDPWD" || exit 1
summary "command-line arguments"
