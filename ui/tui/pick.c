/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pick.c — overlays that choose from a list, and yes/no questions. They
 * draw over the current screen and redraw it after a resize. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

struct picker {
	const char *title;
	const char *const *labels;
	bool *on; /* NULL: pick one */
	size_t n, sel, top;
};

static void overlay_draw(struct ui *ui, struct picker *p)
{
	if (ui->redraw)
		ui->redraw(ui, ui->redraw_state);
	if (ui->lay.too_small) {
		refresh(); /* the screen under it asks for a larger window */
		return;
	}
	int cols = ui->lay.cols, rows = ui->lay.rows;
	const char *hint =
	    p->on ? _("Space: tick  Enter: done  Esc: cancel") : _("Enter: choose  Esc: cancel");
	int w = 8 + (int)utf8_swidth(p->title);
	if ((int)utf8_swidth(hint) + 4 > w)
		w = (int)utf8_swidth(hint) + 4;
	for (size_t i = 0; i < p->n; i++) {
		int lw = 10 + (int)utf8_swidth(p->labels[i]);
		if (lw > w)
			w = lw;
	}
	if (w > cols - 2)
		w = cols - 2;
	int h = (int)p->n + 4;
	if (h > rows - 2)
		h = rows - 2;
	int y = (rows - h) / 2, x = (cols - w) / 2;
	int iy, ix, ih, iw;
	draw_box(y, x, h, w, p->title, &iy, &ix, &ih, &iw);
	int shown = ih - 1; /* the last inner line holds the key hint */
	scroll_into_view(p->sel, &p->top, shown);
	for (int i = 0; i < shown && p->top + (size_t)i < p->n; i++) {
		size_t k = p->top + (size_t)i;
		char *line =
		    p->on ? xasprintf("%s %s", p->on[k] ? ui_theme.on : ui_theme.off, p->labels[k])
			  : xasprintf("%s %s", k == p->sel ? ui_theme.current : " ", p->labels[k]);
		draw_text(iy + i, ix, iw, k == p->sel ? ui_theme.focus : A_NORMAL, line, true);
		free(line);
	}
	draw_text(iy + ih - 1, ix, iw, ui_theme.help,
		  p->on ? _("Space: tick  Enter: done  Esc: cancel")
			: _("Enter: choose  Esc: cancel"),
		  false);
	curs_set(0);
	refresh();
}

/* Returns the chosen index, n when confirmed (many), or -1 on cancel. */
static int overlay_run(struct ui *ui, struct picker *p)
{
	for (;;) {
		overlay_draw(ui, p);
		struct ui_key k;
		ui_read_key(ui, &k, false, false);
		switch (k.act) {
		case ACT_UP:
		case ACT_PREV:
			p->sel = p->sel ? p->sel - 1 : p->n - 1;
			break;
		case ACT_DOWN:
		case ACT_NEXT:
			p->sel = p->sel + 1 < p->n ? p->sel + 1 : 0;
			break;
		case ACT_TOGGLE:
			if (p->on)
				p->on[p->sel] = !p->on[p->sel];
			else
				return (int)p->sel;
			break;
		case ACT_CONFIRM:
			return p->on ? (int)p->n : (int)p->sel;
		case ACT_CHAR:
			/* 1-9 picks (or ticks) by number. */
			if (k.ch >= '1' && k.ch <= '9' && k.ch - '1' < p->n) {
				p->sel = k.ch - '1';
				if (!p->on)
					return (int)p->sel;
				p->on[p->sel] = !p->on[p->sel];
			}
			break;
		case ACT_RESIZE:
			ui_relayout(ui);
			break;
		case ACT_CANCEL:
		case ACT_QUIT:
		case ACT_SIGNAL:
			return -1;
		default:
			break;
		}
	}
}

int pick_one(struct ui *ui, const char *title, const char *const *labels, size_t n, size_t sel)
{
	if (n == 0)
		return -1;
	struct picker p = {.title = title, .labels = labels, .n = n, .sel = sel < n ? sel : 0};
	return overlay_run(ui, &p);
}

bool pick_many(struct ui *ui, const char *title, const char *const *labels, bool *on, size_t n)
{
	if (n == 0)
		return false;
	bool *work = xcalloc(n, sizeof(*work));
	memcpy(work, on, n * sizeof(*on));
	struct picker p = {.title = title, .labels = labels, .on = work, .n = n};
	bool ok = overlay_run(ui, &p) >= 0;
	if (ok)
		memcpy(on, work, n * sizeof(*on));
	free(work);
	return ok;
}

bool ui_confirm(struct ui *ui, const char *question)
{
	return ui_ask(ui, question) == 1;
}

int ui_ask(struct ui *ui, const char *question)
{
	for (;;) {
		if (ui->redraw)
			ui->redraw(ui, ui->redraw_state);
		char *line = xasprintf("%s %s %s", ui_theme.attention, question, _("(y/n)"));
		draw_text(ui->lay.status_y, 0, ui->lay.cols, A_BOLD | A_REVERSE, line, true);
		free(line);
		curs_set(0);
		refresh();
		struct ui_key k;
		ui_read_key(ui, &k, true, false);
		if (k.act == ACT_RESIZE) {
			ui_relayout(ui);
			continue;
		}
		/* The other person saved meanwhile: that is no answer to the
		 * question (taking it as "n" would drop what the user typed). */
		if (k.act == ACT_REFRESH)
			continue;
		if (k.act == ACT_SIGNAL)
			return -1;
		return k.act == ACT_CHAR && (k.ch == 'y' || k.ch == 'Y');
	}
}
