/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textfield.c — editing one answer's text by characters and display columns. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "textfield.h"

void textfield_init(struct textfield *tf, bool multiline)
{
	memset(tf, 0, sizeof(*tf));
	tf->multiline = multiline;
	textfield_set(tf, NULL);
}

void textfield_free(struct textfield *tf)
{
	free(tf->s);
	tf->s = NULL;
	tf->len = tf->cap = tf->cur = 0;
}

static void reserve(struct textfield *tf, size_t need)
{
	if (need + 1 <= tf->cap)
		return;
	size_t cap = tf->cap ? tf->cap : 32;
	while (cap < need + 1)
		cap *= 2;
	tf->s = xrealloc(tf->s, cap);
	tf->cap = cap;
}

void textfield_set(struct textfield *tf, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	reserve(tf, n);
	if (n)
		memcpy(tf->s, text, n);
	tf->s[n] = '\0';
	tf->len = tf->cur = n;
	tf->scroll = tf->top = 0;
	tf->changed = false;
}

static void splice(struct textfield *tf, size_t from, size_t to, const char *ins, size_t n)
{
	reserve(tf, tf->len - (to - from) + n);
	memmove(tf->s + from + n, tf->s + to, tf->len - to + 1);
	if (n)
		memcpy(tf->s + from, ins, n);
	tf->len = tf->len - (to - from) + n;
	tf->changed = true;
}

void textfield_insert(struct textfield *tf, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if ((c < 0x20 && !(c == '\n' && tf->multiline)) || c == 0x7f)
			continue;
		splice(tf, tf->cur, tf->cur, &bytes[i], 1);
		tf->cur++;
	}
}

void textfield_insert_cp(struct textfield *tf, unsigned cp)
{
	char buf[4];
	size_t n = utf8_encode(cp, buf);
	textfield_insert(tf, buf, n);
}

static size_t line_start(const struct textfield *tf, size_t off)
{
	while (off > 0 && tf->s[off - 1] != '\n')
		off--;
	return off;
}

static size_t line_end(const struct textfield *tf, size_t off)
{
	while (off < tf->len && tf->s[off] != '\n')
		off++;
	return off;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static size_t word_start(const struct textfield *tf, size_t off)
{
	while (off > 0 && is_space(tf->s[off - 1]))
		off = utf8_prev(tf->s, off);
	while (off > 0 && !is_space(tf->s[off - 1]))
		off = utf8_prev(tf->s, off);
	return off;
}

void textfield_op(struct textfield *tf, enum textfield_op op)
{
	size_t from;
	switch (op) {
	case TF_LEFT:
		tf->cur = utf8_prev(tf->s, tf->cur);
		break;
	case TF_RIGHT:
		tf->cur = utf8_next(tf->s, tf->len, tf->cur);
		break;
	case TF_HOME:
		tf->cur = line_start(tf, tf->cur);
		break;
	case TF_END:
		tf->cur = line_end(tf, tf->cur);
		break;
	case TF_BACKSPACE:
		if (tf->cur > 0) {
			from = utf8_prev(tf->s, tf->cur);
			splice(tf, from, tf->cur, NULL, 0);
			tf->cur = from;
		}
		break;
	case TF_DELETE:
		if (tf->cur < tf->len)
			splice(tf, tf->cur, utf8_next(tf->s, tf->len, tf->cur), NULL, 0);
		break;
	case TF_KILL_END:
		splice(tf, tf->cur, line_end(tf, tf->cur), NULL, 0);
		break;
	case TF_KILL_START:
		from = line_start(tf, tf->cur);
		splice(tf, from, tf->cur, NULL, 0);
		tf->cur = from;
		break;
	case TF_KILL_WORD:
		from = word_start(tf, tf->cur);
		splice(tf, from, tf->cur, NULL, 0);
		tf->cur = from;
		break;
	}
}

size_t textfield_scroll_to_cursor(struct textfield *tf, size_t cols)
{
	if (cols == 0)
		cols = 1;
	if (tf->scroll > tf->cur || tf->scroll > tf->len)
		tf->scroll = line_start(tf, tf->cur);
	/* Keep one column for the cursor after the last character. */
	while (tf->scroll < tf->cur && utf8_width(tf->s + tf->scroll, tf->cur - tf->scroll) >= cols)
		tf->scroll = utf8_next(tf->s, tf->len, tf->scroll);
	return utf8_width(tf->s + tf->scroll, tf->cur - tf->scroll);
}

struct wrap_ctx {
	const char *base;
	struct textfield_line *v;
	size_t n;
};

static void collect_line(const char *line, size_t len, void *ctx)
{
	struct wrap_ctx *w = ctx;
	w->v = xreallocarray(w->v, w->n + 1, sizeof(*w->v));
	w->v[w->n].start = (size_t)(line - w->base);
	w->v[w->n].len = len;
	w->n++;
}

size_t textfield_wrap(const struct textfield *tf, size_t cols, struct textfield_line **out)
{
	struct wrap_ctx w = {.base = tf->s};
	/* Leave a column for the cursor at the end of a full line. */
	utf8_wrap(tf->s, cols > 1 ? cols - 1 : 1, collect_line, &w);
	if (w.n == 0)
		collect_line(tf->s, 0, &w);
	*out = w.v;
	return w.n;
}

size_t textfield_cursor_line(const struct textfield *tf, const struct textfield_line *v, size_t n,
			     size_t *col)
{
	size_t line = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].start <= tf->cur)
			line = i;
	/* Unclamped: a space typed at the end of a line (which wrapping trims)
	 * still moves the cursor. */
	if (col)
		*col = utf8_width(tf->s + v[line].start, tf->cur - v[line].start);
	return line;
}

bool textfield_move_line(struct textfield *tf, size_t cols, int dir)
{
	struct textfield_line *v;
	size_t n = textfield_wrap(tf, cols, &v);
	size_t col;
	size_t line = textfield_cursor_line(tf, v, n, &col);
	bool moved = false;
	if ((dir < 0 && line > 0) || (dir > 0 && line + 1 < n)) {
		const struct textfield_line *to = &v[dir < 0 ? line - 1 : line + 1];
		tf->cur = to->start + utf8_fit(tf->s + to->start, to->len, col, NULL);
		moved = true;
	}
	free(v);
	return moved;
}
