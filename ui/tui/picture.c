/* SPDX-License-Identifier: GPL-3.0-or-later */
/* picture.c — a page of an attached file drawn in the terminal with
 * libchafa, as character cells: block and line symbols, coloured where the
 * terminal has colour (and NO_COLOR is unset), shapes only where it has
 * none. Cells go through curses like any other text, so the preview works
 * over SSH, inside tmux and screen, survives a resize and reads in a
 * screen dump. Built without chafa, the caller describes the page in words
 * instead (picture_available() is false). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

#ifdef HAVE_CHAFA
#include <chafa.h>

bool picture_available(void)
{
	return ui_theme.utf8; /* the symbols are Unicode block elements */
}

/* The canvas mode for what the terminal can show. */
static ChafaCanvasMode canvas_mode(void)
{
	if (!ui_theme.colour)
		return CHAFA_CANVAS_MODE_FGBG;
	if (COLORS >= 256)
		return CHAFA_CANVAS_MODE_INDEXED_240;
	if (COLORS >= 16)
		return CHAFA_CANVAS_MODE_INDEXED_16;
	return CHAFA_CANVAS_MODE_INDEXED_8;
}

/* Cell size in columns and rows for a w×h picture inside cols×rows, kept
 * in proportion (a terminal cell is about twice as tall as it is wide). */
static void fit(unsigned w, unsigned h, int cols, int rows, int *out_c, int *out_r)
{
	double cw = cols, ch = (double)cols * h / w / 2.0;
	if (ch > rows) {
		ch = rows;
		cw = (double)rows * 2.0 * w / h;
	}
	*out_c = cw < 1 ? 1 : (int)cw;
	*out_r = ch < 1 ? 1 : (int)ch;
}

int picture_draw(int y, int x, int rows, int cols, const struct evidence_thumb *t)
{
	if (!t || !t->rgb || !t->width || !t->height || rows < 1 || cols < 1)
		return 0;
	int pc, pr;
	fit(t->width, t->height, cols, rows, &pc, &pr);
	/* A picture of a few hundred cells: chafa's pool of one thread a core
	 * would cost the wizard more memory (their stacks) than it saves time. */
	chafa_set_n_threads(1);
	ChafaSymbolMap *map = chafa_symbol_map_new();
	chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE |
					      CHAFA_SYMBOL_TAG_HALF | CHAFA_SYMBOL_TAG_QUAD);
	ChafaCanvasConfig *cfg = chafa_canvas_config_new();
	chafa_canvas_config_set_geometry(cfg, pc, pr);
	chafa_canvas_config_set_canvas_mode(cfg, canvas_mode());
	chafa_canvas_config_set_symbol_map(cfg, map);
	/* Paper is white: with no colour, ink is what the symbols draw. */
	chafa_canvas_config_set_fg_color(cfg, 0x000000);
	chafa_canvas_config_set_bg_color(cfg, 0xffffff);
	ChafaCanvas *cv = chafa_canvas_new(cfg);
	chafa_canvas_draw_all_pixels(cv, CHAFA_PIXEL_RGB8, t->rgb, (gint)t->width, (gint)t->height,
				     (gint)t->stride);
	bool mono = !ui_theme.colour;
	for (int r = 0; r < pr; r++)
		for (int c = 0; c < pc; c++) {
			gunichar ch = chafa_canvas_get_char_at(cv, c, r);
			wchar_t wc[2] = {(wchar_t)(ch ? ch : ' '), 0};
			cchar_t cell;
			int pair = 0;
			attr_t a = A_NORMAL;
			if (mono) {
				a = A_REVERSE; /* black ink on a light cell, as on paper */
			} else {
				gint fg = -1, bg = -1;
				chafa_canvas_get_colors_at(cv, c, r, &fg, &bg);
				pair = alloc_pair(fg >= 0 && fg < COLORS ? fg : -1,
						  bg >= 0 && bg < COLORS ? bg : -1);
				if (pair < 0)
					pair = 0;
			}
			setcchar(&cell, wc, a, (short)pair, &pair);
			mvadd_wch(y + r, x + c, &cell);
		}
	chafa_canvas_unref(cv);
	chafa_canvas_config_unref(cfg);
	chafa_symbol_map_unref(map);
	return pr;
}

#else /* built without chafa */

bool picture_available(void)
{
	return false;
}

int picture_draw(int y, int x, int rows, int cols, const struct evidence_thumb *t)
{
	(void)y, (void)x, (void)rows, (void)cols, (void)t;
	return 0;
}

#endif
