# SPDX-License-Identifier: GPL-3.0-or-later
# tests/valgrind/lib.sh — run ipwiz under valgrind memcheck. Source it after
# tests/cli/lib.sh or tests/tui/libtest.sh; skips (77) without valgrind.
command -v valgrind >/dev/null 2>&1 || {
	echo "SKIP: valgrind is not installed"
	exit 77
}
# A sanitizer build has its own memory checker, which valgrind cannot run.
if grep -q -e __asan_init -e __msan_init -e __tsan_init "$IPWIZ" 2>/dev/null; then
	echo "SKIP: $IPWIZ is built with a sanitizer; valgrind needs a plain build"
	exit 77
fi
REAL_IPWIZ=$IPWIZ
VG_LOGS=$T/valgrind
mkdir -p "$VG_LOGS"
# Definite and indirect leaks are errors; what the libraries keep on purpose
# until exit (ncurses, libmagic's database) is "still reachable" and is not.
VG_OPTS="--error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect --num-callers=30"
# VG_ORIGINS=1 adds --track-origins=yes (twice as slow) to find where an
# uninitialised value came from.
[ "${VG_ORIGINS:-}" = 1 ] && VG_OPTS="$VG_OPTS --track-origins=yes"

# vg_wrapper: a script that runs the real ipwiz under valgrind, each process
# (and the evidence worker it forks) logging to its own file.
vg_wrapper() {
	cat >"$T/ipwiz-vg" <<WRAP
#!/bin/sh
exec valgrind $(echo $VG_OPTS) --log-file="$VG_LOGS/%p.log" "$REAL_IPWIZ" "\$@"
WRAP
	chmod +x "$T/ipwiz-vg"
	echo "$T/ipwiz-vg"
}

# vg_verdict WHAT: fail when any log so far reports an error; clears them.
vg_verdict() {
	for log in "$VG_LOGS"/*.log; do
		[ -e "$log" ] || continue
		if grep -q 'ERROR SUMMARY: [1-9]' "$log"; then
			fail "$1: valgrind reports errors"
			sed -n '1,80p' "$log" >&2
		fi
		rm -f "$log"
	done
}
