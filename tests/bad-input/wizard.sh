#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input to the wizard in a real terminal (tmux, tests/tui/libtest.sh):
# a case, flow or database that is not there or not good gives its sentence
# after the terminal is restored, with the exit status of the command line;
# a disk that fills up while the seller types keeps what was typed.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

# wizard NAME RC MESSAGE ARGS...: start the wizard, let it exit, judge the
# screen it leaves (200 columns, so that no sentence is folded).
wizard() {
	name=$1 want_rc=$2 want=$3
	shift 3
	COLS=200
	start "$@"
	COLS=80
	rc=999
	wait_exit
	screen >"$T/stderr"
	err=$(cat "$T/stderr")
	verdict "$name" "${rc:-999}" "$want"
}

printf 'not a database\n' >"$T/junk.db"
chmod 600 "$T/junk.db"
wizard "open a case that does not exist" 2 "ipwiz: There is no case #999; \`ipwiz list\` shows them." open 999
wizard "open a word" 2 "ipwiz: “abc” is not a case number; \`ipwiz list\` shows them." open abc
wizard "new with an unknown flow" 2 "ipwiz: There is no flow called “nosuch”; \`ipwiz flows\` lists the installed ones." new nosuch
wizard "the home screen on a text file" 3 "ipwiz: $T/junk.db is not an ipwiz case database; pick the right file with --db PATH." --db "$T/junk.db"
wizard "open on a text file" 3 "ipwiz: $T/junk.db is not an ipwiz case database; pick the right file with --db PATH." --db "$T/junk.db" open 1

# Another program (a coach on a team's shared database) holds the database
# longer than ipwiz waits, just as the seller leaves a field.
if command -v sqlite3 >/dev/null; then
	"$IPWIZ" new core-test --batch >/dev/null 2>&1
	db=$XDG_DATA_HOME/ipwiz/cases.db
	# ipwiz waits 2 seconds for the lock here (not 5); the other program
	# keeps it until the test has seen the sentence and says "release".
	TUI_ENV="IPWIZ_BUSY_SECONDS=2" start open 1
	wait_for "Complaint number"
	{
		printf '.timeout 5000\nBEGIN EXCLUSIVE;\n'
		poll 60 exists "$T/release"
		printf 'COMMIT;\n'
	} | sqlite3 "$db" &
	locker=$!
	poll 5 locked "$db"
	type_text "AB-7"
	keys Tab
	WAIT_SECONDS=20 wait_for "is in use by another program"
	screen >"$T/stderr"
	err=$(cat "$T/stderr")
	rc=0
	verdict "the database is locked while typing: the text stays" 0 "[AB-7"
	expect_on_screen "stayed locked for 2"
	: >"$T/release"
	wait "$locker"
	keys C-x
	wait_exit
	[ "${rc:-}" = 0 ] || fail "the wizard after the lock exited ${rc:-?}"
fi

# The disk fills up while an answer is typed: the sentence is shown whole,
# and the text stays in its field until it can be saved.
if [ "$(id -u)" -eq 0 ] && command -v sqlite3 >/dev/null && mkdir -p "$T/mnt" && mount -t tmpfs -o size=512k,mode=700 tmpfs "$T/mnt" 2>/dev/null; then
	trap 'umount "$T/mnt" 2>/dev/null; cleanup' EXIT
	db=$T/mnt/cases.db
	"$IPWIZ" --db "$db" new core-test --batch >/dev/null 2>&1
	start --db "$db" open 1
	wait_for "Complaint number"
	dd if=/dev/zero of="$T/mnt/filler" bs=4k 2>/dev/null
	type_text "AB-1"
	keys Tab
	wait_for "is full, so nothing"
	screen >"$T/stderr"
	err=$(cat "$T/stderr")
	rc=0
	verdict "the disk fills up while typing: the whole sentence" 0 "Free some space and try again."
	verdict "the disk fills up while typing: the text stays" 0 "[AB-1"
	rm -f "$T/mnt/filler"
	keys BTab
	wait_for "▸ Complaint number"
	keys C-e C-u
	type_text "AB-2"
	keys Tab
	wait_for "▸ Date you received the complaint"
	keys C-x
	wait_exit
	[ "${rc:-}" = 0 ] || fail "the wizard after the full disk exited ${rc:-?}"
	v=$(sqlite3 "$db" "SELECT value FROM answers WHERE path = 'complaint_number'")
	[ "$v" = AB-2 ] || fail "the answer typed once space was back is “$v”, not AB-2"
	umount "$T/mnt"
else
	echo "SKIP: the full disk in the wizard (needs root to mount a tmpfs)"
fi
summary "the wizard"
