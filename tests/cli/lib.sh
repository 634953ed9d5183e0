# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/lib.sh — a pinned environment for command-line tests.
# Source it first: every test gets its own HOME, database and data directory
# (the fixture flows and the shipped calendars), a fixed clock and locale.
set -u
: "${IPWIZ:?IPWIZ must name the built ipwiz binary}"
: "${IPWIZ_SRCDIR:?}"
. "$IPWIZ_SRCDIR/tests/lib/poll.sh"

T=$(mktemp -d "${TMPDIR:-/tmp}/ipwiz-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC IPWIZ_TODAY=2026-11-24 TERM=dumb NO_COLOR=1
unset IPWIZ_DB SSH_CLIENT SSH_CONNECTION
mkdir -p "$HOME" "$T/data/flows"
cp "$IPWIZ_SRCDIR"/tests/fixtures/flows/*.yaml "$T/data/flows/"
[ -d "$IPWIZ_SRCDIR/data/calendars" ] && cp -r "$IPWIZ_SRCDIR/data/calendars" "$T/data/"
export IPWIZ_DATADIR="$T/data"

fails=0
fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

# run CMD...: run ipwiz, keeping stdout in $out, stderr in $err, status in $rc.
run() {
	out=$("$IPWIZ" "$@" 2>"$T/stderr" </dev/null)
	rc=$?
	err=$(cat "$T/stderr")
}

expect_rc() {
	[ "$rc" -eq "$1" ] || fail "${2:-command}: exit $rc, expected $1 (stderr: $err)"
}

# expect_in HAYSTACK NEEDLE [what]
expect_in() {
	case "$1" in
	*"$2"*) ;;
	*) fail "${3:-output} lacks: $2 — got: $1" ;;
	esac
}

expect_not_in() {
	case "$1" in
	*"$2"*) fail "${3:-output} has: $2" ;;
	esac
}

finish() {
	[ "$fails" -eq 0 ] && exit 0
	echo "$fails check(s) failed" >&2
	exit 1
}
