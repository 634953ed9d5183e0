# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib/poll.sh — the one wait loop of the shell tests (sourced by
# tests/tui/libtest.sh, tests/coach/lib.sh and tests that wait on their own).
# A test waits for what it needs to see, never for a fixed time: on a loaded
# machine a wait only takes longer, up to its limit.

# now_ms: the clock in milliseconds.
now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

# poll SECONDS COMMAND [ARGS...]: run COMMAND every 50 ms until it succeeds
# (status 0) or SECONDS have passed (status 1); $waited holds the
# milliseconds it took.
poll() {
	local limit start now
	start=$(now_ms)
	limit=$((start + $1 * 1000))
	shift
	while :; do
		if "$@"; then
			now=$(now_ms)
			waited=$((now - start))
			return 0
		fi
		now=$(now_ms)
		waited=$((now - start))
		[ "$now" -ge "$limit" ] && return 1
		sleep 0.05
	done
}

# exists PATH: for `poll N exists FILE` (a signal file between processes).
exists() {
	[ -e "$1" ]
}

# locked DB: another program holds DB's write lock (sqlite3 cannot take it).
locked() {
	! sqlite3 "$1" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null
}
