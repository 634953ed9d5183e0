/* SPDX-License-Identifier: GPL-3.0-or-later */
/* terminal.c — taking the terminal and always giving it back. A first
 * SIGINT/SIGTERM/SIGHUP only sets a flag (the key loop polls it every
 * 200 ms, saves the field being edited and leaves through ui_done, which is
 * idempotent and also runs atexit). Should the program not get there — a
 * second signal while it is busy, or an abort — the handler restores the
 * terminal with async-signal-safe calls only: write() of the terminfo
 * strings prepared in advance and tcsetattr() of the saved modes. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ui_internal.h"
#include <term.h>

static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t curses_on;
static bool atexit_set;

/* What a handler writes to give the terminal back, prepared before. */
static char emergency[256];
static size_t emergency_len;
static struct termios saved_modes;
static bool have_modes;

/* Append a terminfo string without its padding ("$<5>"), which only
 * tputs understands. */
static void emergency_add(const char *cap)
{
	const char *s = tigetstr(cap);
	if (!s || s == (const char *)-1)
		return;
	for (; *s && emergency_len + 1 < sizeof(emergency); s++) {
		if (s[0] == '$' && s[1] == '<') {
			const char *end = strchr(s, '>');
			if (end) {
				s = end;
				continue;
			}
		}
		emergency[emergency_len++] = *s;
	}
}

static void emergency_restore(void)
{
	if (emergency_len)
		(void)!write(STDOUT_FILENO, emergency, emergency_len);
	if (have_modes)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void on_fatal(int sig)
{
	if (curses_on)
		emergency_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}
static const char *paste_off; /* ends bracketed paste mode, or NULL */

/* Bracketed paste (terminfo BE/BD, as xterm and tmux describe it) makes a
 * pasted text arrive as one piece, so its line breaks are not Enter keys. */
static void paste_mode_on(void)
{
	const char *on = tigetstr("BE"), *off = tigetstr("BD");
	if (on && on != (const char *)-1 && off && off != (const char *)-1) {
		putp(on);
		fflush(stdout); /* putp writes through stdio, curses does not */
		paste_off = off;
	}
}

static void on_signal(int sig)
{
	/* Asked twice: the loop is busy (a long check); leave at once. */
	if (got_signal && curses_on) {
		emergency_restore();
		_exit(128 + sig);
	}
	got_signal = sig;
}

bool ui_signalled(void)
{
	return got_signal != 0;
}

int ui_signal_number(void)
{
	return (int)got_signal;
}

void ui_done(void)
{
	if (!curses_on)
		return;
	curses_on = false;
	if (paste_off) {
		putp(paste_off);
		fflush(stdout);
	}
	paste_off = NULL;
	curs_set(1);
	endwin();
}

/* Set before initscr so ncurses keeps ours instead of installing its own. */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* abort() (an allocation that cannot be satisfied, a sanitizer report)
	 * must not leave the terminal raw either. */
	sa.sa_handler = on_fatal;
	sigaction(SIGABRT, &sa, NULL);
}

void ui_start(void)
{
	catch_signals();
	if (!atexit_set) {
		atexit(ui_done);
		atexit_set = true;
	}
	/* Esc must feel instant: wait 25 ms for the rest of an escape sequence. */
	if (!getenv("ESCDELAY"))
		setenv("ESCDELAY", "25", 1);
	have_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
	initscr();
	curses_on = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(200);
	theme_init();
	curs_set(0);
	paste_mode_on();
	emergency_len = 0;
	emergency_add("BD");
	emergency_add("sgr0");
	emergency_add("cnorm");
	emergency_add("rmcup");
}

int ui_terminal_ok(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return 0;
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return 0;
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return 0;
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (const char *)-1 && !hard_copy;
	del_curterm(cur_term);
	return ok;
}
