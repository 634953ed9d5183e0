/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_builder.c — reading typed values out of the YAML tree, with a
 * file:line:column sentence for every value of the wrong form. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "flow_internal.h"

void fb_error(struct flow_builder *b, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, at ? at->line : 0, at ? at->column : 0,
		      "%s", msg);
	free(msg);
}

void fb_warning(struct flow_builder *b, int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	ipw_diags_add(b->diags, IPW_SEV_WARNING, b->file, line, column, "%s", msg);
	free(msg);
}

/* Levenshtein distance, for "did you mean" on misspelt keys. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t sub = prev + (a[i - 1] != b[j - 1]);
			size_t best = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
			row[j] = sub < best ? sub : best;
			prev = cur;
		}
	}
	return row[lb];
}

void fb_check_keys(struct flow_builder *b, const struct ynode *map, const char *const *allowed,
		   const char *what)
{
	for (size_t i = 0; i < map->n; i++) {
		const char *key = map->keys[i].text;
		bool known = false;
		for (const char *const *a = allowed; *a && !known; a++)
			known = strcmp(*a, key) == 0;
		if (known)
			continue;
		/* Only a mistake pays for the "did you mean" search. */
		const char *near = NULL;
		size_t best = 3;
		for (const char *const *a = allowed; *a; a++) {
			size_t d = distance(*a, key);
			if (d < best) {
				best = d;
				near = *a;
			}
		}
		if (near)
			fb_error(b, &map->keys[i], _("unknown key “%s” in %s; did you mean “%s”?"),
				 key, what, near);
		else
			fb_error(b, &map->keys[i], _("unknown key “%s” in %s"), key, what);
	}
}

bool fb_expect_map(struct flow_builder *b, const struct ynode *n, const char *what)
{
	if (n->kind == YNODE_MAP)
		return true;
	fb_error(b, n, _("%s must be a mapping of keys and values, not %s"), what,
		 ytree_kind_name(n));
	return false;
}

static const struct ynode *scalar_at(struct flow_builder *b, const struct ynode *map,
				     const char *key)
{
	const struct ynode *v = ytree_get(map, key);
	if (v && v->kind != YNODE_SCALAR) {
		fb_error(b, v, _("“%s” must be a single value, not %s"), key, ytree_kind_name(v));
		return NULL;
	}
	return v;
}

/* The single value under key: 1 with *v set, 0 when the key is absent,
 * -1 (reported) when it holds a list or a mapping. */
static int scalar_value(struct flow_builder *b, const struct ynode *map, const char *key,
			bool *present, const struct ynode **v)
{
	*v = ytree_get(map, key);
	if (present)
		*present = *v != NULL;
	if (!*v)
		return 0;
	return (*v = scalar_at(b, map, key)) ? 1 : -1;
}

bool fb_str(struct flow_builder *b, const struct ynode *map, const char *key, bool required,
	    char **out)
{
	const struct ynode *v = ytree_get(map, key);
	if (!v) {
		if (required)
			fb_error(b, map, _("“%s” is missing here"), key);
		return !required;
	}
	if (!(v = scalar_at(b, map, key)))
		return false;
	if (strlen(v->text) != v->len) {
		fb_error(b, v, _("“%s” contains a NUL character"), key);
		return false;
	}
	if (required && v->len == 0) {
		fb_error(b, v, _("“%s” is empty"), key);
		return false;
	}
	for (const char *p = v->text; *p; p++)
		if (((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f) {
			/* A "\e[31m" escape in quotes: it would reach screens and documents. */
			fb_error(b, v, _("“%s” contains a control character; remove it"), key);
			return false;
		}
	xstrset(out, v->text);
	return true;
}

bool fb_uint(struct flow_builder *b, const struct ynode *map, const char *key, unsigned *out,
	     bool *present)
{
	const struct ynode *v;
	int has = scalar_value(b, map, key, present, &v);
	if (has <= 0)
		return has == 0;
	char *end;
	errno = 0;
	unsigned long x = strtoul(v->text, &end, 10);
	if (!isdigit((unsigned char)v->text[0]) || *end || errno || x > 1000000) {
		fb_error(b, v, _("“%s” must be a whole number from 0 to 1000000, not “%s”"), key,
			 v->text);
		return false;
	}
	*out = (unsigned)x;
	return true;
}

bool fb_number(struct flow_builder *b, const struct ynode *map, const char *key, double *out,
	       bool *present)
{
	const struct ynode *v;
	int has = scalar_value(b, map, key, present, &v);
	if (has <= 0)
		return has == 0;
	char *end;
	errno = 0;
	double x = number_strtod(v->text, &end);
	if (v->len == 0 || *end || errno || x != x) {
		fb_error(b, v, _("“%s” must be a number, not “%s”"), key, v->text);
		return false;
	}
	*out = x;
	return true;
}

bool fb_bool(struct flow_builder *b, const struct ynode *map, const char *key, bool *out)
{
	const struct ynode *v;
	int has = scalar_value(b, map, key, NULL, &v);
	if (has <= 0)
		return has == 0;
	if (!v->quoted && strcmp(v->text, "true") == 0)
		*out = true;
	else if (!v->quoted && strcmp(v->text, "false") == 0)
		*out = false;
	else {
		fb_error(b, v, _("“%s” must be true or false, not “%s”"), key, v->text);
		return false;
	}
	return true;
}

bool fb_size(struct flow_builder *b, const struct ynode *map, const char *key, uint64_t *out)
{
	const struct ynode *v;
	int has = scalar_value(b, map, key, NULL, &v);
	if (has <= 0)
		return has == 0;
	char *end;
	errno = 0;
	unsigned long long x = strtoull(v->text, &end, 10);
	uint64_t unit = 1;
	if (strcmp(end, "KB") == 0)
		unit = 1024;
	else if (strcmp(end, "MB") == 0)
		unit = 1024 * 1024;
	else if (strcmp(end, "GB") == 0)
		unit = 1024ull * 1024 * 1024;
	else if (*end)
		unit = 0;
	if (!isdigit((unsigned char)v->text[0]) || unit == 0 || errno || x > (1ull << 40) / unit) {
		fb_error(b, v, _("“%s” must be a size such as 500KB, 8MB or 1GB, not “%s”"), key,
			 v->text);
		return false;
	}
	*out = x * unit;
	return true;
}

bool fb_str_list(struct flow_builder *b, const struct ynode *map, const char *key, char ***out,
		 size_t *n)
{
	const struct ynode *v = ytree_get(map, key);
	if (!v)
		return true;
	if (v->kind == YNODE_SCALAR) { /* one value written without brackets */
		*out = xcalloc(1, sizeof **out);
		(*out)[0] = xstrdup(v->text);
		*n = 1;
		return true;
	}
	if (v->kind != YNODE_SEQ) {
		fb_error(b, v, _("“%s” must be a list such as [a, b]"), key);
		return false;
	}
	*out = xcalloc(v->n ? v->n : 1, sizeof **out);
	*n = 0;
	bool ok = true;
	for (size_t i = 0; i < v->n; i++) {
		if (v->items[i].kind != YNODE_SCALAR) {
			fb_error(b, &v->items[i], _("each item of “%s” must be a single value"),
				 key);
			ok = false;
			continue;
		}
		(*out)[(*n)++] = xstrdup(v->items[i].text);
	}
	return ok;
}

static bool looks_like_date(const char *s)
{
	return strlen(s) == 10 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-';
}

bool fb_expr(struct flow_builder *b, const struct ynode *map, const char *key, struct expr **out)
{
	const struct ynode *v;
	int has = scalar_value(b, map, key, NULL, &v);
	if (has <= 0)
		return has == 0;
	char *src =
	    looks_like_date(v->text) ? xasprintf("date(\"%s\")", v->text) : xstrdup(v->text);
	struct ipw_error err = {0};
	struct expr *e = expr_parse(src, &err);
	free(src);
	if (!e) {
		int col = v->column + (v->quoted ? 1 : 0) + (err.column > 0 ? err.column - 1 : 0);
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, v->line, col, _("in “%s”: %s"), key,
			      err.msg);
		return false;
	}
	*out = e;
	if (b->nsites == b->capsites) {
		b->capsites = b->capsites ? 2 * b->capsites : 32;
		b->sites = xreallocarray(b->sites, b->capsites, sizeof *b->sites);
	}
	b->sites[b->nsites++] = (struct flow_expr_site){e, v->line, v->column + (v->quoted ? 1 : 0),
							b->owner ? xstrdup(b->owner) : NULL, key};
	return true;
}

static bool valid_id(const char *s, bool dashes)
{
	if (!islower((unsigned char)s[0]) && !(dashes && isdigit((unsigned char)s[0])))
		return false;
	for (const char *p = s; *p; p++)
		if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    *p != (dashes ? '-' : '_'))
			return false;
	return strlen(s) <= 64;
}

bool fb_id(struct flow_builder *b, const struct ynode *map, const char *key, bool dashes,
	   char **out)
{
	if (!fb_str(b, map, key, true, out))
		return false;
	if (valid_id(*out, dashes))
		return true;
	fb_error(b, ytree_get(map, key),
		 dashes ? _("“%s” must use lower-case letters, digits and dashes, such as "
			    "“my-flow”")
			: _("“%s” must start with a lower-case letter and use only lower-case "
			    "letters, digits and underscores, such as “notice_date”"),
		 *out);
	return false;
}
