/* terminal.c — taking the terminal and always giving it back. Signal
 * handlers only set a flag (the key loop polls it every 200 ms, saves the
 * field being edited and leaves through ui_done); ui_done is idempotent and
 * also runs atexit, so every path restores the terminal. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_internal.h"
#include <term.h>

static volatile sig_atomic_t got_signal;
static bool curses_on;
static bool atexit_set;
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
