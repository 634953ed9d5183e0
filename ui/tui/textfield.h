/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textfield.h — the editing state of one text input, with no curses in it:
 * UTF-8 bytes, a cursor on a character boundary, and the horizontal scroll
 * of a one-line field or the wrapped lines of a textarea. Columns come from
 * utf8_width()/utf8_fit() only, so "商标注册证" moves two columns a character.
 * The unit tests drive it directly. */
#ifndef IPWIZ_UI_TEXTFIELD_H
#define IPWIZ_UI_TEXTFIELD_H

#include <stdbool.h>
#include <stddef.h>

struct textfield {
	char *s; /* NUL-terminated, never NULL after textfield_set */
	size_t len, cap;
	size_t cur;	/* byte offset of the cursor, on a character boundary */
	size_t scroll;	/* one-line: byte offset of the first shown character */
	size_t top;	/* textarea: first shown wrapped line */
	bool multiline; /* Enter inserts a newline (textarea) */
	bool changed;	/* edited since textfield_set */
};

/* Editing operations, independent of how the terminal reports the key. */
enum textfield_op {
	TF_LEFT,
	TF_RIGHT,
	TF_HOME, /* Home, Ctrl-A: start of the line (up to a newline) */
	TF_END,	 /* End, Ctrl-E */
	TF_BACKSPACE,
	TF_DELETE,
	TF_KILL_END,   /* Ctrl-K: delete to the end of the line */
	TF_KILL_START, /* Ctrl-U: delete to the start of the line */
	TF_KILL_WORD,  /* Ctrl-W: delete the word before the cursor */
};

void textfield_init(struct textfield *tf, bool multiline);
void textfield_free(struct textfield *tf);
/* Replace the text (NULL = empty) and put the cursor at its end. */
void textfield_set(struct textfield *tf, const char *text);
/* Insert bytes at the cursor; invalid UTF-8 is stored as typed (the session
 * flags it) but control characters other than a textarea's newline are
 * dropped, so an answer never carries escape sequences. */
void textfield_insert(struct textfield *tf, const char *bytes, size_t n);
void textfield_insert_cp(struct textfield *tf, unsigned cp);
void textfield_op(struct textfield *tf, enum textfield_op op);

/* One-line field: move scroll so the cursor shows in cols columns; returns
 * the cursor's column relative to the first shown character. */
size_t textfield_scroll_to_cursor(struct textfield *tf, size_t cols);

/* A textarea's text wrapped to cols columns (utf8_wrap), as byte ranges. */
struct textfield_line {
	size_t start, len;
};
size_t textfield_wrap(const struct textfield *tf, size_t cols, struct textfield_line **out);
/* Which wrapped line holds the cursor, and its column there. */
size_t textfield_cursor_line(const struct textfield *tf, const struct textfield_line *v, size_t n,
			     size_t *col);
/* Move the cursor one wrapped line up (dir < 0) or down, keeping its column
 * by display width; false when there is no such line. */
bool textfield_move_line(struct textfield *tf, size_t cols, int dir);

#endif
