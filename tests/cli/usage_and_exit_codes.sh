#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line contract: --help, --version, and the exit statuses
# 0 ok, 1 user must fix, 2 usage, 3 environment.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

run --help
expect_rc 0 "--help"
expect_in "$out" "Usage: ipwiz [OPTION]... [COMMAND [ARG]...]"
expect_in "$out" "attach CASE FIELD [--remove | --acknowledge FINDING] FILE..."
expect_in "$out" "Exit status: 0 ok"
# The bug address of configure.ac (AC_INIT), as the GNU standards show it.
bugs=$(sed -n 's/^#define PACKAGE_BUGREPORT "\(..*\)"$/\1/p' "$IPWIZ_BUILDDIR/config.h")
[ -n "$bugs" ] || fail "configure.ac names no bug-report address"
expect_in "$out" "Report bugs to: $bugs"

run --version
expect_rc 0 "--version"
expect_in "$out" "ipwiz 0.1.0"
expect_in "$out" "Copyright (C) 2026 The ipwiz authors."
expect_in "$out" "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>."
expect_in "$out" "There is NO WARRANTY, to the extent permitted by law."

run frobnicate
expect_rc 2 "unknown command"
expect_in "$err" "ipwiz: unknown command “frobnicate”."

run --bogus
expect_rc 2 "unknown option"
expect_in "$err" "ipwiz: unknown option --bogus"

run show
expect_rc 2 "show without a case"
expect_in "$err" "Usage: ipwiz show CASE [--json]"

run show abc
expect_rc 2 "show abc"
expect_in "$err" "“abc” is not a case number; \`ipwiz list\` shows them."

run new no-such-flow --batch
expect_rc 2 "unknown flow"
expect_in "$err" "There is no flow called “no-such-flow”"

run --db "$T/nodir/x/cases.db" list
expect_rc 3 "database in a missing directory"

printf 'this is not a database, just text\n' >"$T/junk.db"
chmod 600 "$T/junk.db"
run --db "$T/junk.db" list
expect_rc 3 "not a database"

finish
