#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A bad environment: HOME and XDG_DATA_HOME unset, relative or unusable,
# IPWIZ_DB and IPWIZ_DATADIR pointing nowhere, locales that are not
# installed, absurd TERM, TZ and COLUMNS. Commands either work or say which
# variable to fix; none of this may crash or hang.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/bad-input/lib/verdict.sh"

run new core-test --batch
[ "$rc" -eq 0 ] || fail "cannot start a case: $err"
CASE=$out

# HOME and XDG_DATA_HOME unset: the passwd entry's home is used. Only for a
# user whose home ipwiz cannot write (nobody), so no real home is touched.
if [ "$(id -u)" -eq 0 ] && setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
	chmod 711 "$T"
	home=$(getent passwd nobody | cut -d: -f6)
	if [ ! -w "$home" ]; then
		try env -u HOME -u XDG_DATA_HOME setpriv --reuid=nobody --regid=nogroup --clear-groups "$IPWIZ" list
		verdict "HOME and XDG_DATA_HOME unset, home not writable" 3 "ipwiz: Cannot create the directory $home for the case database: Permission denied. To keep cases elsewhere, set XDG_DATA_HOME (or HOME) to a folder you can write, or use --db PATH."
	fi
else
	echo "SKIP: HOME unset (would use the real home of $(id -un))"
fi

try env -u HOME -u XDG_DATA_HOME IPWIZ_DB="$T/env.db" "$IPWIZ" list
verdict "HOME unset, IPWIZ_DB set" 0 ""
expect_in "$out" "No cases yet." "list with IPWIZ_DB and no HOME"
[ -f "$T/env.db" ] || fail "IPWIZ_DB was not used"

try env HOME= XDG_DATA_HOME= IPWIZ_DB="$T/env.db" "$IPWIZ" list
verdict "HOME empty, IPWIZ_DB set" 0 ""

try env XDG_DATA_HOME=relative/dir "$IPWIZ" show "$CASE"
verdict "XDG_DATA_HOME relative (ignored, as the XDG spec says)" 0 ""
expect_in "$out" "Case $CASE: Core test flow" "show with a relative XDG_DATA_HOME"
[ -e relative ] && fail "a relative XDG_DATA_HOME made a directory here"

try env XDG_DATA_HOME=/proc/self "$IPWIZ" list
verdict "XDG_DATA_HOME unusable (/proc/self)" 3 "ipwiz: Cannot create the directory /proc/self/ipwiz for the case database: No such file or directory. To keep cases elsewhere, set XDG_DATA_HOME (or HOME) to a folder you can write, or use --db PATH."

: >"$T/afile"
try env XDG_DATA_HOME="$T/afile" "$IPWIZ" list
verdict "XDG_DATA_HOME is a file" 3 "ipwiz: Cannot open the case database $T/afile/ipwiz/cases.db: Not a directory. To keep cases elsewhere, set XDG_DATA_HOME (or HOME) to a folder you can write, or use --db PATH."

try env IPWIZ_DB="$T/new-by-env.db" "$IPWIZ" new core-test --batch
verdict "IPWIZ_DB names a new file" 0 ""
[ -f "$T/new-by-env.db" ] || fail "IPWIZ_DB did not create the database"

try env IPWIZ_DB="$T" "$IPWIZ" list
verdict "IPWIZ_DB names a directory" 3 "ipwiz: $T is not a file; pick the case database with --db PATH."

try env IPWIZ_DB="$T/a/b/c.db" "$IPWIZ" list
verdict "IPWIZ_DB in missing directories" 3 "ipwiz: Cannot create the directory $T/a/b for the case database: No such file or directory. Create $T/a first, or pick another place with --db PATH."

try env IPWIZ_DATADIR="$T/nowhere" "$IPWIZ" flows
verdict "IPWIZ_DATADIR missing: flows" 3 "ipwiz: Cannot read the flows directory $T/nowhere/flows (No such file or directory); check IPWIZ_DATADIR, or reinstall ipwiz."

try env IPWIZ_DATADIR="$T/nowhere" "$IPWIZ" new core-test --batch
verdict "IPWIZ_DATADIR missing: new" 2 "ipwiz: There is no flow called “core-test”; \`ipwiz flows\` lists the installed ones."

mkdir -p "$T/emptydata/flows"
try env IPWIZ_DATADIR="$T/emptydata" "$IPWIZ" flows
verdict "no flow installed" 0 "No flows are installed in $T/emptydata/flows."

mkdir -p "$T/baddata/flows"
cp "$IPWIZ_DATADIR/flows/core-test.yaml" "$T/baddata/flows/"
printf 'id: [\n' >"$T/baddata/flows/broken.yaml"
try env IPWIZ_DATADIR="$T/baddata" "$IPWIZ" flows
verdict "a broken flow among the installed ones" 0 ""
expect_in "$out" "core-test" "flows next to a broken one"
try env IPWIZ_DATADIR="$T/baddata" "$IPWIZ" new broken --batch
verdict "starting a broken installed flow" 1 "ipwiz: $T/baddata/flows/broken.yaml:2:1: "
expect_in "$err" "This installed flow is damaged: reinstall ipwiz, or tell the flow's author." "a broken installed flow"

# A case whose flow is no longer installed (removed, or IPWIZ_DATADIR
# changed): the answers are still in the database.
mkdir -p "$T/otherdata/flows"
try env IPWIZ_DATADIR="$T/otherdata" "$IPWIZ" show "$CASE"
verdict "show a case whose flow is not installed" 3 "ipwiz: Case #$CASE was made with the flow “core-test”, which is not installed in $T/otherdata/flows. Reinstall ipwiz (or set IPWIZ_DATADIR to where the flow is) to work on it; its answers are kept, and \`ipwiz history $CASE\` lists them."

try env LANG=xx_YY.UTF-8 LC_ALL= "$IPWIZ" show x
verdict "LANG names no installed locale" 2 "ipwiz: “x” is not a case number; \`ipwiz list\` shows them."

# A Chinese seller's LANG on a host without the zh_CN locale (common over
# SSH): the translations are there (--lang zh_CN shows them), so LANG should
# reach them too, as LANGUAGE does.
try "$IPWIZ" --lang zh_CN show x
zh=$err
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' && [ "$zh" != "$(LANG=C.UTF-8 "$IPWIZ" show x 2>&1)" ]; then
	try env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$IPWIZ" show x
	verdict "LANG=zh_CN.UTF-8 without the zh_CN locale installed" 2 "$zh"
fi

try env LANG= LC_ALL= LANGUAGE= "$IPWIZ" show x
verdict "LANG empty" 2 "is not a case number; \`ipwiz list\` shows them."

try env LC_ALL=C "$IPWIZ" show "$CASE"
verdict "LC_ALL=C with Chinese answers" 0 ""

try "$IPWIZ" --lang xx show x
verdict "--lang with a language ipwiz does not have" 2 "ipwiz: there is no language “xx”; use en, zh_CN or id."

try env TZ=Nowhere/Bogus "$IPWIZ" history "$CASE"
verdict "TZ names no zone" 0 ""
expect_in "$out" "case created" "history with a bogus TZ"

try env TERM="$(printf 'x\033[2Jy')" "$IPWIZ" list
verdict "TERM with an escape sequence (commands do not use it)" 0 ""

for c in 0 -5 99999999999 abc; do
	try env COLUMNS="$c" LINES="$c" "$IPWIZ" list
	verdict "COLUMNS=$c LINES=$c" 0 ""
	expect_in "$out" "Core test flow" "list with COLUMNS=$c"
done

try env TMPDIR="$T/nowhere" XDG_CONFIG_HOME=/proc/self "$IPWIZ" show "$CASE"
verdict "TMPDIR and XDG_CONFIG_HOME unusable" 0 ""

# stdout that cannot take the output: a full disk (/dev/full) or a closed
# stdout. The command's result is lost, so it fails with exit 3 and says so.
run set "$CASE" complaint_number AB-1
for cmd in "show $CASE --json" "show $CASE" "history $CASE" "list" "--help"; do
	try sh -c 'exec "$@" >/dev/full' sh "$IPWIZ" $cmd
	verdict "$cmd >/dev/full" 3 "ipwiz: The output could not be written (No space left on device), so it is incomplete."
done
try sh -c 'exec "$@" >&-' sh "$IPWIZ" show "$CASE" --json
verdict "show --json with stdout closed" 3 "ipwiz: The output could not be written (Bad file descriptor), so it is incomplete."
try sh -c 'exec "$@" >/dev/full' sh "$IPWIZ" lint --pot "$IPWIZ_DATADIR/flows/core-test.yaml"
verdict "lint --pot >/dev/full" 3 "ipwiz: The output could not be written"

# IPWIZ_DB naming SQLite's in-memory database: refused, and no file of that
# name is left behind (a case "created" there would be lost at exit).
mkdir -p "$T/mem"
try sh -c 'cd "$1" && shift && exec "$@"' sh "$T/mem" env IPWIZ_DB=:memory: "$IPWIZ" new core-test --batch
verdict "IPWIZ_DB=:memory:" 2 "ipwiz: “:memory:” is not the name of a database file"
[ -z "$(ls -A "$T/mem")" ] || fail "IPWIZ_DB=:memory: left a file behind: $(ls -A "$T/mem")"

summary "environment"
