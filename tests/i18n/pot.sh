#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/i18n/pot.sh SRCDIR IPWIZ OUT.pot — the complete message template:
# every _() / N_() string of the C sources listed in po/POTFILES.in, plus
# every translatable string of the shipped flows (ipwiz lint --pot).
# The translation tests' template; the catalogues themselves are merged
# against po/Makefile's, built from the same two sources (po/Rules-flows).
set -eu
src=$1 ipwiz=$2 out=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$src/po/POTFILES.in" | grep -v '^$' >"$tmp/files"
(cd "$src" && xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
	--add-comments=TRANSLATORS: --package-name=ipwiz --no-location --sort-output \
	--files-from="$tmp/files" -o "$tmp/c.pot")
IPWIZ_DATADIR="$src/data" "$ipwiz" lint --pot "$src"/data/flows/*.yaml >"$tmp/flows.pot"
sed -i 's|#: '"$src"'/|#: |' "$tmp/flows.pot"
msgcat --use-first --sort-output --no-location "$tmp/c.pot" "$tmp/flows.pot" -o "$out"
