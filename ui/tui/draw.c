/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.c — putting text on the screen by display width. Every string goes
 * through utf8_sanitize (an answer or a file name cannot move the cursor)
 * and is cut with utf8_fit, so CJK takes its two columns and is never split. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/base.h"
#include "ui_internal.h"

/* Whether the terminal's charset has cp. Inside, text is UTF-8; ncursesw
 * encodes the wide characters it is given in the locale's charset
 * (GB18030, GBK, …), which may lack some. */
static bool encodable(uint32_t cp)
{
	if (cp < 0x80 || ui_theme.utf8)
		return true;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	return wcrtomb(mb, (wchar_t)cp, &st) != (size_t)-1;
}

/* What the terminal's charset cannot show: common punctuation becomes its
 * ASCII look-alike, anything else "?" (outside a UTF-8 or Chinese locale,
 * every Chinese character). */
static char *charset_only(char *s)
{
	static const struct {
		uint32_t cp;
		const char *ascii;
	} alike[] = {
	    {0x201c, "\""}, {0x201d, "\""}, {0x2018, "'"},   {0x2019, "'"}, {0x2014, "-"},
	    {0x2013, "-"},  {0x00b7, "-"},  {0x2026, "..."}, {0x2022, "*"}, {0x00d7, "x"},
	};
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0, n = strlen(s); i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		const char *rep = "?";
		for (size_t j = 0; j < sizeof(alike) / sizeof(alike[0]); j++)
			if (alike[j].cp == cp)
				rep = alike[j].ascii;
		if (encodable(cp))
			strbuf_addn(&b, s + i, k);
		else
			strbuf_add(&b, rep);
		i += k;
	}
	free(s);
	return strbuf_detach(&b);
}

/* s made safe for this terminal (the caller frees). */
static char *displayable(const char *s)
{
	char *safe = utf8_sanitize(s ? s : "");
	return ui_theme.utf8 ? safe : charset_only(safe);
}

/* Draw the UTF-8 s[0..n) at y, x: decoded here, not by mbrtowc, which reads
 * the locale's charset; ncursesw writes the terminal's. */
/* Text of one column a character as cells with the attributes in effect:
 * plain ASCII (most of an English screen) as chtype cells, the cheapest
 * ncurses has; else, when every character is one column (Latin letters, the
 * box, arrow and block symbols of the wizard's frame), as cchar_t cells.
 * (ASCII, Latin letters, the box, arrow
 * and block symbols of the wizard's frame — every character of an English
 * or Indonesian screen) as cells with the attributes in effect: waddnstr
 * decodes and measures it byte by byte through the locale, which was a
 * third of what drawing a frame cost. s holds no control characters
 * (displayable). The cursor ends after the text, as waddnstr leaves it.
 * False, with nothing drawn, when a character is wide or combining (CJK is
 * left to ncurses, which lays out wide cells) or s is too long for the
 * buffer. */
static bool put_ascii(int y, int x, const char *s, size_t n)
{
	chtype cells[256];
	if (n >= sizeof(cells) / sizeof(cells[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	chtype a = (chtype)getattrs(stdscr);
	for (size_t i = 0; i < n; i++)
		cells[i] = (chtype)(unsigned char)s[i] | a;
	mvaddchnstr(y, x, cells, (int)n);
	move(y, x + (int)n);
	return true;
}

static bool put_cells(int y, int x, const char *s, size_t n)
{
	cchar_t cells[256];
	attr_t attrs;
	short pair;
	wattr_get(stdscr, &attrs, &pair, NULL);
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		if (k == sizeof(cells) / sizeof(cells[0]))
			return false;
		uint32_t cp = (unsigned char)s[i];
		if (cp < 0x80)
			i++;
		else
			i += utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && utf8_cpwidth(cp) != 1)
			return false;
		wchar_t wc[2] = {(wchar_t)cp, L'\0'};
		setcchar(&cells[k], wc, attrs, pair, NULL);
	}
	mvadd_wchnstr(y, x, cells, (int)k);
	move(y, x + (int)k);
	return true;
}

static void put_utf8(int y, int x, const char *s, size_t n)
{
	if (ui_theme.utf8) { /* the locale reads UTF-8 itself: the bytes as they are */
		if (!put_ascii(y, x, s, n) && !put_cells(y, x, s, n))
			mvaddnstr(y, x, s, (int)n);
		return;
	}
	wchar_t stackbuf[256];
	wchar_t *w =
	    n < sizeof(stackbuf) / sizeof(stackbuf[0]) ? stackbuf : xmalloc((n + 1) * sizeof(*w));
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w[k++] = (wchar_t)cp;
	}
	w[k] = L'\0';
	mvaddnwstr(y, x, w, (int)k);
	if (w != stackbuf)
		free(w);
}

int draw_text(int y, int x, int width, attr_t a, const char *s, bool pad)
{
	if (width <= 0 || y < 0)
		return 0;
	char *safe = displayable(s);
	size_t w = 0;
	size_t bytes = utf8_fit(safe, strlen(safe), (size_t)width, &w);
	attron(a);
	put_utf8(y, x, safe, bytes);
	if (pad)
		for (size_t i = w; i < (size_t)width; i++)
			addch(' ');
	attroff(a);
	free(safe);
	return (int)w;
}

int draw_text_cut(int y, int x, int width, attr_t a, const char *s, bool pad)
{
	char *safe = displayable(s);
	int ew = (int)utf8_swidth(ui_theme.ellipsis);
	int drawn;
	if ((int)utf8_swidth(safe) <= width || width <= ew) {
		drawn = draw_text(y, x, width, a, safe, pad);
	} else {
		size_t w;
		size_t bytes = utf8_fit(safe, strlen(safe), (size_t)(width - ew), &w);
		safe[bytes] = '\0';
		drawn = draw_text(y, x, (int)w, a, safe, false);
		drawn += draw_text(y, x + drawn, ew, a, ui_theme.ellipsis, false);
		if (pad && drawn < width)
			drawn += draw_text(y, x + drawn, width - drawn, a, "", true);
	}
	free(safe);
	return drawn;
}

void draw_fill(int y, int x, int width, attr_t a)
{
	if (width <= 0)
		return;
	attron(a);
	mvhline(y, x, ' ', width);
	attroff(a);
}

void draw_right(int y, int x_end, int width, attr_t a, const char *s)
{
	size_t w = utf8_swidth(s);
	if ((int)w > width)
		w = (size_t)width;
	draw_text(y, x_end - (int)w, (int)w, a, s, false);
}

void draw_box(int y, int x, int h, int w, const char *title, int *iy, int *ix, int *ih, int *iw)
{
	const struct ui_theme *t = &ui_theme;
	for (int r = y; r < y + h; r++) {
		draw_fill(r, x, w, A_NORMAL);
		draw_text(r, x, 1, A_NORMAL,
			  r == y	   ? t->ul
			  : r == y + h - 1 ? t->ll
					   : t->vline,
			  false);
		draw_text(r, x + w - 1, 1, A_NORMAL,
			  r == y	   ? t->ur
			  : r == y + h - 1 ? t->lr
					   : t->vline,
			  false);
	}
	for (int c = x + 1; c < x + w - 1; c++) {
		draw_text(y, c, 1, A_NORMAL, t->hline, false);
		draw_text(y + h - 1, c, 1, A_NORMAL, t->hline, false);
	}
	if (title) {
		int tw = draw_text(y, x + 2, w - 4, A_BOLD, " ", false);
		tw += draw_text(y, x + 2 + tw, w - 4 - tw, A_BOLD, title, false);
		draw_text(y, x + 2 + tw, w - 4 - tw, A_BOLD, " ", false);
	}
	*iy = y + 1;
	*ix = x + 2;
	*ih = h - 2;
	*iw = w - 4;
}

int canvas_row(const struct canvas *c)
{
	int r = c->y - c->top;
	return c->draw && r >= 0 && r < c->height ? c->scr_y + r : -1;
}

void canvas_text(struct canvas *c, int indent, attr_t a, const char *s)
{
	int row = canvas_row(c);
	if (row >= 0)
		draw_text(row, c->x + indent, c->width - indent, a, s, false);
	c->y++;
}

struct wrap_ctx {
	struct canvas *c;
	int indent;
	attr_t a;
};

static void wrap_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	char *piece = xstrndup(line, len);
	canvas_text(w->c, w->indent, w->a, piece);
	free(piece);
}

/* Wrapped texts, remembered: a frame lays the same help and answers out
 * twice (measured, then drawn) and every key draws a frame, while a text
 * and its width rarely change. Placed by a hash of the text, checked by
 * the text itself. */
#define WRAP_SLOTS 64
struct wrapped {
	char *text; /* as given */
	size_t cols;
	char *safe; /* made displayable: the lines are pieces of it */
	size_t n, *off, *len;
};
static struct wrapped wrap_cache[WRAP_SLOTS];

static void keep_line(const char *line, size_t len, void *ctx)
{
	struct wrapped *w = ctx;
	w->off = xreallocarray(w->off, w->n + 1, sizeof(*w->off));
	w->len = xreallocarray(w->len, w->n + 1, sizeof(*w->len));
	w->off[w->n] = (size_t)(line - w->safe);
	w->len[w->n++] = len;
}

static const struct wrapped *wrapped(const char *s, size_t cols)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ cols;
	for (const char *p = s; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	struct wrapped *w = &wrap_cache[h % WRAP_SLOTS];
	if (w->text && w->cols == cols && strcmp(w->text, s) == 0)
		return w;
	free(w->text);
	free(w->safe);
	free(w->off);
	free(w->len);
	*w = (struct wrapped){.text = xstrdup(s), .cols = cols};
	/* Made displayable first so nothing widens a line after it was measured. */
	w->safe = displayable(s);
	utf8_wrap(w->safe, cols, keep_line, w);
	return w;
}

void canvas_wrap(struct canvas *c, int indent, attr_t a, const char *s)
{
	if (!s || !*s)
		return;
	int cols = c->width - indent;
	const struct wrapped *w = wrapped(s, cols > 0 ? (size_t)cols : 1);
	struct wrap_ctx ctx = {c, indent, a};
	for (size_t i = 0; i < w->n; i++) {
		if (canvas_row(c) < 0) { /* measured, or out of view: nothing to draw */
			c->y++;
			continue;
		}
		wrap_line(w->safe + w->off[i], w->len[i], &ctx);
	}
}

void canvas_blank(struct canvas *c)
{
	c->y++;
}

void draw_hints(int y, int cols, const struct ui_hint *h, size_t n)
{
	draw_fill(y, 0, cols, ui_theme.bar);
	int x = 1;
	for (size_t i = 0; i < n; i++) {
		int need = (int)(utf8_swidth(h[i].key) + 1 + utf8_swidth(_(h[i].what)) + 2);
		if (x + need > cols)
			break;
		x += draw_text(y, x, cols - x, ui_theme.key, h[i].key, false);
		x += draw_text(y, x, cols - x, ui_theme.bar, " ", false);
		x += draw_text(y, x, cols - x, ui_theme.bar, _(h[i].what), false);
		x += 2;
	}
}

void scroll_into_view(size_t sel, size_t *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (rows > 0 && sel >= *top + (size_t)rows)
		*top = sel + 1 - (size_t)rows;
}

static int right_width(int cols, const char *right)
{
	int rw = right ? (int)utf8_swidth(right) : 0;
	return rw > cols / 2 ? cols / 2 : rw;
}

int title_bar_left_width(int cols, const char *right)
{
	int rw = right_width(cols, right);
	return cols - 2 - (rw ? rw + 2 : 0);
}

void draw_title_bar(int cols, const char *left, const char *right)
{
	draw_fill(0, 0, cols, ui_theme.bar);
	int rw = right_width(cols, right);
	int lw = title_bar_left_width(cols, right);
	draw_text_cut(0, 1, lw, ui_theme.bar | A_BOLD, left, false);
	if (right && rw)
		draw_right(0, cols - 1, rw, ui_theme.bar, right);
}
