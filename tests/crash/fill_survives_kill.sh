#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# 200 random `kill -9` during `ipwiz fill` of a file of 803 answers: after
# each kill the database passes PRAGMA integrity_check, ipwiz opens it, and
# every answer of the last fill that finished (the acknowledged one) is
# there, replaced at most by a later round's value — never lost, never older.
# CRASH_KILLS and CRASH_SEED change the loop; a failure prints the seed.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || {
	echo "SKIP: sqlite3 is not installed"
	exit 77
}

# A sanitizer build runs 50 rounds: it looks for memory errors in what a
# restart after a kill does; the plain build's 200 rounds look for lost data.
kills=${CRASH_KILLS:-200}
grep -q __asan_init "$IPWIZ" 2>/dev/null && kills=${CRASH_KILLS:-50}
seed=${CRASH_SEED:-$(date +%s)}
items=400
cp "$IPWIZ_SRCDIR/tests/crash/many-answers.yaml" "$IPWIZ_DATADIR/flows/"
# A kill -9 loses only what the process had not handed to the kernel, so a
# tmpfs shows the same as a disk, without a disk's fsync time per answer.
dir=$T
if [ -z "${CRASH_DIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	dir=$(mktemp -d /dev/shm/ipwiz-crash.XXXXXX)
	trap 'rm -rf "$T" "$dir"' EXIT
fi
db=${CRASH_DIR:-$dir}/cases.db

run --db "$db" new many-answers --batch
[ "$rc" -eq 0 ] || fail "new: $err"
id=$out

# answers ROUND: every value carries its round, e.g. "r7-42".
answers() {
	awk -v r="$1" -v n="$items" 'BEGIN {
		printf "shop_name: r%d-shop\ncontact: r%d@example.com\nstory: r%d-story\nitems:\n", r, r, r
		for (i = 1; i <= n; i++)
			printf "  - {url: \"https://shop.example/%d/%d\", note: \"r%d-%d\"}\n", r, i, r, i
	}'
}

# check ACK: integrity, and every note and the shop name are from round ACK
# or later (ACK = the last round whose fill exited 0).
check() {
	ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
	[ "$ic" = ok ] || fail "round $r (seed $seed): integrity_check says: $ic"
	sqlite3 -separator ' ' "$db" \
		"SELECT path, value FROM answers WHERE case_id = $id AND value IS NOT NULL" |
		awk -v ack="$1" -v n="$items" '
		function round(v) { sub(/^r/, "", v); sub(/[-@].*/, "", v); return v + 0 }
		$1 ~ /^items\.[0-9]+\.note$/ { notes++; if (round($2) < ack) old++ }
		$1 == "shop_name" { shop = 1; if (round($2) < ack) old++ }
		END {
			if (ack > 0 && (notes < n || !shop)) { print "missing: " n - notes " note(s), shop " shop; exit 1 }
			if (old) { print old " answer(s) older than the acknowledged round"; exit 1 }
		}' >"$T/check" || fail "round $r (seed $seed): $(cat "$T/check")"
}

# Rounds 0 to 3 finish: the first makes the list items, the others measure
# how long a fill of new values takes (the quickest of three: one slow
# measurement on a busy machine would let most later fills finish before
# their kill); all are acknowledged.
took=""
for r in 0 1 2 3; do
	answers "$r" >"$T/a.yaml"
	start=$(date +%s%N)
	run --db "$db" fill "$id" "$T/a.yaml"
	ms=$((($(date +%s%N) - start) / 1000000))
	if [ "$r" -gt 0 ] && { [ -z "$took" ] || [ "$ms" -lt "$took" ]; }; then
		took=$ms
	fi
	[ "$rc" -eq 0 ] || fail "fill of round $r: $err"
	ack=$r
	check "$ack"
done
[ "$took" -gt 0 ] || took=1

# Kill after a random delay up to a fill's time: a few rounds still finish
# first (they are the acknowledged ones); stop after $kills kills, with
# rounds to spare for the ones that finish.
awk -v s="$seed" -v n="$((kills * 4))" -v ms="$took" 'BEGIN {
	srand(s); for (i = 1; i <= n; i++) printf "%.3f\n", rand() * ms / 1000 }' >"$T/delays"
killed=0
finished=0
while read -r delay; do
	r=$((r + 1))
	answers "$r" >"$T/a.yaml"
	"$IPWIZ" --db "$db" fill "$id" "$T/a.yaml" 2>"$T/fill.err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	st=$?
	case $st in
	0) ack=$r finished=$((finished + 1)) ;;
	137) killed=$((killed + 1)) ;;
	*) fail "round $r (seed $seed): fill exited $st: $(cat "$T/fill.err")" ;;
	esac
	check "$ack"
	[ "$fails" -gt 0 ] || [ "$killed" -ge "$kills" ] && break
done <"$T/delays"
[ "$killed" -ge "$kills" ] || fail "only $killed of $kills fills were killed (seed $seed)"
[ "$finished" -gt 0 ] || echo "note: no round finished before its kill (seed $seed)"
rounds=$((r - 3)) # the loop's, after the three measured ones

# ipwiz itself opens what is left, and a last fill completes.
answers 999 >"$T/last.yaml"
run --db "$db" fill "$id" "$T/last.yaml"
expect_rc 0 "fill after the crash loop"
r=999
check 999
echo "fill crash loop: $rounds rounds, $killed killed, $finished finished first, fill takes ${took} ms, seed $seed"
finish
