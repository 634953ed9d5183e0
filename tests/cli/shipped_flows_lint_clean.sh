#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every shipped flow loads and lints without an error or a warning, and
# `ipwiz flows` lists each of them.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

set -- "$IPWIZ_SRCDIR"/data/flows/*.yaml
[ -f "$1" ] || { fail "no shipped flows in data/flows"; finish; }
[ "$#" -ge 4 ] || fail "expected at least 4 shipped flows, found $#"

run lint "$@"
expect_rc 0 "lint of the shipped flows"
expect_not_in "$out$err" "error:" "lint"
expect_not_in "$out$err" "warning:" "lint"

export IPWIZ_DATADIR="$IPWIZ_SRCDIR/data"
run flows
expect_rc 0 "flows"
for f in "$@"; do
	id=$(basename "$f" .yaml)
	expect_in "$out" "$id" "ipwiz flows"
done
finish
