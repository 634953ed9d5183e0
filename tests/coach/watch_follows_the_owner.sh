#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `ipwiz watch` follows the case's owner when the owner is here, even when
# another editor's name sorts first; `--follow USER` follows that person
# instead; when the person followed leaves, the status line says so and
# the watcher follows the next one.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

team_case "Shop"
# The coach's name sorts before the merchant's, who owns the case.
[ "$coach" \< "$merchant" ] || fail "the test wants the coach's name to sort first"

tstart m "$merchant" --db "$db" open "$id"
tstart c "$coach" --db "$db" open "$id"
twait m "Complaint number"
twait c "Complaint number"
# The owner stays on step 1; the coach goes on to step 3.
tkeys c PgDn
twait c "step 2 of 3"
tkeys c PgDn
twait c "step 3 of 3"
twait m "$coach — editing, step 3" 7

# By default the watcher follows the owner, not the first name.
tstart w "$coach" --db "$db" watch "$id"
twait w "Following $merchant." 7
twait w "step 1 of 3"
tnever w "step 3 of 3" 2
# --follow picks the person.
tstart f "$coach" --db "$db" watch "$id" --follow "$coach"
twait f "Following $coach." 7
twait f "step 3 of 3"
tnever f "step 1 of 3" 2

# The owner moves: the watcher follows; the other still follows the coach.
tkeys m PgDn
twait w "step 2 of 3" 3
tnever f "step 2 of 3" 1
# The owner leaves: the watcher says so and follows the next one.
tkeys m F10
twait w "$merchant left the case; following $coach now." 7
twait w "step 3 of 3" 3
finish
