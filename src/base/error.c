/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "xalloc.h"

void ipw_error_clear(struct ipw_error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

__attribute__((format(printf, 6, 0))) static int error_vset(struct ipw_error *err,
							    enum ipw_status status,
							    const char *file, int line, int column,
							    const char *fmt, va_list ap)
{
	if (!err)
		return status;
	err->status = status;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	err->column = column;
	return status;
}

int ipw_error_set(struct ipw_error *err, enum ipw_status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = error_vset(err, status, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return r;
}

int ipw_error_at(struct ipw_error *err, enum ipw_status status, const char *file, int line,
		 int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = error_vset(err, status, file, line, column, fmt, ap);
	va_end(ap);
	return r;
}

void ipw_error_format(const struct ipw_error *err, char *buf, size_t size)
{
	if (err->file[0] && err->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->file, err->line, err->column, err->msg);
	else if (err->file[0])
		snprintf(buf, size, "%s: %s", err->file, err->msg);
	else
		snprintf(buf, size, "%s", err->msg);
}

void ipw_diags_add(struct ipw_diags *d, enum ipw_severity sev, const char *file, int line,
		   int column, const char *fmt, ...)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	struct ipw_diag *g = &d->v[d->n++];
	va_list ap;
	va_start(ap, fmt);
	g->msg = xvasprintf(fmt, ap);
	va_end(ap);
	g->severity = sev;
	g->file = xstrdup(file ? file : "");
	g->line = line;
	g->column = column;
	if (sev == IPW_SEV_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
}

void ipw_diags_free(struct ipw_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].msg);
		free(d->v[i].file);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

static int diag_cmp(const void *a, const void *b)
{
	const struct ipw_diag *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->column != y->column)
		return x->column < y->column ? -1 : 1;
	return x < y ? -1 : (x > y);
}

void ipw_diags_sort(struct ipw_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diag_cmp);
}
