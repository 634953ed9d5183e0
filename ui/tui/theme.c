/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.c — attributes and markers. Every meaning is carried by an attribute
 * a monochrome terminal has (bold, reverse, underline) and by a text marker;
 * colour, when the terminal has it and NO_COLOR is not set, only adds to it. */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "ui_internal.h"

struct ui_theme ui_theme;

enum { PAIR_BAR = 1, PAIR_ERROR, PAIR_GOOD, PAIR_HELP };

static bool want_colour(void)
{
	const char *nc = getenv("NO_COLOR");
	return !(nc && *nc) && has_colors();
}

static void markers(bool utf8)
{
	struct ui_theme *t = &ui_theme;
	if (utf8) {
		t->done = "✓";
		t->attention = "!";
		t->not_started = "·";
		t->current = "▸";
		t->on = "[x]";
		t->off = "[ ]";
		t->radio_on = "(•)";
		t->radio_off = "( )";
		t->bullet = "•";
		t->ellipsis = "…";
		t->more_up = "▲";
		t->more_down = "▼";
		t->more_left = "«";
		t->vline = "│";
		t->hline = "─";
		t->ul = "┌";
		t->ur = "┐";
		t->ll = "└";
		t->lr = "┘";
	} else {
		t->done = "+";
		t->attention = "!";
		t->not_started = "-";
		t->current = ">";
		t->on = "[x]";
		t->off = "[ ]";
		t->radio_on = "(*)";
		t->radio_off = "( )";
		t->bullet = "*";
		t->ellipsis = "...";
		t->more_up = "^";
		t->more_down = "v";
		t->more_left = "<";
		t->vline = "|";
		t->hline = "-";
		t->ul = t->ur = t->ll = t->lr = "+";
	}
}

void theme_init(void)
{
	struct ui_theme *t = &ui_theme;
	const char *cs = nl_langinfo(CODESET);
	t->utf8 = cs && strcmp(cs, "UTF-8") == 0;
	markers(t->utf8);
	t->bar = A_REVERSE;
	t->key = A_REVERSE | A_BOLD;
	t->title = A_BOLD;
	t->label = A_BOLD;
	t->help = A_NORMAL;
	t->focus = A_REVERSE;
	t->input = A_UNDERLINE;
	t->error = A_BOLD;
	t->good = A_NORMAL;
	t->colour = want_colour();
	if (!t->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_GOOD, COLOR_GREEN, -1);
	init_pair(PAIR_HELP, COLOR_CYAN, -1);
	t->bar = COLOR_PAIR(PAIR_BAR);
	t->key = COLOR_PAIR(PAIR_BAR) | A_BOLD;
	t->error = COLOR_PAIR(PAIR_ERROR) | A_BOLD;
	t->good = COLOR_PAIR(PAIR_GOOD);
	t->help = COLOR_PAIR(PAIR_HELP);
}
