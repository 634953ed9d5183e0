/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xalloc.h — allocation that never returns NULL: on exhaustion the process
 * aborts with a message (a seller cannot act on "out of memory" half-way
 * through a transaction anyway; SQLite keeps the data safe). */
#ifndef IPWIZ_XALLOC_H
#define IPWIZ_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Replace *dst with a copy of src (NULL allowed), freeing the old value. */
void xstrset(char **dst, const char *src);

#endif
