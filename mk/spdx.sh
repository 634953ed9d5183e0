#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# mk/spdx.sh [--check] [SRCDIR] — every source file of ipwiz starts with
# its licence as an SPDX line. Without --check, add the line where it is
# missing (run it again after a rebase: other branches add files); with
# --check, list the files that lack it and exit 1 if there are any
# (tests/cli/every_source_names_its_licence.sh).
#
# A source file: C (*.c, *.h), shell and Python scripts (*.sh, *.py, and any
# file starting with #!), automake and autoconf input (Makefile.am, *.mk,
# configure.ac, po/Makevars, po/Rules-*), debian/rules and the bash
# completion. Test data (tests/fixtures, the fuzz corpora, expected screens)
# is not: its bytes are what the tests compare.
set -eu
check=no
[ "${1:-}" = --check ] && { check=yes; shift; }
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"
line='SPDX-License-Identifier: GPL-3.0-or-later'

# The candidates: git's list in a checkout, else the tree without what a
# build or a package build leaves in it.
files() {
	if { [ -d .git ] || [ -f .git ]; } && command -v git >/dev/null; then
		git ls-files
	else
		find . \( -name .git -o -name 'build*' -o -name '_build' -o -name '_inst' \
			-o -name autom4te.cache -o -name build-aux -o -name m4 -o -name config.status \
			-o -path ./debian/ipwiz \
			-o -path ./debian/.debhelper -o -path ./ipwiz-[0-9]* \) -prune -o -type f -print |
			sed 's|^\./||'
	fi | grep -vE '^(tests/fixtures/|tests/fuzz/[^/]+/|tests/tui/expected/|bench/out/)'
}

is_source() {
	case $1 in # gettext's and autoconf's copies first: they are not ours
	po/Makefile.in.in | po/Rules-quot | config.h | configure) return 1 ;;
	*.c | *.h | *.sh | *.py | *.mk | Makefile.am | configure.ac | po/Makevars | po/Rules-* | \
		debian/rules | data/completion/*) return 0 ;;
	esac
	[ -f "$1" ] && [ "$(head -c 2 "$1")" = '#!' ]
}

has_line() { head -n 3 "$1" | grep -q "$line"; }

# Insert the line, in the file's own comment syntax: after a #! line, or first.
add_line() {
	case $1 in
	*.c | *.h) text="/* $line */" ;;
	configure.ac) text="dnl $line" ;;
	*) text="# $line" ;;
	esac
	tmp=$(mktemp "$1.spdx.XXXXXX")
	if [ "$(head -c 2 "$1")" = '#!' ]; then
		{ head -n 1 "$1"; printf '%s\n' "$text"; tail -n +2 "$1"; } >"$tmp"
	else
		{ printf '%s\n' "$text"; cat "$1"; } >"$tmp"
	fi
	chmod --reference="$1" "$tmp"
	mv "$tmp" "$1"
}

missing=0
for f in $(files); do
	is_source "$f" || continue
	has_line "$f" && continue
	if [ "$check" = yes ]; then
		echo "$f"
		missing=$((missing + 1))
	else
		add_line "$f"
	fi
done
[ "$missing" -eq 0 ]
