#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# doc/flow-format.md teaches the flow language by example: every ```yaml
# block in it must pass `ipwiz lint` with no error, and every `make X` it
# names must be a target of the build.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
doc="$IPWIZ_SRCDIR/doc/flow-format.md"

awk -v dir="$T" '
	/^```yaml[ \t]*$/ { n++; file = sprintf("%s/example-%d.yaml", dir, n); inside = 1; next }
	/^```/ { inside = 0; next }
	inside { print > file }
' "$doc"
set -- "$T"/example-*.yaml
[ -f "$1" ] || fail "doc/flow-format.md has no yaml example"
for ex in "$@"; do
	[ -f "$ex" ] || continue
	run lint "$ex"
	expect_rc 0 "lint of $(basename "$ex") from doc/flow-format.md"
	# An example to copy from is clean: no warning either.
	expect_in "$out$err" " 0 errors, 0 warnings" "lint of $(basename "$ex")"
done

db=$(cd "$IPWIZ_BUILDDIR" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	make --eval='ipwiz-nothing:;' -pq ipwiz-nothing 2>/dev/null)
for target in $(tr '\n' ' ' <"$doc" | grep -oE '`make +[a-z][a-z0-9-]*' | sed 's/`make *//' | sort -u); do
	printf '%s\n' "$db" | grep -qE "^$target:" || fail "doc/flow-format.md names \`make $target\`, which does not exist"
done
finish
