/* SPDX-License-Identifier: GPL-3.0-or-later */
/* utf8.h — the one place where bytes become characters and columns.
 * Invalid bytes decode as U+FFFD (one column); control characters are made
 * visible; widths come from wcwidth() of the decoded code point. Never use
 * strlen() as a column count. */
#ifndef IPWIZ_UTF8_H
#define IPWIZ_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n); store it in *cp and return the number
 * of bytes used (>= 1 when n > 0). Invalid or truncated sequences give
 * U+FFFD and consume one byte. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The code points no terminal, document or JSON text may carry as they are:
 * C0 and C1 controls, DEL, the bidirectional overrides and isolates, and the
 * left-to-right / right-to-left marks — text that moves the cursor, changes
 * colours or reads differently from what it says. The one rule; the
 * sanitisers (utf8_sanitize, escape.h) each decide what to show instead. */
bool utf8_is_control(uint32_t cp);

/* Encode cp into out (at least 4 bytes); return the byte count. */
size_t utf8_encode(uint32_t cp, char *out);

/* Columns one code point takes on a terminal: 0 for combining marks,
 * 2 for wide (CJK), 1 otherwise; control characters count as shown by
 * utf8_sanitize (so never negative). */
int utf8_cpwidth(uint32_t cp);

/* Display width of s[0..n). */
size_t utf8_width(const char *s, size_t n);
size_t utf8_swidth(const char *s);

/* True when s[0..n) is well-formed UTF-8; *bad gets the offset of the first
 * bad byte otherwise. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Byte offset of the start of the character before / after offset off. */
size_t utf8_prev(const char *s, size_t off);
size_t utf8_next(const char *s, size_t len, size_t off);

/* A copy safe to show on a terminal: invalid bytes → U+FFFD, control
 * characters (C0, DEL, C1, and the bidi overrides) → "\n"-style escapes or
 * U+FFFD, so a file name cannot move the cursor or change colours. */
char *utf8_sanitize(const char *s);

/* Longest prefix of s (in bytes) whose width fits in cols columns. */
size_t utf8_fit(const char *s, size_t n, size_t cols, size_t *width_out);

/* Wrap s into lines of at most cols columns: CJK may break between any two
 * characters, other text at spaces (a word longer than a line is split).
 * Calls emit(line_start, line_len, ctx) for each line; explicit newlines
 * start a new line. Returns the number of lines. */
size_t utf8_wrap(const char *s, size_t cols, void (*emit)(const char *line, size_t len, void *ctx),
		 void *ctx);

#endif
