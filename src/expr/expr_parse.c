/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr_parse.c — from the text of a condition to its tree, once, when the
 * flow loads. Precedence, loosest first:
 *
 *   or  ·  and  ·  not  ·  == != < <= > >= in (not in)  ·  + -  ·  unary -
 *
 * Comparisons do not chain (`a < b < c` is refused: it rarely means what its
 * author thinks). The first mistake stops the parse with its column. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr_internal.h"

struct parser {
	struct expr_lexer lx;
	struct expr_token tok;	     /* the token being looked at */
	size_t prev_start, prev_len; /* the one before it, for "after “==”" */
	int depth;
	bool failed;
};

static void fail(struct parser *p, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(struct parser *p, int column, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = true;
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	ipw_error_at(p->lx.err, IPW_EUSER, NULL, 0, column, "%s", msg);
	free(msg);
}

static bool advance(struct parser *p)
{
	free(p->tok.text);
	p->prev_start = p->tok.start;
	p->prev_len = p->tok.len;
	if (!expr_lex_next(&p->lx, &p->tok)) {
		p->failed = true;
		return false;
	}
	return true;
}

/* Nesting that recurses in the parser: parentheses, lists, calls, prefixes. */
static bool enter(struct parser *p, int column)
{
	if (++p->depth <= EXPR_MAX_DEPTH)
		return true;
	fail(p, column,
	     _("the condition is nested too deeply (more than %d levels): write it more simply"),
	     EXPR_MAX_DEPTH);
	return false;
}

static struct expr_node *node_new(enum expr_kind kind, int column)
{
	struct expr_node *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->column = column;
	n->height = 1;
	return n;
}

static void node_add(struct expr_node *n, struct expr_node *kid)
{
	/* Capacity doubles at each power of two: long `or` chains and lists. */
	if ((n->nkids & (n->nkids - 1)) == 0)
		n->kids = xreallocarray(n->kids, n->nkids ? n->nkids * 2 : 1, sizeof(*n->kids));
	n->kids[n->nkids++] = kid;
	if (kid->height + 1 > n->height)
		n->height = kid->height + 1;
}

/* The tree's height bounds the evaluator's recursion: `a + a + … + a`
 * nests without any parenthesis. A leaf is no level, so 64 times `not`
 * passes both this and enter(). */
static struct expr_node *finish(struct parser *p, struct expr_node *n)
{
	if (n->height <= EXPR_MAX_DEPTH + 1)
		return n;
	fail(p, n->column,
	     _("the condition is nested too deeply (more than %d levels): write it more simply"),
	     EXPR_MAX_DEPTH);
	expr_node_free(n);
	return NULL;
}

static struct expr_node *parse_or(struct parser *p);

static struct expr_node *expected_value(struct parser *p)
{
	if (p->failed)
		return NULL;
	if (p->tok.kind == TOK_END) {
		char *q = expr_lex_quote(p->lx.src, p->prev_start, p->prev_len);
		fail(p, p->tok.column,
		     _("the condition ends too early: expected a value after “%s”"), q);
		free(q);
		return NULL;
	}
	char *q = expr_lex_quote(p->lx.src, p->tok.start, p->tok.len);
	fail(p, p->tok.column,
	     _("expected a value (a field name, a \"text\", a number, true, false or null) "
	       "instead of “%s”"),
	     q);
	free(q);
	return NULL;
}

/* Items up to the closing token: `[a, b]` or the arguments of a call. */
static bool parse_items(struct parser *p, struct expr_node *n, enum expr_tok close, int open_col)
{
	if (!advance(p))
		return false;
	while (p->tok.kind != close) {
		struct expr_node *item = parse_or(p);
		if (!item)
			return false;
		node_add(n, item);
		if (p->tok.kind == TOK_COMMA) {
			if (!advance(p))
				return false;
		} else if (p->tok.kind != close) {
			if (close == TOK_RBRACKET)
				fail(p, p->tok.column,
				     _("expected , between two items or ] to close the [ at column "
				       "%d"),
				     open_col);
			else
				fail(p, p->tok.column,
				     _("expected , between two values or ) to close the ( at "
				       "column %d"),
				     open_col);
			return false;
		}
	}
	return advance(p);
}

static const struct {
	const char *name;
	enum expr_func func;
} functions[] = {
    {"answered", FUNC_ANSWERED}, {"count", FUNC_COUNT}, {"has", FUNC_HAS},
    {"len", FUNC_LEN},		 {"date", FUNC_DATE},	{"host_in", FUNC_HOST_IN},
};

/* Each function's arguments, checked at load so a flow cannot ship a call
 * that could only ever be null. */
static bool check_call(struct parser *p, struct expr_node *n)
{
	struct expr_node **k = n->kids;
	switch ((enum expr_func)n->op) {
	case FUNC_ANSWERED:
		if (n->nkids == 1 && k[0]->kind == EXPR_REF)
			return true;
		fail(p, n->column, _("answered( ) takes one field name, as in answered(email)"));
		return false;
	case FUNC_COUNT:
		if (n->nkids == 1 && k[0]->kind == EXPR_REF)
			return true;
		fail(p, n->column, _("count( ) takes one field name, as in count(products)"));
		return false;
	case FUNC_HAS:
		if (n->nkids == 2)
			return true;
		fail(p, n->column,
		     _("has( ) takes a field and a value, as in has(grounds, \"genuine\")"));
		return false;
	case FUNC_LEN:
		if (n->nkids == 1)
			return true;
		fail(p, n->column, _("len( ) takes one value, as in len(description)"));
		return false;
	case FUNC_HOST_IN:
		if (n->nkids == 2)
			return true;
		fail(p, n->column,
		     _("host_in( ) takes an address and a list of domains, as in "
		       "host_in(url, [\"taobao.com\"])"));
		return false;
	case FUNC_DATE:
		break;
	}
	if (n->nkids != 1 || (k[0]->kind == EXPR_LIT && k[0]->lit.type != VALUE_STRING)) {
		fail(p, n->column,
		     _("date( ) takes one date in quotes, as in date(\"2026-02-14\")"));
		return false;
	}
	long days;
	if (k[0]->kind == EXPR_LIT && !expr_parse_date(k[0]->lit.str, &days)) {
		char *q = expr_lex_quote(k[0]->lit.str, 0, strlen(k[0]->lit.str));
		fail(p, k[0]->column,
		     _("“%s” is not a real date: write year-month-day, as in 2026-02-14"), q);
		free(q);
		return false;
	}
	return true;
}

/* name( … ): the parser is on the "(". */
static struct expr_node *parse_call(struct parser *p, const char *name, int column)
{
	struct expr_node *n = node_new(EXPR_CALL, column);
	size_t i = 0, nfuncs = sizeof(functions) / sizeof(functions[0]);
	while (i < nfuncs && strcmp(functions[i].name, name) != 0)
		i++;
	if (i == nfuncs && strcmp(name, "today") != 0) {
		fail(p, column,
		     _("there is no function “%s”: use answered, count, has, len, host_in or date"),
		     name);
		goto fail;
	}
	int open = p->tok.column;
	if (!enter(p, open) || !parse_items(p, n, TOK_RPAREN, open))
		goto fail;
	p->depth--;
	if (i == nfuncs) { /* today( ) reads like the other built-ins */
		if (n->nkids) {
			fail(p, column, _("today takes no values: write today"));
			goto fail;
		}
		n->kind = EXPR_TODAY;
		return n;
	}
	n->op = (int)functions[i].func;
	if (!check_call(p, n))
		goto fail;
	return finish(p, n);
fail:
	expr_node_free(n);
	return NULL;
}

static struct expr_node *parse_name(struct parser *p)
{
	char *name = p->tok.text;
	int column = p->tok.column;
	p->tok.text = NULL;
	struct expr_node *n = NULL;
	if (!advance(p))
		goto out;
	if (p->tok.kind == TOK_LPAREN) {
		n = parse_call(p, name, column);
	} else if (strcmp(name, "today") == 0) {
		n = node_new(EXPR_TODAY, column);
	} else {
		n = node_new(EXPR_REF, column);
		n->path = name;
		name = NULL;
	}
out:
	free(name);
	return n;
}

static struct expr_node *parse_group(struct parser *p, enum expr_tok close)
{
	int open = p->tok.column;
	struct expr_node *n = NULL;
	if (!enter(p, open))
		return NULL;
	if (close == TOK_RBRACKET) {
		n = node_new(EXPR_LIST, open);
		if (!parse_items(p, n, TOK_RBRACKET, open)) {
			expr_node_free(n);
			return NULL;
		}
		n = finish(p, n);
	} else {
		if (!advance(p) || !(n = parse_or(p)))
			return NULL;
		if (p->tok.kind != TOK_RPAREN) {
			fail(p, p->tok.column, _("expected ) to close the ( at column %d"), open);
			expr_node_free(n);
			return NULL;
		}
		if (!advance(p)) {
			expr_node_free(n);
			return NULL;
		}
	}
	p->depth--;
	return n;
}

static struct expr_node *parse_literal(struct parser *p)
{
	struct expr_node *n = node_new(EXPR_LIT, p->tok.column);
	switch (p->tok.kind) {
	case TOK_NUMBER:
		n->lit.type = VALUE_NUMBER;
		n->lit.num = p->tok.num;
		break;
	case TOK_STRING:
		n->lit.type = VALUE_STRING;
		n->lit.str = p->tok.text;
		p->tok.text = NULL;
		break;
	case TOK_TRUE:
	case TOK_FALSE:
		n->lit.type = VALUE_BOOL;
		n->lit.b = p->tok.kind == TOK_TRUE;
		break;
	default:
		n->lit.type = VALUE_NULL;
		break;
	}
	if (!advance(p)) {
		expr_node_free(n);
		return NULL;
	}
	return n;
}

static struct expr_node *parse_primary(struct parser *p)
{
	switch (p->tok.kind) {
	case TOK_NUMBER:
	case TOK_STRING:
	case TOK_TRUE:
	case TOK_FALSE:
	case TOK_NULL:
		return parse_literal(p);
	case TOK_NAME:
		return parse_name(p);
	case TOK_LPAREN:
		return parse_group(p, TOK_RPAREN);
	case TOK_LBRACKET:
		return parse_group(p, TOK_RBRACKET);
	default:
		return expected_value(p);
	}
}

/* A prefix (`not`, unary `-`) and what follows it. */
static struct expr_node *parse_prefix(struct parser *p, enum expr_kind kind,
				      struct expr_node *(*operand)(struct parser *))
{
	int column = p->tok.column;
	if (!enter(p, column) || !advance(p))
		return NULL;
	struct expr_node *kid = operand(p);
	if (!kid)
		return NULL;
	p->depth--;
	if (kind == EXPR_NEG && kid->kind == EXPR_LIT && kid->lit.type == VALUE_NUMBER) {
		kid->lit.num = -kid->lit.num; /* -3 is a number, not an operation */
		kid->column = column;
		return kid;
	}
	struct expr_node *n = node_new(kind, column);
	node_add(n, kid);
	return finish(p, n);
}

static struct expr_node *parse_unary(struct parser *p)
{
	if (p->tok.kind == TOK_MINUS)
		return parse_prefix(p, EXPR_NEG, parse_unary);
	return parse_primary(p);
}

static struct expr_node *parse_add(struct parser *p)
{
	struct expr_node *n = parse_unary(p);
	while (n && (p->tok.kind == TOK_PLUS || p->tok.kind == TOK_MINUS)) {
		struct expr_node *op =
		    node_new(p->tok.kind == TOK_PLUS ? EXPR_ADD : EXPR_SUB, p->tok.column);
		node_add(op, n);
		struct expr_node *right = advance(p) ? parse_unary(p) : NULL;
		if (!right) {
			expr_node_free(op);
			return NULL;
		}
		node_add(op, right);
		n = finish(p, op);
	}
	return n;
}

static bool is_comparison(enum expr_tok t)
{
	return t == TOK_EQ || t == TOK_NE || t == TOK_LT || t == TOK_LE || t == TOK_GT ||
	       t == TOK_GE || t == TOK_IN || t == TOK_NOT;
}

static struct expr_node *parse_cmp(struct parser *p)
{
	struct expr_node *left = parse_add(p);
	if (!left || !is_comparison(p->tok.kind))
		return left;
	enum expr_tok t = p->tok.kind;
	struct expr_node *n =
	    node_new(t == TOK_IN || t == TOK_NOT ? EXPR_IN : EXPR_CMP, p->tok.column);
	n->op = (int)t;
	node_add(n, left);
	if (!advance(p))
		goto fail;
	if (t == TOK_NOT) { /* after a value, not only begins `not in` */
		if (p->tok.kind != TOK_IN) {
			fail(p, n->column,
			     _("after a value, not must be followed by in, as in "
			       "ip_type not in [\"patent\", \"design\"]"));
			goto fail;
		}
		n->op = 1;
		if (!advance(p))
			goto fail;
	} else if (t == TOK_IN) {
		n->op = 0;
	}
	struct expr_node *right = parse_add(p);
	if (!right)
		goto fail;
	node_add(n, right);
	if (is_comparison(p->tok.kind)) {
		fail(p, p->tok.column,
		     _("compare two values at a time: join comparisons with and"));
		goto fail;
	}
	return finish(p, n);
fail:
	expr_node_free(n);
	return NULL;
}

static struct expr_node *parse_not(struct parser *p)
{
	if (p->tok.kind == TOK_NOT)
		return parse_prefix(p, EXPR_NOT, parse_not);
	return parse_cmp(p);
}

/* a and b and c (or the same with `or`): one node with every operand, so a
 * long list of alternatives does not count as nesting. */
static struct expr_node *parse_chain(struct parser *p, enum expr_tok t, enum expr_kind kind,
				     struct expr_node *(*operand)(struct parser *))
{
	struct expr_node *first = operand(p);
	if (!first || p->tok.kind != t)
		return first;
	struct expr_node *n = node_new(kind, p->tok.column);
	node_add(n, first);
	while (p->tok.kind == t) {
		struct expr_node *k = advance(p) ? operand(p) : NULL;
		if (!k) {
			expr_node_free(n);
			return NULL;
		}
		node_add(n, k);
	}
	return finish(p, n);
}

static struct expr_node *parse_and(struct parser *p)
{
	return parse_chain(p, TOK_AND, EXPR_AND, parse_not);
}

static struct expr_node *parse_or(struct parser *p)
{
	return parse_chain(p, TOK_OR, EXPR_OR, parse_and);
}

static void trailing(struct parser *p)
{
	if (p->tok.kind == TOK_RPAREN) {
		fail(p, p->tok.column, _("this ) has no ( before it"));
		return;
	}
	if (p->tok.kind == TOK_RBRACKET) {
		fail(p, p->tok.column, _("this ] has no [ before it"));
		return;
	}
	char *q = expr_lex_quote(p->lx.src, p->tok.start, p->tok.len);
	fail(p, p->tok.column, _("“%s” does not belong here: join two conditions with and or or"),
	     q);
	free(q);
}

struct expr *expr_parse(const char *src, struct ipw_error *err)
{
	if (!src)
		src = "";
	struct parser p = {.lx = {.src = src, .column = 1, .err = err}};
	struct expr_node *root = NULL;
	if (!advance(&p))
		goto out;
	if (p.tok.kind == TOK_END) {
		fail(&p, 1, _("the condition is empty: write one, such as ip_type == \"patent\""));
		goto out;
	}
	root = parse_or(&p);
	if (root && p.tok.kind != TOK_END) {
		trailing(&p);
		expr_node_free(root);
		root = NULL;
	}
out:
	free(p.tok.text);
	if (!root)
		return NULL;
	struct expr *e = xcalloc(1, sizeof(*e));
	e->src = xstrdup(src);
	e->root = root;
	return e;
}
