#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# valgrind memcheck over a walk through the command line: a case started,
# filled from a file, answered, given evidence (good and rejected), checked,
# shown, listed, its history read, exported; a flow linted; the plain line
# mode walked by a here-document; and some of the catalogue's bad inputs.
# No invalid read or write, no use of uninitialised memory, no definite or
# indirect leak, in any process.
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
. "$IPWIZ_SRCDIR/tests/valgrind/lib.sh"
IPWIZ=$(vg_wrapper)

sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null ||
	fail "make-samples.sh"

# step WANT_RC ARGS...: one command under valgrind, its status, its logs.
step() {
	want=$1
	shift
	run "$@"
	[ "$rc" -eq "$want" ] || fail "ipwiz $*: exit $rc, expected $want (stderr: $err)"
	vg_verdict "ipwiz $*"
}

step 0 new core-test --batch --title "Valgrind 检查"
id=$out
cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: patent
patent_number: ZL 2020 1 0000000.0
email: li@example.com
pieces: 25
grounds: [genuine, authorised]
products:
  - {url: "https://shop.example/1", note: 第一个}
  - {url: "https://shop.example/2"}
truth: yes
truth.name: 李伟
YAML
step 0 set "$id" complaint_number AB-78
step 0 fill "$id" "$T/answers.yaml"
step 1 set "$id" notice_date 2026-13-01
step 0 attach "$id" invoice "$T/ev/invoice.pdf" "$T/ev/photo.jpg"
step 1 attach "$id" invoice "$T/ev/program.pdf"
step 0 attach "$id" invoice --remove "$T/ev/program.pdf"
step 1 check --flow core-test --field invoice "$T/ev/truncated.pdf" "$T/ev/letter.docx" \
	"$T/ev/fifo.pdf" "$T/ev/empty.pdf"
step 0 check "$id"
step 0 show "$id" --json
step 0 list
step 0 history "$id"
step 0 export "$id" --out "$T/export" --zip
step 0 lint "$IPWIZ_SRCDIR/tests/fixtures/flows/core-test.yaml"

# Bad inputs take the error paths, where leaks hide.
printf 'id: x\nsteps: []\ntitel: y\n' >"$T/bad-flow.yaml"
step 1 lint "$T/bad-flow.yaml"
printf 'complaint_number: [unterminated\n' >"$T/bad-answers.yaml"
step 1 fill "$id" "$T/bad-answers.yaml"
step 2 show 999
printf 'not a database\n' >"$T/junk.db"
chmod 600 "$T/junk.db"
step 3 --db "$T/junk.db" list

# The plain line mode, a question per line, until the input ends.
printf '%s\n' AB-12 2026-11-20 2 P-77 '' 25 1 |
	"$IPWIZ" --plain new core-test >"$T/plain.out" 2>"$T/plain.err"
rc=$?
[ "$rc" -eq 0 ] || fail "plain walk: exit $rc: $(cat "$T/plain.err")"
grep -q "Pieces bought" "$T/plain.out" || fail "plain walk did not get to the pieces"
vg_verdict "plain walk"
finish
