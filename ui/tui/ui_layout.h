/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui_layout.h — where the parts of a screen go for a terminal of rows×cols.
 * A pure function (no curses), so a test can check any size. */
#ifndef IPWIZ_UI_LAYOUT_H
#define IPWIZ_UI_LAYOUT_H

#include <stdbool.h>

/* Below this the wizard asks for a larger terminal. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
/* Below this the step list folds away. */
#define UI_SIDEBAR_COLS 60

struct ui_layout {
	int rows, cols;
	bool too_small;
	int title_y;	    /* the title bar */
	int body_y, body_h; /* between the bars */
	int side_x, side_w; /* the step list; side_w 0 when folded */
	int main_x, main_w; /* the fields */
	int status_y;	    /* the message line */
	int hints_y;	    /* the key-hint bar */
};

void ui_layout_compute(int rows, int cols, bool sidebar, struct ui_layout *l);

#endif
