/* SPDX-License-Identifier: GPL-3.0-or-later */
/* strbuf.h — a growable byte string, always NUL-terminated. */
#ifndef IPWIZ_STRBUF_H
#define IPWIZ_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *s; /* never NULL after strbuf_init */
	size_t len, cap;
};

void strbuf_init(struct strbuf *b);
void strbuf_free(struct strbuf *b);
void strbuf_reset(struct strbuf *b);
/* Keep the first len bytes (len at most the current length). */
void strbuf_truncate(struct strbuf *b, size_t len);
void strbuf_addn(struct strbuf *b, const char *s, size_t n);
void strbuf_add(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Give the buffer's string to the caller (who frees it); b is reset. */
char *strbuf_detach(struct strbuf *b);

#endif
