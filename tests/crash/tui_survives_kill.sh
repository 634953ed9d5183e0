#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# 200 random `kill -9` of the wizard while a seller edits in it (tmux, via
# tests/tui/libtest.sh): each round clears the complaint number, types a new
# one and leaves the field, then types on in the next field and is killed at
# a random moment — sometimes before the move to the next field showed.
# After each kill: PRAGMA integrity_check is ok, ipwiz reopens the case, and
# the complaint number is the last one acknowledged (the screen showed the
# next field) or a later one — never lost, never older.
# CRASH_TUI_KILLS and CRASH_SEED change the loop; a failure prints the seed.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
command -v sqlite3 >/dev/null || {
	echo "SKIP: sqlite3 is not installed"
	exit 77
}

# A sanitizer build runs 50 rounds: it looks for memory errors in what a
# restart after a kill does; the plain build's 200 rounds look for lost data.
kills=${CRASH_TUI_KILLS:-200}
grep -q __asan_init "$IPWIZ" 2>/dev/null && kills=${CRASH_TUI_KILLS:-50}
seed=${CRASH_SEED:-$(date +%s)}
db=$XDG_DATA_HOME/ipwiz/cases.db

ipwiz new core-test --batch
[ "$rc" = 0 ] || fail "new: $(cat "$T/stderr")"
id=$out

# value: the complaint number in the database now ("" when there is none).
value() {
	sqlite3 "$db" "SELECT value FROM answers WHERE case_id = $id AND path = 'complaint_number'"
}

# Per round: whether to wait for the acknowledgement, and the kill delay.
awk -v s="$seed" -v n="$kills" 'BEGIN {
	srand(s); for (i = 1; i <= n; i++) printf "%d %.3f\n", rand() < 0.7, rand() * 0.15 }' >"$T/plan"
ack=0
killed=0
r=0
while read -r wait_ack delay; do
	r=$((r + 1))
	start open "$id"
	wait_for "Complaint number" || break
	keys C-e C-u
	type_text "R$r"
	keys Tab
	if [ "$wait_ack" = 1 ]; then
		wait_for "▸ Date you received the complaint" || break
		ack=$r
		type_text "2026-11-"
	fi
	sleep "$delay"
	pid=$(program_pid)
	[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
	wait_exit || break
	case $rc in
	137) killed=$((killed + 1)) ;;
	*) fail "round $r (seed $seed): the wizard exited $rc before the kill" ;;
	esac
	ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || fail "round $r (seed $seed): integrity_check says: $ic"
	v=$(value)
	got=${v#R}
	if [ "$ack" -gt 0 ]; then
		case "$v" in
		R[0-9]*) [ "$got" -ge "$ack" ] && [ "$got" -le "$r" ] ||
			fail "round $r (seed $seed): complaint number $v, acknowledged R$ack" ;;
		*) fail "round $r (seed $seed): complaint number “$v”, acknowledged R$ack" ;;
		esac
	fi
	[ "$fails" -gt 0 ] && break
done <"$T/plan"

# The wizard reopens the case after all of it and shows the last answer.
start open "$id"
wait_for "Complaint number"
v=$(value)
[ -n "$v" ] && expect_on_screen "$v"
keys C-x
wait_exit
[ "${rc:-}" = 0 ] || fail "the wizard after the crash loop exited ${rc:-?}"
echo "TUI crash loop: $r rounds, $killed killed, last acknowledged R$ack, seed $seed"
[ "$killed" -ge "$kills" ] || fail "only $killed of $kills rounds were killed (seed $seed)"
finish
