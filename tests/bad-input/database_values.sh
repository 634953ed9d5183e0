#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bad values in a good database: a member of a team sharing the database can
# write anything the schema allows with sqlite3. Every column every read
# command uses is set in turn to NULL, the largest and the smallest integer,
# an escape sequence and invalid UTF-8; every read command then runs. None
# may crash, hang or let a control character reach the terminal; a command
# that cannot use the data says so in a sentence (exit 1 or 3), never
# silently. A list whose stored count is a hundred million is walked no
# further than the flow allows.
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
sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null || fail "make-samples.sh"
cp "$T/ev/invoice.pdf" "$T/invoice.pdf"
run --db "$good" new core-test --batch
run --db "$good" set 1 complaint_number AB-1
run --db "$good" set 1 notice_date 2026-11-20
run --db "$good" set 1 products.1.url https://shop.example/1
run --db "$good" attach 1 invoice "$T/invoice.pdf"
run --db "$good" note 1 complaint_number "Check the number."
[ "$rc" -eq 0 ] || fail "cannot make the good database: $err"

# Each value class as an SQL literal.
NULL=NULL
HUGE=9223372036854775807
NEGATIVE=-9223372036854775808
# OSC 0 (set the window title) ended by BEL, then a CSI that clears the screen.
ESCAPE="x'1b5d303b6576696c071b5b324a'"
BAD_UTF8="x'ff61fe62c0'"

# bad DESCRIPTION COMMAND...: judge one read command on $D/bad.db. Allowed:
# exit 0, or 1/3 with a sentence (a report on stdout counts); never a hang,
# a crash or a control character on stdout or stderr (--json escapes them,
# so nothing raw). A case listed in KNOWN_DEFECTS ("WHAT|COMMAND|where")
# is reported, still fails on a hang or a crash, and fails once it passes.
bad() {
	what=$1
	shift
	defect=$(printf '%s\n' "$KNOWN_DEFECTS" | while IFS='|' read -r w c where; do
		[ "$w" = "$what" ] && [ "$c" = "$*" ] && printf '%s' "$where"
	done)
	rm -rf "$T/out"
	try "$IPWIZ" --db "$D/bad.db" "$@"
	printf '%s\n' "$out" >>"$T/stderr"
	ncases=$((ncases + 1))
	[ "${CATALOGUE_SHOW:-}" = 1 ] && printf 'CASE %s: %s: exit %s: %s\n' "$what" "$*" "$rc" "$err" >&2
	why=
	case $rc in
	0) ;;
	1 | 3) [ -n "$err$out" ] || why="exit $rc without a sentence" ;;
	124) why="hung (stopped after 10 s)" ;;
	*) why="exit $rc (a crash, or a status no read command has): $err" ;;
	esac
	has_control && why="${why:+$why; }a control character reached the terminal"
	if [ -z "$defect" ]; then
		[ -z "$why" ] || fail "$what: $*: $why"
	elif [ -z "$why" ]; then
		fail "$what: $*: the known defect is fixed ($defect): remove it from KNOWN_DEFECTS"
	elif [ "$rc" = 124 ] || [ "$rc" -ge 128 ]; then
		fail "$what: $*: $why"
	else
		ndefects=$((ndefects + 1))
		echo "KNOWN DEFECT $what: $*: $defect — now: $why" >&2
	fi
}

# every_read DESCRIPTION: every read command on $D/bad.db.
every_read() {
	bad "$1" list
	bad "$1" list --json
	bad "$1" show 1
	bad "$1" show 1 --json
	bad "$1" check 1
	bad "$1" history 1
	bad "$1" notes 1
	bad "$1" notes 1 --json
	bad "$1" export 1 --force --out "$T/out"
}

# column TABLE.COLUMN CLASS...: the column set to each class in turn. A
# value the schema refuses (NOT NULL) is no case.
column() {
	col=$1
	shift
	for class in "$@"; do
		eval "value=\$$class"
		cp "$good" "$D/bad.db"
		chmod 600 "$D/bad.db"
		sqlite3 "$D/bad.db" "UPDATE ${col%%.*} SET ${col#*.} = $value" 2>/dev/null || continue
		every_read "$col = $class"
	done
}

KNOWN_DEFECTS=""

numbers="NULL HUGE NEGATIVE"
texts="NULL ESCAPE BAD_UTF8"
for c in cases.created cases.updated answers.revision answers.updated answers.draft \
	evidence.size evidence.mtime evidence.checked_at evidence.position notes.created audit.at; do
	column "$c" $numbers
done
for c in cases.title cases.status cases.current_step cases.owner cases.lang cases.flow_hash \
	answers.value answers.actor evidence.path evidence.sha256 evidence.mime evidence.verdict \
	evidence.message evidence.message_key evidence.fix evidence.ext evidence.words notes.field notes.author \
	notes.text audit.actor audit.what audit.old_value audit.new_value; do
	column "$c" $texts
done

# A list count of a hundred million: walked only up to the flow's limit.
for count in 100000000 99999999999999999999 -5; do
	cp "$good" "$D/bad.db"
	sqlite3 "$D/bad.db" "UPDATE answers SET value = '$count' WHERE path = 'products'"
	every_read "the list count is $count"
done

# A flow id in the database is an id, never a path: a member of the team
# who sets it to a flow file of their own (absolute, or relative to where a
# colleague runs ipwiz) must not make the colleague run that flow.
sed 's/^title: .*/title: PLANTED FLOW/' "$IPWIZ_DATADIR/flows/core-test.yaml" >"$T/planted.yaml"
cp "$T/planted.yaml" "$T/planted"
for id in "$T/planted.yaml" planted.yaml ../planted "$T/planted"; do
	cp "$good" "$D/bad.db"
	sqlite3 "$D/bad.db" "UPDATE cases SET flow_id = '$id'"
	for cmd in "show 1" "list" "export 1 --force --out $T/out"; do
		(cd "$T" && exec timeout 10 "$IPWIZ" --db "$D/bad.db" $cmd) >"$T/stdout" 2>"$T/stderr"
		rc=$?
		out=$(cat "$T/stdout")
		err=$(cat "$T/stderr")
		case "$cmd" in
		list) verdict "flow id $id: $cmd" 0 "" ;;
		*) verdict "flow id $id: $cmd" 3 "which is not installed in $IPWIZ_DATADIR/flows." ;;
		esac
		expect_not_in "$out$err" "PLANTED FLOW" "flow id $id: $cmd"
		rm -rf "$T/out"
	done
done

summary "database values"
