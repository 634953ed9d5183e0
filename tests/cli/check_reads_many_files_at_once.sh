#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz check --flow F --field X FILE…` reads several files at once, one
# file checker per processor (IPWIZ_CHECK_JOBS sets how many): the report is
# the same, line for line and in the same order, as one file after the
# other, and so is the JSON. A copy of ipwiz that dies half-way (killed
# here) loses no file: the files it had are judged by ipwiz itself.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/s" || fail "samples"
# Every sample, three times over under other names: enough files that
# several are read at once. Not the one that takes its whole time budget
# (laughs.pdf): three of it would only make the test slow.
mkdir -p "$T/many"
for k in 1 2 3; do
	for f in "$T/s"/*; do
		[ -f "$f" ] && [ "$(basename "$f")" != laughs.pdf ] &&
			cp "$f" "$T/many/$k-$(basename "$f")"
	done
done

IPWIZ_CHECK_JOBS=1 run check --flow core-test --field invoice "$T/many"
one=$out one_rc=$rc
n=$(printf '%s\n' "$one" | sed -n 's/^\([0-9]*\) files: .*/\1/p')
[ "${n:-0}" -ge 30 ] || fail "only ${n:-no} files checked: $one"
for jobs in 2 3 4; do
	IPWIZ_CHECK_JOBS=$jobs run check --flow core-test --field invoice "$T/many"
	[ "$rc" = "$one_rc" ] || fail "$jobs at once: exit $rc, one at a time $one_rc"
	[ "$out" = "$one" ] || fail "$jobs at once, the report differs:
$out
---- one at a time:
$one"
done
IPWIZ_CHECK_JOBS=1 run check --json --flow core-test --field invoice "$T/many"
json_one=$out
IPWIZ_CHECK_JOBS=3 run check --json --flow core-test --field invoice "$T/many"
[ "$out" = "$json_one" ] || fail "the JSON of three at once differs from one at a time"

# A copy killed while the files are read.
IPWIZ_CHECK_JOBS=3 "$IPWIZ" check --flow core-test --field invoice "$T/many" \
	>"$T/killed.out" 2>"$T/killed.err" </dev/null &
main=$!
copy() {
	c=$(ps -o pid=,comm= --ppid "$main" 2>/dev/null | awk '$2 == "ipwiz" { print $1; exit }')
	[ -n "$c" ]
}
if poll 20 copy; then
	kill -KILL "$c"
	wait "$main"
	rc=$?
	[ "$rc" = "$one_rc" ] || fail "a copy killed: exit $rc, one at a time $one_rc"
	[ "$(cat "$T/killed.out")" = "$one" ] || fail "a copy killed, the report differs:
$(cat "$T/killed.out")"
else
	wait "$main"
	echo "SKIP: the check ended before a copy could be killed" >&2
fi
finish
