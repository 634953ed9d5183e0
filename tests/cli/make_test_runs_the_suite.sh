#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `make test` — what Debian's dh_auto_test runs first, and what people
# type — must run the test suite. Without a rule of ours, make's built-in
# one "builds" a file called test from test.sh, runs nothing, and the
# leftover file breaks the next build.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v make >/dev/null || { echo "make missing" >&2; exit 77; }

# make's rule database, read without running anything: a target of our
# own that does nothing, asked about with -q.
db=$(cd "$IPWIZ_BUILDDIR" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	make --eval='ipwiz-nothing:;' -pq ipwiz-nothing 2>/dev/null)
printf '%s\n' "$db" | grep -qE '^test: check( |$)' || fail "make has no rule test: check"
printf '%s\n' "$db" | grep -E '^\.PHONY:' | tr ' ' '\n' | grep -qx test ||
	fail "test is not .PHONY, so a file called test would stop it"
[ -e "$IPWIZ_BUILDDIR/test" ] && fail "a file $IPWIZ_BUILDDIR/test was made"
finish
