/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c — the regions of a screen as a function of its size. */
#include "config.h"

#include <string.h>

#include "ui_layout.h"

void ui_layout_compute(int rows, int cols, bool sidebar, struct ui_layout *l)
{
	memset(l, 0, sizeof(*l));
	l->rows = rows;
	l->cols = cols;
	l->too_small = rows < UI_MIN_ROWS || cols < UI_MIN_COLS;
	l->title_y = 0;
	l->body_y = 2;
	l->status_y = rows - 2;
	l->hints_y = rows - 1;
	l->body_h = l->status_y - l->body_y;
	if (l->body_h < 0)
		l->body_h = 0;
	if (sidebar && cols >= UI_SIDEBAR_COLS) {
		/* A quarter of the width, enough for short step titles. */
		l->side_w = cols / 4;
		if (l->side_w < 16)
			l->side_w = 16;
		if (l->side_w > 28)
			l->side_w = 28;
		l->side_x = 0;
		l->main_x = l->side_w + 2; /* a rule and a space */
	} else {
		l->main_x = 1;
	}
	l->main_w = cols - l->main_x - 1;
	if (l->main_w < 1)
		l->main_w = 1;
}
