#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz init-shared DIR --group GROUP` (run as root, as an administrator
# would) changes only what it says it changed: a new folder is made with
# mkdir, an existing empty one is given to the group and said so; a folder
# that already holds a database, one with files in it, a file and a
# symbolic link (DIR -> a system folder) are refused before anything is
# touched, and then "nothing was changed" is true.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

other=ipwx$tag
groupadd "$other" || exit 99
cleanup_more() {
	groupdel "$other" >/dev/null 2>&1
	cleanup_all
}
trap cleanup_more EXIT

# state PATH: its mode and group, as stat prints them.
state() { stat -c '%a %G' "$1"; }

# A new folder: made, said so.
run init-shared "$T/team" --group "$team"
expect_rc 0 "init-shared of a new folder"
expect_in "$out" "Made the folder $T/team (group $team, mode 2770)."
expect_in "$out" "Made the shared database $T/team/cases.db (group $team, mode 0660)."
[ "$(state "$T/team")" = "2770 $team" ] || fail "new folder: $(state "$T/team")"
[ "$(state "$T/team/cases.db")" = "660 $team" ] || fail "new database: $(state "$T/team/cases.db")"
as "$merchant" --db "$T/team/cases.db" new core-test --batch
expect_rc 0 "a member starts a case in the new shared database"

# Again, with another group: the team keeps its folder (before, the group
# was changed and then "nothing was changed" said).
run init-shared "$T/team" --group "$other"
expect_rc 1 "init-shared with another group over a shared database"
expect_in "$err" "ipwiz: $T/team already holds a case database ($T/team/cases.db, group $team); nothing was changed."
[ "$(state "$T/team")" = "2770 $team" ] || fail "the shared folder became $(state "$T/team")"
as "$merchant" --db "$T/team/cases.db" list
expect_rc 0 "the team still opens its database"
run init-shared "$T/team" --group "$team"
expect_rc 1 "init-shared twice"
expect_in "$err" "already holds a case database"

# An existing empty folder: given to the group, and said what changed.
mkdir -m 755 "$T/empty"
was=$(stat -c %G "$T/empty")
run init-shared "$T/empty" --group "$team"
expect_rc 0 "init-shared of an existing empty folder"
expect_in "$out" "Gave the folder $T/empty to the group $team (it was $was's) and set its mode to 2770 (it was 0755)."
expect_not_in "$out" "Made the folder"
[ "$(state "$T/empty")" = "2770 $team" ] || fail "existing folder: $(state "$T/empty")"

# An existing folder with files in it: refused, untouched.
mkdir -m 755 "$T/full"
echo private >"$T/full/notes.txt"
run init-shared "$T/full" --group "$team"
expect_rc 1 "init-shared of a folder with files"
expect_in "$err" "ipwiz: $T/full is not empty; init-shared makes the team's folder from a new or an empty one, so that no file already in it is shared by surprise. Nothing was changed."
[ "$(state "$T/full")" = "755 $was" ] || fail "a folder with files became $(state "$T/full")"

# DIR a symbolic link to a system folder: refused, the target untouched
# (before, root chmod'ed the target 2770).
mkdir -m 755 "$T/etc"
ln -s "$T/etc" "$T/link"
run init-shared "$T/link" --group "$team"
expect_rc 1 "init-shared of a symbolic link"
expect_in "$err" "ipwiz: $T/link is a symbolic link; init-shared makes the team's folder only by its real name. Nothing was changed."
[ "$(state "$T/etc")" = "755 $was" ] || fail "the link's target became $(state "$T/etc")"
[ -e "$T/etc/cases.db" ] && fail "a database was made through the link"

# DIR a file: refused.
echo x >"$T/file"
run init-shared "$T/file" --group "$team"
expect_rc 1 "init-shared of a file"
expect_in "$err" "ipwiz: $T/file exists and is not a directory; nothing was changed."
finish
