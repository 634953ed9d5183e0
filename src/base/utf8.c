/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	unsigned char c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (n < len) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = v;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F;
}

/* East Asian wide ranges, used when the C library's locale cannot tell
 * (tests run under C.UTF-8, where glibc does know; this is the fallback). */
static bool is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int utf8_cpwidth(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7f) /* most text: skip the locale's tables */
		return 1;
	if (utf8_is_control(cp))
		return 1; /* shown as U+FFFD by utf8_sanitize */
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	return is_wide(cp) ? 2 : 1;
}

size_t utf8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)utf8_cpwidth(cp);
	}
	return w;
}

size_t utf8_swidth(const char *s)
{
	return utf8_width(s, strlen(s));
}

bool utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

size_t utf8_prev(const char *s, size_t off)
{
	if (off == 0)
		return 0;
	size_t i = off - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && off - i < 4)
		i--;
	return i;
}

size_t utf8_next(const char *s, size_t len, size_t off)
{
	if (off >= len)
		return len;
	uint32_t cp;
	return off + utf8_decode(s + off, len - off, &cp);
}

/* Length of the printable ASCII at the start of s: copied as it is. */
static size_t plain_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && (unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x7f)
		k++;
	return k;
}

char *utf8_sanitize(const char *s)
{
	struct strbuf b;
	strbuf_init(&b);
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t run = plain_run(s + i, n - i);
		if (run) {
			strbuf_addn(&b, s + i, run);
			i += run;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		char enc[4];
		if (cp == '\n')
			strbuf_add(&b, "\\n");
		else if (cp == '\t')
			strbuf_add(&b, "\\t");
		else if (cp == '\r')
			strbuf_add(&b, "\\r");
		else if (utf8_is_control(cp))
			strbuf_addn(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		else
			strbuf_addn(&b, enc, utf8_encode(cp, enc));
		i += k;
	}
	return strbuf_detach(&b);
}

size_t utf8_fit(const char *s, size_t n, size_t cols, size_t *width_out)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)utf8_cpwidth(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (width_out)
		*width_out = w;
	return i;
}

static bool breaks_anywhere(uint32_t cp)
{
	return utf8_cpwidth(cp) == 2;
}

/* Chinese line breaking (禁则): a closing mark or a full stop never starts
 * a line, an opening mark never ends one. */
static bool no_line_start(uint32_t cp)
{
	static const uint32_t marks[] = {
	    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0xFF3D, 0xFF5D,
	    0x300D, 0x300F, 0x3011, 0x3009, 0x300B, 0x3015, 0x3017, 0x2019, 0x201D, 0x2026, 0x00BB,
	    ')',    ']',    '}',    ',',    '.',    ';',    ':',    '!',    '?'};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (marks[i] == cp)
			return true;
	return false;
}

static bool no_line_end(uint32_t cp)
{
	static const uint32_t marks[] = {0xFF08, 0xFF3B, 0xFF5B, 0x300C, 0x300E, 0x3010,
					 0x3008, 0x300A, 0x3014, 0x3016, 0x2018, 0x201C,
					 0x00AB, '(',	 '[',	 '{'};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (marks[i] == cp)
			return true;
	return false;
}

static size_t prev_char(const char *s, size_t start, size_t at)
{
	while (at > start && ((unsigned char)s[--at] & 0xC0) == 0x80)
		;
	return at;
}

/* The characters on either side of at (a before, b at it). */
static void around(const char *s, size_t n, size_t start, size_t at, uint32_t *a, uint32_t *b)
{
	size_t p = prev_char(s, start, at);
	utf8_decode(s + p, n - p, a);
	utf8_decode(s + at, n - at, b);
}

/* Would a line end at at break 禁则 (a closing mark starting the next
 * line, an opening mark ending this one)? */
static bool kinsoku_blocked(const char *s, size_t n, size_t start, size_t at)
{
	if (at <= start || at >= n)
		return false;
	uint32_t a, b;
	around(s, n, start, at, &a, &b);
	return no_line_start(b) || no_line_end(a);
}

/* May a line end between the character before at and the one at at? */
static bool may_break(const char *s, size_t n, size_t start, size_t at)
{
	if (at <= start || at >= n)
		return true;
	uint32_t a, b;
	around(s, n, start, at, &a, &b);
	if (no_line_start(b) || no_line_end(a))
		return false;
	return a == ' ' || breaks_anywhere(a) || breaks_anywhere(b);
}

size_t utf8_wrap(const char *s, size_t cols, void (*emit)(const char *line, size_t len, void *ctx),
		 void *ctx)
{
	size_t n = strlen(s), lines = 0, start = 0;
	if (cols == 0)
		cols = 1;
	while (start <= n) {
		size_t i = start, w = 0, brk = 0;
		bool hard = false;
		while (i < n) {
			uint32_t cp;
			size_t k = utf8_decode(s + i, n - i, &cp);
			if (cp == '\n') {
				hard = true;
				break;
			}
			size_t cw = (size_t)utf8_cpwidth(cp);
			if (w + cw > cols)
				break;
			if (cp == ' ' || breaks_anywhere(cp))
				brk = cp == ' ' ? i + 1 : i + k;
			w += cw;
			i += k;
		}
		size_t end = i, next = i;
		if (hard) {
			next = i + 1;
		} else if (i < n) {
			uint32_t cp;
			utf8_decode(s + i, n - i, &cp);
			if (cp == ' ') {
				next = i + 1;
			} else if (breaks_anywhere(cp)) {
				/* break right here */
			} else if (brk > start) {
				end = next = brk;
			}
			/* A break that would start the line with a closing mark
			 * (or end one with an opening mark) moves back a few
			 * characters, to the nearest place a line may end. */
			if (end == next && kinsoku_blocked(s, n, start, end)) {
				size_t at = end;
				for (int k = 0; k < 6 && at > start; k++) {
					at = prev_char(s, start, at);
					if (at > start && may_break(s, n, start, at)) {
						end = next = at;
						break;
					}
				}
			}
			if (end == start) /* one character wider than the line */
				end = next = utf8_next(s, n, start);
		}
		size_t len = end - start;
		while (len > 0 && s[start + len - 1] == ' ' && !hard)
			len--;
		if (emit)
			emit(s + start, len, ctx);
		lines++;
		if (i >= n && !hard)
			break;
		start = next;
		if (start == n && hard) {
			if (emit)
				emit(s + n, 0, ctx);
			lines++;
			break;
		}
	}
	return lines;
}
