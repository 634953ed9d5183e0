#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# layers.sh — the house rules of HACKING.md, checked on the tree and on the
# built libraries, so the layering cannot rot unnoticed:
#   1. no cycle between modules (src/<module>, ui/<front end>, main), and
#      no front end including another;
#   2. outside its folder a module is reached through its one public header
#      (MODULE/MODULE.h), tests excepted;
#   3. no front-end file (ui/, src/main.c) includes a store header, and the
#      door (case/*.h public headers) exposes no store type;
#   4. libipwiz.a references no front-end symbol and defines no front-end
#      function;
#   5. the core prints nothing and never exits (the evidence worker's child,
#      the copies that check many files at once and xalloc's out-of-memory
#      report are the named exceptions).
# Each rule prints the offending lines; the test fails when any is broken.
set -u
src=${IPWIZ_SRCDIR:?}
build=${IPWIZ_BUILDDIR:?}
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

broken() {
	echo "FAIL: $1" >&2
	sed 's/^/    /' "$2" >&2
	fail=1
}

# The module a file belongs to: src/case/x.c → case, ui/tui/x.c → tui.
module_of() {
	case $1 in
	src/main.c) echo main ;;
	src/*/* | ui/*/*) echo "$1" | cut -d/ -f2 ;;
	*) echo "?" ;;
	esac
}

# Every quoted include of src/ and ui/ as "file module included-header".
cd "$src" || exit 99
find src ui -name '*.[ch]' | LC_ALL=C sort | while read -r f; do
	m=$(module_of "$f")
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
		while read -r inc; do
			[ "$inc" = config.h ] && continue
			echo "$f $m $inc"
		done
done >"$tmp/includes"
[ -s "$tmp/includes" ] || {
	echo "FAIL: no include found under $src/src and $src/ui" >&2
	exit 1
}

# 1. Module graph: an edge m → t for every include of t/… from module m.
awk '{ split($3, p, "/"); if (p[2] != "" && p[1] != $2) print $2, p[1] }' "$tmp/includes" |
	LC_ALL=C sort -u >"$tmp/edges"
if ! tsort "$tmp/edges" >/dev/null 2>"$tmp/cycle"; then
	broken "the modules include each other in a cycle (tsort):" "$tmp/cycle"
fi

# 1b. Front ends never reach into one another: what two of them share is
# a function of the core (the door), and only main knows all three.
awk '($2 == "cmd" || $2 == "tui" || $2 == "plain") {
       split($3, p, "/"); if (p[2] != "" && p[1] != $2 && (p[1] == "cmd" || p[1] == "tui" || p[1] == "plain")) print $1 ": " $3 }' \
	"$tmp/includes" >"$tmp/sideways"
[ -s "$tmp/sideways" ] && broken "a front end includes another front end's header:" "$tmp/sideways"

# 2. Outside its folder, only a module's public header.
awk '{ split($3, p, "/"); base = p[2]; sub(/\.h$/, "", base);
       if (p[2] != "" && p[1] != $2 && base != p[1]) print $1 ": " $3 }' "$tmp/includes" \
	>"$tmp/private"
[ -s "$tmp/private" ] && broken "a module's private header is included from outside its folder:" "$tmp/private"

# 3. Front ends go through the door, never to the store; the door shows no store type.
awk '$2 == "cmd" || $2 == "tui" || $2 == "plain" || $2 == "main" {
       if ($3 ~ /^store\//) print $1 ": " $3 }' "$tmp/includes" >"$tmp/store"
[ -s "$tmp/store" ] && broken "a front-end file includes a store header:" "$tmp/store"
for h in src/case/case.h src/case/case_db.h src/case/session.h src/case/answers.h \
	src/case/case_walk.h src/case/deadline.h src/case/deadline_submission.h \
	src/case/evidence_case.h; do
	[ -f "$h" ] || continue
	grep -Hn 'struct store\b\|store/' "$h"
done >"$tmp/door"
[ -s "$tmp/door" ] && broken "the case door (a public header of src/case) shows a store type:" "$tmp/door"

# 4 and 5: the libraries as built.
core=$build/libipwiz.a
fronts=$build/libipwizui.a
if [ ! -f "$core" ] || [ ! -f "$fronts" ]; then
	echo "FAIL: $core or $fronts is missing: build first" >&2
	exit 1
fi
if ! command -v nm >/dev/null; then
	echo "SKIP: nm is not installed; the library checks cannot run" >&2
	[ $fail = 0 ] && exit 77
	exit 1
fi
nm -g --defined-only "$fronts" 2>/dev/null | awk 'NF == 3 { print $3 }' | LC_ALL=C sort -u \
	>"$tmp/front-defined"
nm -u "$core" 2>/dev/null | awk '{ print $NF }' | LC_ALL=C sort -u >"$tmp/core-undefined"
nm -g --defined-only "$core" 2>/dev/null | awk 'NF == 3 { print $3 }' | LC_ALL=C sort -u \
	>"$tmp/core-defined"
[ -s "$tmp/front-defined" ] && [ -s "$tmp/core-defined" ] || {
	echo "FAIL: nm listed no symbols of the libraries" >&2
	exit 1
}
LC_ALL=C comm -12 "$tmp/front-defined" "$tmp/core-undefined" >"$tmp/up"
[ -s "$tmp/up" ] && broken "libipwiz.a (the core) calls into a front end:" "$tmp/up"
grep -E '^(cli|ui|tui|plain|front|home|coach|screen)_' "$tmp/core-defined" >"$tmp/frontfn"
[ -s "$tmp/frontfn" ] && broken "libipwiz.a defines front-end functions:" "$tmp/frontfn"

# Who in the core refers to sym: "object: sym" lines.
refs() {
	nm -A -u "$core" 2>/dev/null | awk -v s="$1" '$NF == s { n = split($1, p, ":"); print p[n - 1] ": " s }'
}
: >"$tmp/prints"
for sym in printf puts putchar vprintf stdout exit; do
	refs "$sym" >>"$tmp/prints"
done
refs stderr | grep -v '^libipwiz_a-xalloc\.o:' >>"$tmp/prints"
refs _exit | grep -v -e '^libipwiz_a-evidence_worker\.o:' -e '^libipwiz_a-evidence_many\.o:' >>"$tmp/prints"
[ -s "$tmp/prints" ] && broken "the core prints on the terminal or exits (only front ends and main may):" "$tmp/prints"

[ $fail = 0 ] && echo "layers: $(wc -l <"$tmp/edges") module edges, no cycle; door and libraries clean"
exit $fail
