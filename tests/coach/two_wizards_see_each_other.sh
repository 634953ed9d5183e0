#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A merchant and a coach, two real Unix users, in two wizards on one shared
# database: each header names the other and what they do; an answer the
# merchant saves shows on the coach's screen within a second; an answer the
# coach is typing is not overwritten — saving it asks whose answer to keep,
# and the coach is not told "it is shown" when nothing on screen changed;
# merely opening the case or moving is not announced as a change;
# the coach cannot affirm the declaration; watch mode follows the merchant
# and shows as "watching" on the merchant's screen.
. "$IPWIZ_SRCDIR/tests/coach/lib.sh"

team_case "Shop 深圳"

tstart m "$merchant" --db "$db" open "$id"
tstart c "$coach" --db "$db" open "$id"
twait m "Complaint number"
twait c "Complaint number"
# Presence, both ways.
twait m "also here: $coach — editing, step 1"
twait c "also here: $merchant — editing, step 1"
# Opening the case or moving between fields is not a change to the answers.
tnever c "Someone else on this case saved a change"
tnever m "Someone else on this case saved a change"

# The coach moves to the e-mail field; the merchant answers the complaint number.
tkeys c Tab Tab Tab Tab
tkeys m "AB-12" Tab
twait m "saved"
twait c "[AB-12" 2
echo "the merchant's answer showed on the coach's screen after ${waited} ms" >&2
# It shows, and the coach is told so.
twait c "Someone else on this case saved a change; it is shown." 1

# Both edit the date: the coach is typing when the merchant saves; the
# coach's text stays under the cursor, and leaving the field asks whose to keep.
tkeys c BTab BTab BTab
twait c "▸ Date you received"
tkeys c "2026-11-21"
tkeys m "2026-11-20" Tab
twait m "[2026-11-20"
# Nothing on the coach's screen changed (the field keeps the coach's own
# text), so nothing says "it is shown"; leaving the field asks.
tnever c "Someone else on this case saved a change" 2
expect_in "$(tscreen c)" "[2026-11-21" "the coach's own typing after the merchant's save"
tkeys c Tab
twait c "changed this answer to “2026-11-20” meanwhile. Keep yours?"
expect_in "$(tscreen c)" "$merchant changed this answer"
tkeys c n
twait c "Their answer was taken."
as "$merchant" --db "$db" show "$id" --json
expect_in "$out" '"notice_date":"2026-11-20"'

# The coach cannot affirm the declaration for the merchant.
as "$coach" --db "$db" set "$id" truth yes
expect_rc 1 "coach affirms"

# Watching: the coach leaves and watches; the merchant sees it, and the
# watcher follows the merchant to the next step.
tkeys c F10
tgone m "$coach — editing"
$TMUX_COACH kill-session -t c
tstart w "$coach" --db "$db" watch "$id"
twait w "also here: $merchant — editing"
twait m "also here: $coach — watching" 7
tkeys m PgDn
twait w "step 2 of 3"
tkeys w x
twait w "Watching only: nothing can be changed here."
finish
