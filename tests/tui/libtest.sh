# SPDX-License-Identifier: GPL-3.0-or-later
# tests/tui/libtest.sh — end-to-end tests of the wizard in a real terminal,
# as tig's test/tools/libtest.sh does them: a pinned environment (locale,
# clock, TERM, HOME and XDG dirs in a temp dir, the fixture flows), the real
# ipwiz in a private tmux server, keys sent, the screen awaited until it shows
# the expected text and stops changing, and dumps compared with
# tests/tui/expected/NAME.screen.
#
# Source it first; then: start [ARGS...], keys KEY..., type TEXT, wait_for
# TEXT, expect_screen NAME, resize COLS ROWS, finish.
# UPDATE_EXPECTED=1 rewrites the expected dumps (review them by eye).
set -u
: "${IPWIZ:?IPWIZ must name the built ipwiz binary}"
: "${IPWIZ_SRCDIR:?}"
. "$IPWIZ_SRCDIR/tests/lib/poll.sh"
command -v tmux >/dev/null 2>&1 || {
	echo "SKIP: tmux is not installed" >&2
	exit 77
}

T=$(mktemp -d "${TMPDIR:-/tmp}/ipwiz-tui.XXXXXX")
# A private server per run of the program: a server being killed can still
# answer for a moment, so a new one never reuses the old socket.
RUNS=0
TMUX_CMD="tmux -L test-$$-0 -f /dev/null"
unset TMUX TMUX_PANE
cleanup() {
	$TMUX_CMD kill-server >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT

export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export XDG_CACHE_HOME="$T/home/.cache" XDG_RUNTIME_DIR="$T/run"
export LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC IPWIZ_TODAY=2026-11-24
export TUI_TERM="${TUI_TERM:-xterm-256color}"
unset IPWIZ_DB SSH_CLIENT SSH_CONNECTION NO_COLOR
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$T/data/flows"
chmod 700 "$XDG_RUNTIME_DIR"
cp "$IPWIZ_SRCDIR"/tests/fixtures/flows/*.yaml "$IPWIZ_SRCDIR"/tests/tui/flows/*.yaml \
	"$T/data/flows/"
[ -d "$IPWIZ_SRCDIR/data/calendars" ] && cp -r "$IPWIZ_SRCDIR/data/calendars" "$T/data/"
export IPWIZ_DATADIR="$T/data"
EXPECTED="$IPWIZ_SRCDIR/tests/tui/expected"
WAIT_SECONDS="${WAIT_SECONDS:-10}"

fails=0
fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

# quote WORD: WORD in single quotes for the runner script.
quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# start [ARGS...]: run ipwiz ARGS in a fresh pane of COLS×ROWS (80×24), with
# TERM=$TUI_TERM and the variables of $TUI_ENV ("NO_COLOR=1 ..."), in the
# directory $TUI_CWD ($HOME), under the command $TUI_WRAP when set.
start() {
	$TMUX_CMD kill-server >/dev/null 2>&1
	RUNS=$((RUNS + 1))
	TMUX_CMD="tmux -L test-$$-$RUNS -f /dev/null"
	{
		# Ctrl-C goes to the whole foreground group: the runner outlives it
		# to report the exit status (ipwiz gets the default disposition).
		echo "trap : INT"
		echo "export TERM=$TUI_TERM ${TUI_ENV:-}"
		# $TUI_WRAP: a program ipwiz runs under (tests/lib/charset_pty.py).
		printf '%s' "${TUI_WRAP:-}\"\$IPWIZ\""
		for a in "$@"; do
			printf ' %s' "$(quote "$a")"
		done
		echo
		# printf, not echo: some shells' echo would turn "\r" and "\b" into
		# control characters here.
		printf '%s\n' 'rc=$? t=sane'
		# Whether the program gave the terminal back in its normal modes;
		# "\r\n" starts a line even when it did not (kill -9).
		printf '%s\n' "stty -a 2>/dev/null | grep -q -e '-icanon' -e '-echo\\b' && t=raw"
		printf '%s\n' 'printf "\r\n[tty %s]\r\n[exit %s]\r\n" "$t" "$rc"'
		printf '%s\n' 'exec sleep 600'
	} >"$T/runner.sh"
	$TMUX_CMD new-session -d -x "${COLS:-80}" -y "${ROWS:-24}" -s main -c "${TUI_CWD:-$HOME}" \
		"sh $T/runner.sh"
}

# screen: the pane's text now (trailing spaces trimmed).
screen() {
	$TMUX_CMD capture-pane -p -t main 2>/dev/null | sed -e 's/[[:space:]]*$//'
}

# keys KEY...: tmux key names (Tab, Enter, PageDown, F10, C-n, BTab, Escape).
keys() {
	$TMUX_CMD send-keys -t main "$@"
}

# paste FILE: the file's text as a terminal pastes it (bracketed when the
# program asked for bracketed paste, as a real terminal does).
paste() {
	$TMUX_CMD load-buffer -b paste "$1"
	$TMUX_CMD paste-buffer -p -d -b paste -t main
}

# type TEXT: literal text, UTF-8 included.
type_text() {
	$TMUX_CMD send-keys -t main -l -- "$1"
}

# timed_out WHAT: the failure of a wait, with the screen it ended on.
timed_out() {
	fail "$1"
	printf '%s\n' "---- screen ----" "$(screen)" "----------------" >&2
	return 1
}

# shows_settled TEXT: the screen shows TEXT and is the same as at the
# previous call (two captures 50 ms apart: the program has drawn it all).
shows_settled() {
	_cur=$(screen)
	case "$_cur" in
	*"$1"*)
		[ "$_cur" = "${_prev:-}" ] && return 0
		;;
	esac
	_prev=$_cur
	return 1
}

# wait_for TEXT: until the screen shows TEXT and two captures 50 ms apart are
# the same; fails (with the screen) after WAIT_SECONDS.
wait_for() {
	_prev=
	poll "$WAIT_SECONDS" shows_settled "$1" || timed_out "timed out waiting for: $1"
}

# lacks TEXT: the screen does not show TEXT.
lacks() {
	case "$(screen)" in
	*"$1"*) return 1 ;;
	esac
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
	poll "$WAIT_SECONDS" lacks "$1" || timed_out "timed out waiting for this to go: $1"
}

# stays_on_screen TEXT SECONDS: TEXT is on the screen now and still is after
# SECONDS — for what must not happen on its own (a window that something
# other than a key would close).
stays_on_screen() {
	! poll "$2" lacks "$1" || timed_out "this went from the screen on its own: $1"
}

# wait_exit: until ipwiz has exited; its status is in $rc ("" if it did not)
# and the terminal's modes after it in $tty ("sane" or "raw").
wait_exit() {
	rc="" tty=""
	wait_for "[exit " || return 1
	rc=$(screen | sed -n 's/.*\[exit \([0-9]*\)\].*/\1/p' | tail -n 1)
	tty=$(screen | sed -n 's/.*\[tty \([a-z]*\)\].*/\1/p' | tail -n 1)
}

# resize COLS ROWS: the window, as a user dragging the terminal would.
resize() {
	$TMUX_CMD resize-window -t main -x "$1" -y "$2"
}

# expect_screen NAME: the screen equals tests/tui/expected/NAME.screen,
# within WAIT_SECONDS: after a resize tmux shows the old picture cut to the
# new size until the program has drawn its own.
expect_screen() {
	local want="$EXPECTED/$1.screen"
	if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
		screen >"$want"
		return 0
	fi
	poll "$WAIT_SECONDS" same_screen "$want" "$T/$1" && return 0
	fail "screen $1 differs from $want"
	cat "$T/$1.diff" >&2
}

# same_screen WANT OUT: the screen, dumped to OUT.screen, equals WANT (the
# differences in OUT.diff).
same_screen() {
	screen >"$2.screen"
	diff -u "$1" "$2.screen" >"$2.diff" 2>&1
}

# expect_on_screen TEXT / expect_not_on_screen TEXT
expect_on_screen() {
	case "$(screen)" in
	*"$1"*) ;;
	*) fail "screen lacks: $1"; screen >&2 ;;
	esac
}

expect_not_on_screen() {
	case "$(screen)" in
	*"$1"*) fail "screen shows: $1"; screen >&2 ;;
	esac
}

# cursor: "x,y" of the terminal cursor, or "hidden".
cursor() {
	$TMUX_CMD display-message -p -t main '#{?cursor_flag,#{cursor_x}#,#{cursor_y},hidden}'
}

# wait_cursor X,Y: until the cursor is there (a resize is handled between
# keystrokes, so the text may show before the new layout does).
cursor_at() {
	[ "$(cursor)" = "$1" ]
}
wait_cursor() {
	poll "$WAIT_SECONDS" cursor_at "$1" && return 0
	fail "the cursor is at $(cursor), expected $1${2:+ ($2)}"
	screen >&2
	return 1
}

# program_pid: the process id of ipwiz in the pane (the runner's child).
program_pid() {
	ps -o pid= --ppid "$($TMUX_CMD display-message -p -t main '#{pane_pid}')" | tr -d ' ' |
		head -n 1
}

# ipwiz ARGS...: the command line, outside tmux; stdout in $out, status $rc.
ipwiz() {
	out=$("$IPWIZ" "$@" 2>"$T/stderr" </dev/null)
	rc=$?
}

finish() {
	[ "$fails" -eq 0 ] && exit 0
	echo "$fails check(s) failed" >&2
	exit 1
}
