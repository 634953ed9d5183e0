#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The terminal matrix: TERM = xterm-256color, screen-256color, tmux-256color,
# linux, vt100, dumb and unset, each with LANG = C.UTF-8, zh_CN.UTF-8 (when
# the locale is installed or localedef can make it) and C. A TERM this host describes shows the
# wizard's first screen; dumb, unset or undescribed shows the plain line
# mode; none shows escape sequences as text, U+FFFD, or (with LANG=C) bytes
# outside ASCII; C-x or end of input leaves with status 0 and the terminal
# as it was. Then a window too small and resized through absurd sizes, no
# terminal at all, and a dumb one in a pty.
. "$IPWIZ_SRCDIR/tests/tui/libtest.sh"

cp "$IPWIZ_SRCDIR/tests/crash/many-answers.yaml" "$IPWIZ_DATADIR/flows/"
# zh_CN.UTF-8 when the host has it, or when localedef can make it in $T.
zh_ok() { [ "$(LC_ALL=zh_CN.UTF-8 locale charmap 2>/dev/null)" = UTF-8 ]; }
if ! zh_ok && command -v localedef >/dev/null && mkdir -p "$T/locale" &&
	localedef -i zh_CN -f UTF-8 "$T/locale/zh_CN.UTF-8" >/dev/null 2>&1; then
	export LOCPATH="$T/locale"
fi
langs="C.UTF-8 C"
zh_ok && langs="C.UTF-8 zh_CN.UTF-8 C"
ESC=$(printf '\033')

# garbage WHAT: fail if the screen shows what a terminal should have eaten.
garbage() {
	s=$(screen)
	case "$s" in
	*"$ESC"* | *'^['* | *'[?1049'* | *'[0m'* | *'�'*)
		fail "$1: escape sequences or U+FFFD on the screen"
		printf '%s\n' "$s" >&2
		;;
	esac
	if [ "$lang" = C ] && printf '%s' "$s" | LC_ALL=C grep -q '[^ -~]'; then
		fail "$1: bytes outside ASCII on a LANG=C screen"
		printf '%s\n' "$s" | LC_ALL=C grep -n '[^ -~]' | head -n 3 >&2
	fi
}

n=0
for term in xterm-256color screen-256color tmux-256color linux vt100 dumb unset; do
	full=yes
	case $term in
	dumb | unset) full=no ;;
	*) infocmp "$term" >/dev/null 2>&1 || full=no ;;
	esac
	for lang in $langs; do
		what="TERM=$term LANG=$lang"
		n=$((n + 1))
		if [ "$term" = unset ]; then
			# libtest exports TERM=$TUI_TERM; unset it again before ipwiz runs
			TUI_TERM="dumb; unset TERM" TUI_ENV="LANG=$lang${LOCPATH:+ LOCPATH=$LOCPATH}" start new many-answers
		else
			TUI_TERM=$term TUI_ENV="LANG=$lang${LOCPATH:+ LOCPATH=$LOCPATH}" start new many-answers
		fi
		# The flow of tests/crash/many-answers.yaml has no translation, so
		# its words ("Many answers", "Name of the test shop") show in every language;
		# the wizard's title bar starts " ipwiz · #" (" ipwiz - #" in ASCII).
		wait_for "Name of the test shop" || continue
		top=$(screen | head -n 1)
		if [ $full = yes ]; then
			case "$top" in
			" ipwiz · #"*"Many answers"* | " ipwiz - #"*"Many answers"*) ;;
			*) fail "$what: not the wizard's first screen (top line: $top)" ;;
			esac
			garbage "$what"
			keys C-x
		else
			case "$top" in
			" ipwiz "*) fail "$what: the full-screen wizard on a terminal that cannot show it" ;;
			esac
			expect_on_screen "Many answers"
			garbage "$what"
			keys C-d
		fi
		wait_exit || continue
		[ "$rc" = 0 ] || fail "$what: exit $rc"
		case $term in
		xterm-256color | screen-256color | tmux-256color)
			[ $full = yes ] && case "$(screen)" in
			*"Name of the test shop"*) fail "$what: the wizard is still on the screen after it quit" ;;
			esac
			;;
		esac
		garbage "$what, after quitting"
	done
done

# Too small a window, then dragged through absurd sizes: a sentence saying
# how large it must be, then the wizard again, and a clean exit.
n=$((n + 1))
lang=C.UTF-8
COLS=20 ROWS=5
TUI_TERM=xterm-256color TUI_ENV="LANG=C.UTF-8" start new core-test
COLS=80 ROWS=24
if wait_for "Please make this"; then
	garbage "a 20x5 window"
	for size in "1 1" "2 2" "300 100" "10 3" "40 12" "80 24"; do
		# shellcheck disable=SC2086
		resize $size
		sleep 0.1
	done
	wait_for "step 1 of 3" && garbage "after the resizes"
	keys C-x
	wait_exit && { [ "$rc" = 0 ] || fail "after the resizes: exit $rc"; }
fi

# No terminal at all: the plain line mode on pipes, whatever TERM says.
for term in xterm-256color dumb; do
	n=$((n + 1))
	TERM=$term "$IPWIZ" new core-test </dev/null >"$T/pipe.out" 2>"$T/pipe.err"
	rc=$?
	[ "$rc" = 0 ] || fail "no tty, TERM=$term: exit $rc: $(cat "$T/pipe.err")"
	grep -q "Complaint number (required)" "$T/pipe.out" || fail "no tty, TERM=$term: no plain question"
	if LC_ALL=C grep -q "$ESC" "$T/pipe.out" "$T/pipe.err"; then
		fail "no tty, TERM=$term: escape sequences written to a pipe"
	fi
done

# A dumb terminal in a pty: the raw bytes, which tmux would hide, carry no
# escape sequence either.
if command -v script >/dev/null 2>&1; then
	n=$((n + 1))
	printf 'AB-1\n' | TERM=dumb timeout 10 script -q -e -c "\"$IPWIZ\" new core-test" "$T/typescript" >/dev/null
	rc=$?
	[ "$rc" = 0 ] || fail "dumb pty: exit $rc"
	grep -q "Date you received the complaint" "$T/typescript" || fail "dumb pty: the plain mode did not go on"
	if LC_ALL=C grep -q "$ESC" "$T/typescript"; then
		fail "dumb pty: escape sequences in the raw output"
		LC_ALL=C grep -n "$ESC" "$T/typescript" | cat -v | head -n 3 >&2
	fi
fi
echo "terminal matrix: $n combination(s), languages: $langs"
finish
