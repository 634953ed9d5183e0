#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every command explains itself: `ipwiz CMD --help` and `ipwiz help CMD`
# print that command's usage and options on stdout and exit 0, for each
# command `ipwiz --help` lists. Options follow one parser everywhere: `--`
# ends them, `--opt=value` works, and a value that starts with - is never
# taken for an option (an answer, a note, a title).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run --help
expect_rc 0 "--help"
# The command list: lines "  NAME SYNOPSIS" followed by an indented summary.
commands=$(printf '%s\n' "$out" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p; s/^  \([a-z][a-z-]*\)$/\1/p' | sort -u)
n=$(printf '%s\n' "$commands" | grep -c .)
[ "$n" -ge 18 ] || fail "--help lists only $n commands: $commands"

for c in $commands; do
	run "$c" --help
	expect_rc 0 "$c --help"
	expect_in "$out" "Usage: ipwiz $c " "$c --help"
	expect_in "$out" "--db PATH" "$c --help (the common options)"
	[ -z "$err" ] || fail "$c --help wrote to stderr: $err"
	first=$out
	run help "$c"
	expect_rc 0 "help $c"
	[ "$out" = "$first" ] || fail "help $c differs from $c --help"
done

run help frobnicate
expect_rc 2 "help of an unknown command"
expect_in "$err" "unknown command “frobnicate”"

# -- ends the options; --opt=value; options after the arguments.
export IPWIZ_DB="$T/cases.db"
run new core-test --batch --title=-shop-
expect_rc 0 "new --title=VALUE"
id=$out
run list
expect_in "$out" "-shop-" "a title that starts with -"
run show --json -- "$id"
expect_rc 0 "show --json -- CASE"
expect_in "$out" '"title":"-shop-"'
run show "$id" --json
expect_rc 0 "show CASE --json"
expect_in "$out" '"title":"-shop-"'

# A note's text that looks like an option is the note: options come first.
run note "$id" complaint_number --plain
expect_rc 0 "note with a text that starts with --"
run notes "$id"
expect_in "$out" "--plain" "the note kept as typed"
run set "$id" pieces -5
expect_rc 1 "a negative number is an answer, refused by the field's type"
expect_in "$err" "Write a number, using digits only."
# and a global option before the command still applies
run --db "$T/other.db" list
expect_rc 0 "--db before the command"
expect_in "$out" "No cases yet"
run list --db "$T/other.db"
expect_rc 0 "--db as the command's own option"
expect_in "$out" "No cases yet"
finish
