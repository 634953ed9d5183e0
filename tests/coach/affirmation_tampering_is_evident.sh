#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A team member who edits an affirmed answer with sqlite3 and recomputes
# the fingerprint no longer gets the owner's signature on it: the
# affirmation carries a seal (HMAC-SHA256) made with a key only the owner
# has (~/.config/ipwiz/affirm.key, 0600 in a 0700 folder). The owner's
# show, check and export say whether it holds ("signed by li and
# unchanged" / "changed after li affirmed it"); anybody else is told they
# cannot verify it; a removed seal is simply no affirmation.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"
command -v sqlite3 >/dev/null && command -v xxd >/dev/null || {
	echo "SKIP: sqlite3 and xxd are needed" >&2
	exit 77
}

sh "$IPWIZ_SRCDIR/tests/fixtures/evidence/make-samples.sh" "$T/ev" >/dev/null 2>&1 ||
	fail "make-samples.sh"
chmod 755 "$T/ev"
chmod 644 "$T/ev/invoice.pdf"

run init-shared "$T/team" --group "$team"
expect_rc 0 "init-shared"
db="$T/team/cases.db"
as "$merchant" --db "$db" new core-test --batch
id=$out
cat >"$T/answers.yaml" <<'YAML'
complaint_number: AB-77
notice_date: 2026-11-20
ip_type: trademark
grounds: [genuine]
products:
  - {url: "https://shop.example/1"}
truth: yes
truth.name: Li Wei
YAML
chmod 644 "$T/answers.yaml"
as "$merchant" --db "$db" fill "$id" "$T/answers.yaml"
expect_rc 0 "the merchant fills and affirms"
as "$merchant" --db "$db" attach "$id" invoice "$T/ev/invoice.pdf"
expect_rc 0 "attach"

# The key: the merchant's own, private, made on the first affirmation.
key="$T/home-$merchant/.config/ipwiz/affirm.key"
[ "$(stat -c '%a %U' "$key" 2>/dev/null)" = "600 $merchant" ] ||
	fail "the affirmation key is $(stat -c '%a %U' "$key" 2>&1)"
[ "$(stat -c '%a' "$(dirname "$key")" 2>/dev/null)" = 700 ] || fail "the key's folder is not 0700"

as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: signed by $merchant and unchanged."
as "$merchant" --db "$db" export "$id" --out "$T/home-$merchant/pkg1"
expect_rc 0 "the owner exports the affirmed case"
expect_in "$out" "Truthfulness statement: signed by $merchant and unchanged."
as "$coach" --db "$db" show "$id"
expect_in "$out" "Affirmation: cannot be verified by you: only $merchant can check $merchant's signature."
as "$coach" --db "$db" check "$id"
expect_in "$out" "Truthfulness statement: cannot be verified by you: only $merchant can check $merchant's signature."

# fingerprint: what ipwiz records over the answers the statement covers
# (every answer but the declaration's own): path NUL value NUL, by path.
fingerprint() {
	sqlite3 "$db" "SELECT group_concat(hex(path) || '00' || hex(value) || '00', '') FROM
		(SELECT path, value FROM answers WHERE case_id = $id AND value IS NOT NULL
		 AND path != 'truth' AND path NOT LIKE 'truth.%' ORDER BY path)" |
		xxd -r -p | sha256sum | cut -d' ' -f1
}
# as_sql SQL: run SQL on the shared database as the coach (a group member).
as_sql() {
	runuser -u "$coach" -- sqlite3 "$db" "$1" || fail "sqlite3 as the coach: $1"
}
[ "$(fingerprint)" = "$(sqlite3 "$db" "SELECT value FROM answers WHERE case_id = $id AND path = 'truth.fingerprint'")" ] ||
	fail "the test's fingerprint is not ipwiz's: the rest of this test would prove nothing"

# The coach changes an affirmed answer behind ipwiz and recomputes the
# fingerprint: the affirmation is not stale, but the seal no longer fits.
as_sql "UPDATE answers SET value = 'AB-99' WHERE case_id = $id AND path = 'complaint_number'"
as_sql "UPDATE answers SET value = '$(fingerprint)' WHERE case_id = $id AND path = 'truth.fingerprint'"
as "$merchant" --db "$db" show "$id" --json
expect_not_in "$out" "changed after it was affirmed; read it again" "the recomputed fingerprint"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: changed after $merchant affirmed it."
as "$merchant" --db "$db" export "$id" --out "$T/home-$merchant/pkg2"
expect_rc 1 "export of a tampered affirmation"
expect_in "$err" "changed after $merchant affirmed it"
[ -e "$T/home-$merchant/pkg2" ] && fail "a tampered affirmation was exported"
as "$merchant" --db "$db" export "$id" --out "$T/home-$merchant/pkg3" --force
expect_rc 1 "export --force of a tampered affirmation"
[ -e "$T/home-$merchant/pkg3" ] && fail "a tampered affirmation was exported with --force"
as "$coach" --db "$db" show "$id"
expect_in "$out" "Affirmation: cannot be verified by you: only $merchant can check $merchant's signature."

# The merchant reads it again and affirms: sealed anew.
as "$merchant" --db "$db" set "$id" truth yes
expect_rc 0 "the merchant affirms again"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: signed by $merchant and unchanged."

# The signature name changed behind ipwiz: evident as well.
as_sql "UPDATE answers SET value = 'Somebody Else' WHERE case_id = $id AND path = 'truth.name'"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: changed after $merchant affirmed it."
as "$merchant" --db "$db" set "$id" truth.name "Li Wei"
expect_rc 0 "the merchant signs again"

# The seal removed: no affirmation at all, so no export.
as_sql "DELETE FROM answers WHERE case_id = $id AND path = 'truth.seal'"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "This statement has no seal of its affirmation (made by an earlier ipwiz, or removed); read it again and affirm it."
as "$merchant" --db "$db" export "$id" --out "$T/home-$merchant/pkg4"
expect_rc 1 "export without a seal"

# The key gone (another computer, a new home): the owner is told, not fooled.
as "$merchant" --db "$db" set "$id" truth yes
expect_rc 0 "affirmed again"
mv "$key" "$key.away"
as "$merchant" --db "$db" show "$id"
expect_in "$out" "Affirmation: cannot be verified: your affirmation key $key is missing or unreadable."
mv "$key.away" "$key"

# A key others may read could sign in the owner's name: not used.
chmod 644 "$key"
as "$merchant" --db "$db" set "$id" complaint_number AB-78
as "$merchant" --db "$db" set "$id" truth yes
expect_rc 3 "affirming with a key others may read"
expect_in "$err" "Your affirmation key $key can be read by other users"
chmod 600 "$key"
finish
