/* SPDX-License-Identifier: GPL-3.0-or-later */
/* help.c — the help overlay (F1 or ?): who else is on the case, the
 * focused field's own help, then the key map, the same table the hint bar
 * is drawn from. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

static const struct ui_hint key_map[] = {
    {"Tab, Down", N_("next field")},
    {"Shift-Tab, Up", N_("previous field")},
    {"Enter", N_("confirm; open a choice; attach the typed file")},
    {"Space", N_("tick a box, pick yes/no")},
    {"PgDn, Ctrl-N", N_("next step (answers are saved)")},
    {"PgUp, Ctrl-P", N_("previous step")},
    {"Esc", N_("undo the edit of this field; close a window")},
    {"Ctrl-A, Ctrl-E", N_("start, end of the text")},
    {"Ctrl-K, -U, -W", N_("delete to the end, to the start, the word before")},
    {"Ctrl-D", N_("remove a list item or the last attached file")},
    {"F4, Ctrl-O", N_("browse for files to attach (Space marks several)")},
    {"F7, Ctrl-T", N_("look at the attached files: pages, findings, acknowledge")},
    {"Ctrl-E", N_("in a long text: edit it in your own editor ($EDITOR)")},
    {"F2", N_("review: everything missing or invalid")},
    {"F3", N_("the list of cases")},
    {"F10, ^X, q", N_("quit (everything is already saved)")},
};

static void help_draw(struct ui *ui, const char *title, const char *text)
{
	/* The whole screen: the key map needs the room, and nothing half-hidden
	 * shows through at the edges. */
	erase();
	if (ui_too_small(ui)) {
		refresh();
		return;
	}
	int cols = ui->lay.cols, rows = ui->lay.rows;
	draw_title_bar(cols, _("ipwiz · help"), NULL);
	int iy, ix, ih, iw;
	draw_box(1, 0, rows - 1, cols, title ? title : _("Help"), &iy, &ix, &ih, &iw);
	struct canvas c = {.draw = true, .scr_y = iy, .height = ih - 1, .x = ix, .width = iw};
	/* Everybody on the case, also those the title bar has no room for. */
	const char *others = ui->session ? ui_case_others(ui) : NULL;
	if (others) {
		canvas_text(&c, 0, A_BOLD, _("Also on this case now"));
		char *copy = xstrdup(others);
		for (char *p = copy, *nl; p; p = nl) {
			nl = strchr(p, '\n');
			if (nl)
				*nl++ = '\0';
			canvas_wrap(&c, 2, A_NORMAL, p);
		}
		free(copy);
		canvas_blank(&c);
	}
	if (text && *text) {
		canvas_wrap(&c, 0, A_NORMAL, text);
		canvas_blank(&c);
	}
	canvas_text(&c, 0, A_BOLD, _("Keys"));
	int kw = 16 < iw / 2 ? 16 : iw / 2;
	for (size_t i = 0; i < sizeof(key_map) / sizeof(key_map[0]); i++) {
		int row = canvas_row(&c);
		if (row >= 0) {
			draw_text(row, ix, kw, A_BOLD, key_map[i].key, false);
			draw_text(row, ix + kw, iw - kw, A_NORMAL, _(key_map[i].what), false);
		}
		c.y++;
	}
	draw_text(iy + ih - 1, ix, iw, ui_theme.help, _("Press any key to close this help."),
		  false);
	curs_set(0);
	refresh();
}

void help_show(struct ui *ui, const char *title, const char *text)
{
	for (;;) {
		help_draw(ui, title, text);
		struct ui_key k;
		ui_read_key(ui, &k, false, false);
		if (k.act == ACT_REFRESH)
			continue; /* somebody else's change, not a key pressed */
		if (k.act != ACT_RESIZE)
			return;
		ui_relayout(ui);
	}
}
