#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Database trouble is exit status 3 with a sentence saying what to do:
# a world-readable file, another program's or a newer ipwiz's database, and
# a database another program keeps locked past the busy timeout.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"

db="$T/cases.db"
run --db "$db" new core-test --batch
expect_rc 0 "new"
id=$out
[ "$(stat -c %a "$db")" = 600 ] || fail "new database is not 0600: $(stat -c %a "$db")"

chmod 644 "$db"
run --db "$db" set "$id" complaint_number AB-1
expect_rc 3 "world-readable"
expect_in "$err" "chmod 600 $db"
chmod 600 "$db"

sqlite3 "$T/photos.db" 'CREATE TABLE photos (id INTEGER);'
chmod 600 "$T/photos.db"
run --db "$T/photos.db" list
expect_rc 3 "another program's database"
expect_in "$err" "not an ipwiz case database"

cp "$db" "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version = 99;' >/dev/null
run --db "$T/newer.db" list
expect_rc 3 "newer database"
expect_in "$err" "newer ipwiz"
[ "$(sqlite3 "$T/newer.db" 'PRAGMA user_version')" = 99 ] || fail "newer database was changed"

# Hold the write lock from another program for longer than the timeout.
python3 - "$db" "$T/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
for _ in range(600):  # until the test says "release" (at most a minute)
    if os.path.exists(sys.argv[2] + ".release"):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
holder=$!
poll 10 exists "$T/locked" || fail "the lock holder did not start"
export IPWIZ_BUSY_SECONDS=1
run --db "$db" set "$id" complaint_number AB-2
unset IPWIZ_BUSY_SECONDS
expect_rc 3 "locked"
expect_in "$err" "in use by another program"
expect_in "$err" "locked for 1 second)"
expect_in "$err" "try again in a moment"
: >"$T/locked.release"
wait "$holder"
run --db "$db" set "$id" complaint_number AB-2
expect_rc 0 "after the lock is gone"

finish
