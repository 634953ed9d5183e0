/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr.c — the life of a parsed condition: what it refers to, its source,
 * freeing it; and the values conditions produce. The language itself is in
 * expr_lex.c (words), expr_parse.c (grammar), expr_eval.c (meaning) and
 * expr_date.c (calendar dates). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "expr_internal.h"

void value_free(struct value *v)
{
	if (!v)
		return;
	free(v->str);
	for (size_t i = 0; i < v->nitems; i++)
		value_free(&v->items[i]);
	free(v->items);
	memset(v, 0, sizeof(*v));
}

bool value_truthy(const struct value *v)
{
	switch (v->type) {
	case VALUE_NULL:
		return false;
	case VALUE_BOOL:
		return v->b;
	case VALUE_NUMBER:
		return v->num != 0;
	case VALUE_STRING:
		return v->str && *v->str;
	case VALUE_DATE:
		return true;
	case VALUE_LIST:
		return v->nitems > 0;
	}
	return false;
}

void expr_node_free(struct expr_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		expr_node_free(n->kids[i]);
	free(n->kids);
	free(n->path);
	value_free(&n->lit);
	free(n);
}

void expr_free(struct expr *e)
{
	if (!e)
		return;
	expr_node_free(e->root);
	free(e->src);
	free(e);
}

static void node_refs(const struct expr_node *n, void (*fn)(const char *ref, int column, void *ctx),
		      void *ctx)
{
	if (n->kind == EXPR_REF)
		fn(n->path, n->column, ctx);
	for (size_t i = 0; i < n->nkids; i++)
		node_refs(n->kids[i], fn, ctx);
}

void expr_refs(const struct expr *e, void (*fn)(const char *ref, int column, void *ctx), void *ctx)
{
	if (e)
		node_refs(e->root, fn, ctx);
}

const char *expr_source(const struct expr *e)
{
	return e ? e->src : NULL;
}
