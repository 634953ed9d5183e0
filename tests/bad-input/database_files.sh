#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad case databases given with --db: not a database, damaged, from a newer
# ipwiz, of another program, open to every user, not a file, in a read-only
# place, locked by another process, on a full disk. Each gets its sentence and
# exit 3, and a database that was good keeps its answers.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"
command -v sqlite3 >/dev/null || {
	echo "SKIP: sqlite3 is not installed"
	exit 77
}

D=$T/db
mkdir -p "$D"
chmod 700 "$D"
good=$D/good.db
run --db "$good" new core-test --batch
[ "$rc" -eq 0 ] || fail "cannot make the good database: $err"
run --db "$good" set 1 complaint_number AB-1
[ "$rc" -eq 0 ] || fail "cannot answer in the good database: $err"

# copy NAME MODE: a copy of the good database.
copy() {
	cp "$good" "$D/$1"
	chmod "$2" "$D/$1"
}

printf 'this is not a database, just text\n' >"$D/text.db"
chmod 600 "$D/text.db"
try "$IPWIZ" --db "$D/text.db" list
verdict text.db 3 "ipwiz: $D/text.db is not an ipwiz case database; pick the right file with --db PATH."

head -c 8192 /dev/urandom >"$D/random.db"
chmod 600 "$D/random.db"
try "$IPWIZ" --db "$D/random.db" list
verdict random.db 3 "ipwiz: $D/random.db is not an ipwiz case database; pick the right file with --db PATH."

copy truncated.db 600
truncate -s 3000 "$D/truncated.db"
try "$IPWIZ" --db "$D/truncated.db" show 1
verdict truncated.db 3 "ipwiz: The case database $D/truncated.db is damaged (database disk image is malformed); restore it from a backup or an export."

head -c 100 "$good" >"$D/header-only.db"
chmod 600 "$D/header-only.db"
try "$IPWIZ" --db "$D/header-only.db" list
verdict header-only.db 3 "ipwiz: The case database $D/header-only.db is damaged"

copy zeroed-pages.db 600
dd if=/dev/zero of="$D/zeroed-pages.db" bs=4096 seek=2 count=3 conv=notrunc 2>/dev/null
try "$IPWIZ" --db "$D/zeroed-pages.db" show 1
verdict zeroed-pages.db 3 "ipwiz: The case database $D/zeroed-pages.db is damaged"

copy newer.db 600
sqlite3 "$D/newer.db" 'PRAGMA user_version = 99'
try "$IPWIZ" --db "$D/newer.db" list
verdict newer.db 3 "ipwiz: $D/newer.db was made by a newer ipwiz (database version 99; this ipwiz knows up to "
expect_in "$err" "); nothing was changed. Update ipwiz to open it." "newer.db"
cmp -s "$D/newer.db" "$good" && fail "newer.db: the test did not change the version"
sqlite3 "$D/newer.db" 'PRAGMA user_version' | grep -qx 99 || fail "newer.db was changed"

sqlite3 "$D/photos.db" 'CREATE TABLE photos (x); INSERT INTO photos VALUES (1);'
chmod 600 "$D/photos.db"
try "$IPWIZ" --db "$D/photos.db" list
verdict photos.db 3 "ipwiz: $D/photos.db is an SQLite database of another program, not an ipwiz case database; nothing was changed. Pick the right file with --db PATH."

copy missing-table.db 600
sqlite3 "$D/missing-table.db" 'DROP TABLE answers'
try "$IPWIZ" --db "$D/missing-table.db" show 1
verdict missing-table.db 3 "ipwiz: The case database $D/missing-table.db is damaged (no such table: answers); restore it from a backup or an export, or pick another with --db PATH."

copy world-writable.db 666
try "$IPWIZ" --db "$D/world-writable.db" list
verdict world-writable.db 3 "ipwiz: The case database $D/world-writable.db can be read or changed by every user of this computer, so ipwiz will not use it. Make it private with \`chmod 600 $D/world-writable.db\` (or \`chmod 660 $D/world-writable.db\` for a team's group) and try again."

copy world-readable.db 644
try "$IPWIZ" --db "$D/world-readable.db" list
verdict world-readable.db 3 "can be read or changed by every user of this computer, so ipwiz will not use it."

: >"$D/empty.db"
chmod 600 "$D/empty.db"
try "$IPWIZ" --db "$D/empty.db" list
verdict "empty.db (becomes a new database)" 0 ""
expect_in "$out" "No cases yet." "list of an empty file"

copy hot-wal.db 600
head -c 5000 /dev/urandom >"$D/hot-wal.db-wal"
chmod 600 "$D/hot-wal.db-wal"
try "$IPWIZ" --db "$D/hot-wal.db" show 1
verdict "hot-wal.db (a WAL of random bytes is ignored)" 0 ""
expect_in "$out" "AB-1" "the answer next to a WAL of random bytes"

try "$IPWIZ" --db "$D" list
verdict "a directory" 3 "ipwiz: $D is not a file; pick the case database with --db PATH."

try "$IPWIZ" --db /dev/null list
verdict /dev/null 3 "ipwiz: /dev/null is not a file; pick the case database with --db PATH."

mkfifo "$D/fifo.db"
try "$IPWIZ" --db "$D/fifo.db" list
verdict fifo.db 3 "ipwiz: $D/fifo.db is not a file; pick the case database with --db PATH."

ln -s "$D/nowhere.db" "$D/dangling.db"
try "$IPWIZ" --db "$D/dangling.db" list
verdict dangling.db 3 "ipwiz: $D/dangling.db is a symbolic link; ipwiz opens the case database only by its real name. Use --db with the file the link points to."

ln -s "$good" "$D/link.db"
try "$IPWIZ" --db "$D/link.db" list
verdict "link.db (a symbolic link)" 3 "ipwiz: $D/link.db is a symbolic link; ipwiz opens the case database only by its real name. Use --db with the file the link points to."

try "$IPWIZ" --db "$D/no/such/dir/cases.db" list
verdict "two missing directories" 3 "ipwiz: Cannot create the directory $D/no/such/dir for the case database: No such file or directory. Create $D/no/such first, or pick another place with --db PATH."

# Locked by another process: a writer holds the lock longer than ipwiz waits.
copy locked.db 600
# ipwiz waits 1 second here (IPWIZ_BUSY_SECONDS, not the default 5); the
# writer keeps the lock until the test says "release".
{
	printf '.timeout 5000\nBEGIN EXCLUSIVE;\n'
	poll 60 exists "$D/release"
	printf 'COMMIT;\n'
} | sqlite3 "$D/locked.db" &
locker=$!
# until the lock is really held (sqlite3 may start slowly on a busy machine)
poll 5 locked "$D/locked.db"
export IPWIZ_BUSY_SECONDS=1
try "$IPWIZ" --db "$D/locked.db" set 1 complaint_number AB-2
unset IPWIZ_BUSY_SECONDS
verdict locked.db 3 "ipwiz: The case database is in use by another program ($D/locked.db stayed locked for 1 second); try again in a moment."
: >"$D/release"
wait "$locker"
run --db "$D/locked.db" show 1
expect_in "$out" "AB-1" "the answer after the lock"

# A symbolic link among the folders above the database (/home -> var/home on
# Fedora Silverblue) is followed; only the file itself is never a link.
mkdir -p "$T/var/home"
ln -s var/home "$T/home-link"
try "$IPWIZ" --db "$T/home-link/cases.db" new core-test --batch
verdict "a symbolic link above the database (new)" 0 ""
try "$IPWIZ" --db "$T/home-link/cases.db" set 1 complaint_number AB-7
verdict "a symbolic link above the database (set)" 0 ""
try "$IPWIZ" --db "$T/home-link/cases.db" show 1
verdict "a symbolic link above the database (show)" 0 ""
expect_in "$out" "AB-7" "show through a linked folder"
[ "$(sqlite3 "$T/var/home/cases.db" "SELECT value FROM answers WHERE path = 'complaint_number'")" = AB-7 ] ||
	fail "a symbolic link above the database: the answer is not in the real file"
try env XDG_DATA_HOME="$T/home-link/share" "$IPWIZ" new core-test --batch
verdict "the default database below a linked folder" 0 ""
[ -s "$T/var/home/share/ipwiz/cases.db" ] || fail "the default database below a linked folder was not made"

# A folder every user may write: anybody could put a WAL beside the
# database (to forge answers, or to read new ones). Refused, even with the
# sticky bit (which stops deleting, not creating), and nothing is made.
mkdir -p "$T/open"
cp "$good" "$T/open/cases.db"
chmod 600 "$T/open/cases.db"
for mode in 1777 0777 0757; do
	chmod "$mode" "$T/open"
	try "$IPWIZ" --db "$T/open/cases.db" show 1
	verdict "a database in a folder of mode $mode" 3 "ipwiz: The folder $T/open can be written by every user of this computer, so anyone could put files beside the case database $T/open/cases.db to read or change your cases; ipwiz will not use it there. Move it to a folder only you (or your team's group) may write, such as one made with \`mkdir -m 700 ~/cases\`, or make this one private with \`chmod o-w $T/open\`."
done
try "$IPWIZ" --db "$T/open/new.db" new core-test --batch
verdict "a new database in a folder every user may write" 3 "ipwiz: The folder $T/open can be written by every user of this computer"
[ -e "$T/open/new.db" ] && fail "a new database was made in a folder every user may write"
chmod 700 "$T/open"
try "$IPWIZ" --db "$T/open/cases.db" show 1
verdict "the same folder made private" 0 ""

# Another user planted a WAL beside the database, with an answer of their
# own in it: it is never read (before, show printed the forged answer).
mkdir -p "$D/forge" "$T/victim"
chmod 700 "$T/victim"
cp "$good" "$D/forge/src.db"
cp "$good" "$T/victim/cases.db"
{
	printf "PRAGMA wal_autocheckpoint = 0;\nUPDATE answers SET value = 'FORGED-9' WHERE path = 'complaint_number';\n"
	# the WAL stays until it is copied ("copied")
	poll 60 exists "$D/forge/copied"
} | sqlite3 "$D/forge/src.db" >/dev/null &
forger=$!
poll 5 grep -q FORGED-9 "$D/forge/src.db-wal" 2>/dev/null
cp "$D/forge/src.db-wal" "$T/victim/cases.db-wal"
: >"$D/forge/copied"
wait "$forger"
stranger=$(id -u nobody 2>/dev/null || echo 65534)
chown "$stranger" "$T/victim/cases.db-wal"
chmod 666 "$T/victim/cases.db-wal"
if [ "$(id -u)" -eq "$stranger" ]; then
	echo "SKIP: a WAL of another user (the test runs as $stranger)"
else
	try "$IPWIZ" --db "$T/victim/cases.db" show 1
	verdict "a WAL another user put beside the database" 3 "ipwiz: Beside the case database $T/victim/cases.db is $T/victim/cases.db-wal, which belongs to another user of this computer ($(id -un "$stranger" 2>/dev/null || echo "uid $stranger")), not to you or your team's group: somebody may have put it there to forge answers or to read new ones, so ipwiz will not open the database. Look at it, and remove it if no ipwiz is running."
	expect_not_in "$out" "FORGED-9" "show beside a planted WAL"
	chown "$(id -u)" "$T/victim/cases.db-wal"
	try "$IPWIZ" --db "$T/victim/cases.db" show 1
	verdict "a WAL every user may read or change" 3 "ipwiz: $T/victim/cases.db-wal, beside the case database $T/victim/cases.db, can be read or changed by every user of this computer, so ipwiz will not open the database. Make it private with \`chmod o-rwx $T/victim/cases.db-wal\`, or remove it if no ipwiz is running."
	expect_not_in "$out" "FORGED-9" "show beside a world-readable WAL"
fi
rm -f "$T/victim/cases.db-wal"
ln -s "$D/forge/src.db" "$T/victim/cases.db-shm"
try "$IPWIZ" --db "$T/victim/cases.db" show 1
verdict "a symbolic link as the shared-memory file" 3 "ipwiz: $T/victim/cases.db-shm, beside the case database $T/victim/cases.db, is not a plain file (a link or a folder), so ipwiz will not open the database. Remove it and try again."
rm -f "$T/victim/cases.db-shm"
try "$IPWIZ" --db "$T/victim/cases.db" show 1
verdict "the victim's database once the planted files are gone" 0 ""
expect_in "$out" "AB-1" "the victim's own answer"

# Permissions bite only on somebody else than root: root runs these as nobody.
if [ "$(id -u)" -eq 0 ]; then
	chmod 711 "$T"
	limited() { try setpriv --reuid=nobody --regid=nogroup --clear-groups "$IPWIZ" "$@"; }
	own() { chown -R nobody "$@"; }
else
	limited() { try "$IPWIZ" "$@"; }
	own() { :; }
fi
if [ "$(id -u)" -ne 0 ] || setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	mkdir -p "$T/ro"
	cp "$good" "$T/ro/cases.db"
	own "$T/ro"
	chmod 500 "$T/ro"
	limited --db "$T/ro/cases.db" set 1 complaint_number AB-2
	verdict "read-only directory" 3 "ipwiz: The case database $T/ro/cases.db is read-only here, so nothing was saved. Ask its owner for write access, or use --db to pick another."
	limited --db "$T/ro/new.db" list
	verdict "new database in a read-only directory" 3 "ipwiz: Cannot create the case database $T/ro/new.db: Permission denied. Pick a folder you may write in with --db PATH."
	chmod 700 "$T/ro"
	chmod 400 "$T/ro/cases.db"
	limited --db "$T/ro/cases.db" set 1 complaint_number AB-2
	verdict "read-only file" 3 "ipwiz: The case database $T/ro/cases.db is read-only here, so nothing was saved."
	limited --db "$T/ro/cases.db" show 1
	verdict "read-only file, only read" 0 ""
	expect_in "$out" "AB-1" "show of a read-only database"
	# Watching writes the watcher's name where the others see it: with
	# read-only access it would be unseen, so it is refused (it hung before,
	# watching unannounced).
	limited --db "$T/ro/cases.db" watch 1
	verdict "watch with read-only access" 3 "ipwiz: You cannot watch case #1 unseen, and ipwiz could not show the people on it that you are watching: The case database $T/ro/cases.db is read-only here"
	chmod 000 "$T/ro/cases.db"
	limited --db "$T/ro/cases.db" list
	verdict "unreadable file" 3 "ipwiz: You have no access to the case database $T/ro/cases.db ("
	expect_in "$err" "ask its owner for access, or use --db PATH." "unreadable file"
	chmod -R u+rwX "$T/ro"
else
	echo "SKIP: permission cases (cannot run as another user)"
fi

# A full disk: a tiny tmpfs when we may mount one, else a file-size limit.
answer=$(awk 'BEGIN { while (n++ < 3000) printf "AAAAAAAAAAAAAAAAAAAA" }')
if mkdir -p "$T/mnt" && mount -t tmpfs -o size=512k,mode=700 tmpfs "$T/mnt" 2>/dev/null; then
	trap 'umount "$T/mnt" 2>/dev/null; rm -rf "$T"' EXIT
	cp "$good" "$T/mnt/cases.db"
	dd if=/dev/zero of="$T/mnt/filler" bs=4k 2>/dev/null
	try "$IPWIZ" --db "$T/mnt/new.db" list
	verdict "new database on a full disk" 3 "ipwiz: The disk holding $T/mnt/new.db is full, so nothing was saved; your earlier answers are safe. Free some space and try again."
	try "$IPWIZ" --db "$T/mnt/cases.db" set 1 complaint_number "$answer"
	verdict "answer on a full disk" 3 "ipwiz: The disk holding $T/mnt/cases.db is full, so nothing was saved; your earlier answers are safe. Free some space and try again."
	rm -f "$T/mnt/filler"
	run --db "$T/mnt/cases.db" set 1 complaint_number AB-3
	expect_rc 0 "an answer once space is back"
	[ "$(sqlite3 "$T/mnt/cases.db" 'PRAGMA integrity_check')" = ok ] || fail "full disk: integrity"
	mount -o remount,ro "$T/mnt"
	try "$IPWIZ" --db "$T/mnt/cases.db" set 1 complaint_number AB-4
	verdict "read-only file system" 3 "ipwiz: The case database $T/mnt/cases.db is on a read-only disk; remount it read-write, or copy the file somewhere you can write and use --db PATH."
	umount "$T/mnt"
else
	copy limited.db 600
	try sh -c 'trap "" XFSZ; ulimit -f 50; exec "$@"' sh "$IPWIZ" --db "$D/limited.db" \
		set 1 complaint_number "$answer"
	verdict "answer beyond the file-size limit" 3 "ipwiz: The disk holding $D/limited.db is full, so nothing was saved; your earlier answers are safe. Free some space and try again." \
		"src/store/store_sql.c:store_fail_db maps SQLITE_IOERR with errno EFBIG/ENOSPC to “disk I/O error … check the disk”, not to the full-disk sentence"
	[ "$(sqlite3 "$D/limited.db" 'PRAGMA integrity_check')" = ok ] || fail "file-size limit: integrity"
fi

# The good database was never touched by any of this.
[ "$(sqlite3 "$good" 'PRAGMA integrity_check')" = ok ] || fail "good.db: integrity"
run --db "$good" show 1
expect_in "$out" "AB-1" "the good database"
summary "database files"
