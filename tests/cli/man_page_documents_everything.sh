#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The man page is clean for groff, dated, and complete: every command of
# --help, every key of the wizard's help, every environment variable the
# program reads, and SEE ALSO pages that exist on a host with man pages.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v groff >/dev/null || { echo "groff missing" >&2; exit 77; }
page="$IPWIZ_SRCDIR/doc/ipwiz.1"

warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1)
[ -z "$warnings" ] || fail "groff warns: $warnings"
head -n 1 "$page" | grep -qE '^\.TH IPWIZ 1 [0-9]{4}-[0-9]{2}-[0-9]{2} ' || fail "the .TH date is not YYYY-MM-DD"
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "KEY BINDINGS" ENVIRONMENT \
	"EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
	grep -qx "\.SH $s" "$page" || fail "no section $s"
done

# The page as text, and one section of it (groff's \- and \(lq undone).
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(.q/"/g' "$page")
section() { printf '%s\n' "$text" | sed -n "/^\.SH $1\$/,/^\.SH /p"; }

run --help
for cmd in $(printf '%s\n' "$out" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
	section COMMANDS | grep -qE "^\.B[IR]? \"?$cmd( |\"|$)" || fail "COMMANDS lacks $cmd"
done

# The keys of the help overlay's table: "F10, ^X, q" is F10, Ctrl-X and q.
keys=$(section 'KEY BINDINGS')
sed -n 's/^ *{"\([^"]*\)", N_(.*/\1/p' "$IPWIZ_SRCDIR/ui/tui/help.c" | tr ',' '\n' |
	sed -e 's/^ *//' -e 's/^\^\(.\)$/Ctrl-\1/' | sort -u >"$T/keys"
[ -s "$T/keys" ] || fail "no keys found in ui/tui/help.c"
while IFS= read -r k; do
	printf '%s\n' "$keys" | grep -qF -- "$k" || echo "$k"
done <"$T/keys" >"$T/missing"
[ -s "$T/missing" ] && fail "KEY BINDINGS lacks: $(tr '\n' ' ' <"$T/missing")"

# Every variable the program reads.
envs=$(section ENVIRONMENT)
for v in $(cd "$IPWIZ_SRCDIR" && grep -rhoE 'getenv\("[A-Z_]+"\)' src ui | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
	printf '%s\n' "$envs" | grep -qw -- "$v" || fail "ENVIRONMENT lacks $v"
done
for v in LANGUAGE LC_ALL LC_MESSAGES LANG; do # read through a table in base/i18n.c
	printf '%s\n' "$envs" | grep -qw -- "$v" || fail "ENVIRONMENT lacks $v"
done

if command -v man >/dev/null && man -w sha256sum >/dev/null 2>&1; then
	for ref in $(section 'SEE ALSO' | sed -n 's/^\.BR \([a-z0-9_-]*\) (\([0-9]\)).*/\1.\2/p'); do
		man -w "$ref" >/dev/null 2>&1 || fail "SEE ALSO names $ref, which is not installed here"
	done
fi
finish
