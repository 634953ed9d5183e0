#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A seller who reads Indonesian: with --lang id the wizard's own words (step
# count, key hints, messages) and the flow's words (titles, questions) are
# Indonesian at 80×24; reopened, the wizard follows the user's language
# (LANGUAGE), not the case's.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

cp "$IPWIZ_SRCDIR/data/flows/alibaba-counter-notice.yaml" "$T/data/flows/"
start --lang id new alibaba-counter-notice
wait_for "Di situs mana pengaduannya?"
expect_on_screen "Akun Anda"
expect_on_screen "langkah 1 dari"
expect_on_screen "berikutnya"
expect_on_screen "bantuan"
expect_not_on_screen "Which site"
expect_not_on_screen "next step"
keys F5
wait_for "Sebelum Anda mengirim"
expect_on_screen "Jawaban ini wajib."
keys q
wait_exit
[ "${rc:-}" = 0 ] || fail "the wizard exited with ${rc:-?}"

# Reopened without --lang, the wizard speaks the user's language (here
# English): only the case's documents keep the language it was started in.
start open 1
wait_for "Which site is the complaint on?"
expect_on_screen "step 1 of"
keys q
wait_exit
# A user whose language is Indonesian (LANGUAGE=id) reads it in Indonesian.
TUI_ENV="LANGUAGE=id" start open 1
wait_for "Di situs mana pengaduannya?"
expect_on_screen "langkah 1 dari"
keys q
wait_exit
finish
