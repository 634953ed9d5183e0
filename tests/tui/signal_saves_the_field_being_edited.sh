#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SIGTERM, SIGHUP and Ctrl-C (SIGINT) while typing: the field being edited
# is saved, the terminal is given back (its normal modes, the wizard's screen
# gone) and the exit status says which signal it was. Even an abort() gives
# the terminal back.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

start new core-test
wait_for "Complaint number"
type_text "AB-13"
wait_for "[AB-13"
kill -TERM "$(program_pid)"
wait_exit
[ "${rc:-}" = 143 ] || fail "SIGTERM: exit ${rc:-none}, expected 143"
[ "$tty" = sane ] || fail "SIGTERM left the terminal $tty"
expect_not_on_screen "Complaint number"
ipwiz show 1
case "$out" in
*AB-13*) ;;
*) fail "SIGTERM lost the field being edited: $out" ;;
esac

start open 1
wait_for "[AB-13"
keys End
type_text "4"
wait_for "[AB-134"
kill -HUP "$(program_pid)"
wait_exit
[ "${rc:-}" = 129 ] || fail "SIGHUP: exit ${rc:-none}, expected 129"
[ "$tty" = sane ] || fail "SIGHUP left the terminal $tty"
ipwiz show 1
case "$out" in
*AB-134*) ;;
*) fail "SIGHUP lost the field being edited: $out" ;;
esac

start open 1
wait_for "[AB-134"
type_text "5"
wait_for "[AB-1345"
keys C-c
wait_exit
[ "${rc:-}" = 130 ] || fail "Ctrl-C: exit ${rc:-none}, expected 130"
[ "$tty" = sane ] || fail "Ctrl-C left the terminal $tty"
expect_not_on_screen "Complaint number"
ipwiz show 1
case "$out" in
*AB-1345*) ;;
*) fail "Ctrl-C lost the field being edited: $out" ;;
esac

start open 1
wait_for "[AB-1345"
kill -ABRT "$(program_pid)"
wait_exit
[ "${rc:-}" = 134 ] || fail "abort: exit ${rc:-none}, expected 134"
[ "$tty" = sane ] || fail "abort left the terminal $tty"
expect_not_on_screen "Complaint number"
finish
