#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every message a seller can see — the program's and the shipped flows' —
# is translated in every language of po/LINGUAS, the catalogues compile
# with format checks, and every source file that marks strings is listed in
# po/POTFILES.in (so no new file's messages slip past the translators).
. "$IPWIZ_SRCDIR/tests/cli/lib.sh"
command -v xgettext >/dev/null || { echo "gettext tools missing" >&2; exit 77; }

marked=$(cd "$IPWIZ_SRCDIR" && find src ui -name '*.c' | LC_ALL=C sort | xargs grep -l -E '(^|[^A-Za-z0-9_])N?_\("')
[ -n "$marked" ] || fail "no source file under src/ or ui/ marks a string: the search is broken"
for f in $marked; do
	grep -qx "$f" "$IPWIZ_SRCDIR/po/POTFILES.in" || fail "$f marks strings but is not in po/POTFILES.in"
done

"$IPWIZ_SRCDIR/tests/i18n/pot.sh" "$IPWIZ_SRCDIR" "$IPWIZ" "$T/ipwiz.pot" || fail "cannot build the template"
total=$(msgattrib --no-obsolete "$T/ipwiz.pot" | grep -c '^msgid ' || true)
[ "$total" -gt 100 ] || fail "only $total messages in the template"

for lang in $(grep -v '^#' "$IPWIZ_SRCDIR/po/LINGUAS"); do
	po="$IPWIZ_SRCDIR/po/$lang.po"
	msgfmt --check --statistics -o /dev/null "$po" 2>"$T/stats" || fail "$lang.po does not compile: $(cat "$T/stats")"
	# msgcmp: every msgid of the template must be translated in the catalogue.
	if ! msgcmp "$po" "$T/ipwiz.pot" >"$T/cmp" 2>&1; then
		missing=$(grep -c 'this message is untranslated\|this message is used but not defined' "$T/cmp" || true)
		fail "$lang.po lacks $missing of $total messages; run \`make update-po\` and translate them (first: $(grep -m1 -A1 'untranslated\|not defined' "$T/cmp" | tail -1))"
	fi
	fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
	[ "$fuzzy" -le 1 ] || fail "$lang.po has $((fuzzy - 1)) fuzzy translations to review"
done
finish
