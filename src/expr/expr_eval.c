/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr_eval.c — what a condition means against the answers of a case.
 *
 * Answers are text; a reference takes the type of its field (a date field
 * gives a date, a number field a number, yes/no a boolean, a multichoice the
 * list of its values), and text compared with a date or a number is read as
 * one, so `notice_date > "2026-01-01"` and `pieces > 20` both work whatever
 * the field's type; a multichoice equals the text of its picks, one a line.
 * Null (unanswered) follows expr.h: comparisons with it are false, except
 * `null == null` and `x != null` (the literal null); arithmetic and functions
 * of it are null, except answered(), count() and has(). Nothing here fails:
 * what cannot be computed is null. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "expr_internal.h"

static void eval(const struct expr_node *n, const struct expr_env *env, struct value *out);

static void set_bool(struct value *v, bool b)
{
	v->type = VALUE_BOOL;
	v->b = b;
}

static void set_number(struct value *v, double d)
{
	if (isfinite(d)) {
		v->type = VALUE_NUMBER;
		v->num = d;
	}
}

/* Dates are whole days within years 1–9999; anything else is null. */
static void set_date(struct value *v, double days)
{
	if (days >= EXPR_DAYS_MIN && days <= EXPR_DAYS_MAX && days == floor(days)) {
		v->type = VALUE_DATE;
		v->days = (long)days;
	}
}

static void set_string(struct value *v, const char *s)
{
	v->type = VALUE_STRING;
	v->str = xstrdup(s);
}

static void copy_value(const struct value *from, struct value *to)
{
	*to = *from;
	to->str = from->str ? xstrdup(from->str) : NULL;
	to->items = from->nitems ? xcalloc(from->nitems, sizeof(*to->items)) : NULL;
	for (size_t i = 0; i < from->nitems; i++)
		copy_value(&from->items[i], &to->items[i]);
}

/* A multichoice answer ("genuine\nauthorised") as the list of its values. */
static void split_lines(const char *s, struct value *out)
{
	out->type = VALUE_LIST;
	while (*s) {
		size_t len = strcspn(s, "\n");
		if (len) {
			out->items =
			    xreallocarray(out->items, out->nitems + 1, sizeof(*out->items));
			struct value *item = &out->items[out->nitems++];
			memset(item, 0, sizeof(*item));
			item->type = VALUE_STRING;
			item->str = xstrndup(s, len);
		}
		s += len + (s[len] == '\n');
	}
}

static enum value_type answer_type(const struct expr_env *env, const char *path)
{
	return env->answer_type ? env->answer_type(env->ctx, path) : VALUE_STRING;
}

static const char *lookup(const struct expr_env *env, const char *path)
{
	const char *text = env->lookup ? env->lookup(env->ctx, path) : NULL;
	return text && *text ? text : NULL;
}

/* Text as a value of type `to`, for comparing it with one. */
static bool from_string(const char *s, enum value_type to, struct value *out)
{
	memset(out, 0, sizeof(*out));
	long days;
	double d;
	switch (to) {
	case VALUE_NUMBER:
		if (!expr_parse_number(s, strlen(s), &d))
			return false;
		set_number(out, d);
		return true;
	case VALUE_DATE:
		if (!expr_parse_date(s, &days))
			return false;
		set_date(out, (double)days);
		return true;
	case VALUE_BOOL:
		if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0)
			set_bool(out, true);
		else if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0)
			set_bool(out, false);
		else
			return false;
		return true;
	default:
		return false;
	}
}

static void eval_ref(const char *path, const struct expr_env *env, struct value *out)
{
	const char *text = lookup(env, path);
	if (!text)
		return;
	enum value_type t = answer_type(env, path);
	if (t == VALUE_LIST) {
		split_lines(text, out);
		return;
	}
	if ((t == VALUE_DATE || t == VALUE_NUMBER || t == VALUE_BOOL) && from_string(text, t, out))
		return;
	set_string(out, text);
}

static bool lists_equal(const struct value *a, const struct value *b);

/* Order a and b (*cmp <0, 0, >0) once they have one type, which goes to
 * *type. False when they cannot be compared: the comparison is then null. */
static bool compare(const struct value *a, const struct value *b, int *cmp, enum value_type *type)
{
	struct value ca, cb;
	if ((a->type == VALUE_LIST && b->type == VALUE_STRING) ||
	    (a->type == VALUE_STRING && b->type == VALUE_LIST)) {
		/* A text's lines are values picked, so `grounds == "genuine"`
		 * holds when that is the only one. */
		struct value lines = {0};
		split_lines(a->type == VALUE_STRING ? a->str : b->str, &lines);
		*cmp = !lists_equal(a->type == VALUE_LIST ? a : b, &lines);
		*type = VALUE_LIST;
		value_free(&lines);
		return true;
	}
	if (a->type != b->type) {
		if (a->type == VALUE_STRING && from_string(a->str, b->type, &ca))
			a = &ca;
		else if (b->type == VALUE_STRING && from_string(b->str, a->type, &cb))
			b = &cb;
		else
			return false;
	}
	*type = a->type;
	switch (a->type) {
	case VALUE_NUMBER:
		*cmp = (a->num > b->num) - (a->num < b->num);
		return true;
	case VALUE_DATE:
		*cmp = (a->days > b->days) - (a->days < b->days);
		return true;
	case VALUE_STRING:
		*cmp = strcmp(a->str, b->str);
		return true;
	case VALUE_BOOL:
		*cmp = a->b != b->b;
		return true;
	case VALUE_LIST:
		*cmp = !lists_equal(a, b);
		return true;
	case VALUE_NULL:
		*cmp = 0;
		return true;
	}
	return false;
}

static bool values_equal(const struct value *a, const struct value *b)
{
	int cmp;
	enum value_type t;
	return compare(a, b, &cmp, &t) && cmp == 0;
}

static bool lists_equal(const struct value *a, const struct value *b)
{
	if (a->nitems != b->nitems)
		return false;
	for (size_t i = 0; i < a->nitems; i++)
		if (!values_equal(&a->items[i], &b->items[i]))
			return false;
	return true;
}

static bool is_null_literal(const struct expr_node *n)
{
	return n->kind == EXPR_LIT && n->lit.type == VALUE_NULL;
}

/* With null on a side, only `null == null` and `x != null` hold: an
 * unanswered field is not "different from" a value, it is unknown. */
static bool null_comparison(const struct expr_node *n, const struct value *a, const struct value *b)
{
	bool anull = a->type == VALUE_NULL, bnull = b->type == VALUE_NULL;
	if (n->op == TOK_EQ)
		return anull && bnull;
	if (n->op == TOK_NE)
		return (anull && !bnull && is_null_literal(n->kids[0])) ||
		       (bnull && !anull && is_null_literal(n->kids[1]));
	return false;
}

static void eval_cmp(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	struct value a = {0}, b = {0};
	eval(n->kids[0], env, &a);
	eval(n->kids[1], env, &b);
	int cmp;
	enum value_type t;
	if (a.type == VALUE_NULL || b.type == VALUE_NULL)
		set_bool(out, null_comparison(n, &a, &b));
	else if (!compare(&a, &b, &cmp, &t))
		; /* a type mismatch is null */
	else if (n->op == TOK_EQ)
		set_bool(out, cmp == 0);
	else if (n->op == TOK_NE)
		set_bool(out, cmp != 0);
	else if (t == VALUE_BOOL || t == VALUE_LIST)
		; /* equal or not, but never smaller */
	else
		set_bool(out, n->op == TOK_LT	? cmp < 0
			      : n->op == TOK_LE ? cmp <= 0
			      : n->op == TOK_GT ? cmp > 0
						: cmp >= 0);
	value_free(&a);
	value_free(&b);
}

/* Is x one of the items of list (a list, or multichoice text)? -1 when
 * list is neither. */
static int contains(const struct value *list, const struct value *x)
{
	struct value lines = {0};
	if (list->type == VALUE_STRING) {
		split_lines(list->str, &lines);
		list = &lines;
	}
	int found = -1;
	if (list->type == VALUE_LIST) {
		found = 0;
		for (size_t i = 0; i < list->nitems && !found; i++)
			found = values_equal(x, &list->items[i]);
	}
	value_free(&lines);
	return found;
}

static void eval_in(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	struct value x = {0}, list = {0};
	eval(n->kids[0], env, &x);
	eval(n->kids[1], env, &list);
	if (x.type == VALUE_NULL || list.type == VALUE_NULL) {
		set_bool(out, false);
	} else {
		int found = contains(&list, &x);
		if (found >= 0)
			set_bool(out, n->op ? !found : found);
	}
	value_free(&x);
	value_free(&list);
}

/* Text next to a number or a date in + or - is read as a number, else as
 * a date ("2026-03-01" - notice_date). */
static bool arith_operand(struct value *v)
{
	if (v->type != VALUE_STRING)
		return v->type == VALUE_NUMBER || v->type == VALUE_DATE;
	struct value c;
	if (!from_string(v->str, VALUE_NUMBER, &c) && !from_string(v->str, VALUE_DATE, &c))
		return false;
	value_free(v);
	*v = c;
	return v->type != VALUE_NULL;
}

static void eval_arith(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	struct value a = {0}, b = {0};
	eval(n->kids[0], env, &a);
	eval(n->kids[1], env, &b);
	bool sub = n->kind == EXPR_SUB;
	if (a.type == VALUE_STRING && b.type == VALUE_STRING)
		goto out; /* no arithmetic on two texts */
	if (!arith_operand(&a) || !arith_operand(&b))
		goto out;
	if (a.type == VALUE_NUMBER && b.type == VALUE_NUMBER)
		set_number(out, sub ? a.num - b.num : a.num + b.num);
	else if (a.type == VALUE_DATE && b.type == VALUE_NUMBER)
		set_date(out, sub ? (double)a.days - b.num : (double)a.days + b.num);
	else if (a.type == VALUE_NUMBER && b.type == VALUE_DATE && !sub)
		set_date(out, a.num + (double)b.days);
	else if (a.type == VALUE_DATE && b.type == VALUE_DATE && sub)
		set_number(out, (double)(a.days - b.days));
out:
	value_free(&a);
	value_free(&b);
}

static void eval_neg(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	struct value a = {0};
	eval(n->kids[0], env, &a);
	struct value num;
	if (a.type == VALUE_NUMBER)
		set_number(out, -a.num);
	else if (a.type == VALUE_STRING && from_string(a.str, VALUE_NUMBER, &num))
		set_number(out, -num.num);
	value_free(&a);
}

/* The host of an address ("https://Item.Taobao.com:443/x" → "item.taobao.com"),
 * lower-cased, without a user, port, path or a trailing dot; NULL when there
 * is none. */
static char *url_host(const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n);
	if (at) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	const char *colon = memchr(p, ':', n);
	if (colon)
		n = (size_t)(colon - p);
	while (n && p[n - 1] == '.')
		n--;
	if (!n)
		return NULL;
	char *h = xstrndup(p, n);
	for (char *c = h; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return h;
}

/* Is the host one of the domains, or under one of them (item.taobao.com
 * under taobao.com, not nottaobao.com)? */
static bool host_under(const char *host, const struct value *domains)
{
	size_t hl = strlen(host);
	for (size_t i = 0; i < domains->nitems; i++) {
		const struct value *d = &domains->items[i];
		if (d->type != VALUE_STRING || !*d->str)
			continue;
		size_t dl = strlen(d->str);
		if (dl <= hl && strcasecmp(host + hl - dl, d->str) == 0 &&
		    (dl == hl || host[hl - dl - 1] == '.'))
			return true;
	}
	return false;
}

static void eval_host_in(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	struct value url = {0}, domains = {0};
	eval(n->kids[0], env, &url);
	eval(n->kids[1], env, &domains);
	char *host = url.type == VALUE_STRING ? url_host(url.str) : NULL;
	if (host && domains.type == VALUE_LIST)
		set_bool(out, host_under(host, &domains));
	free(host);
	value_free(&url);
	value_free(&domains);
}

static void eval_call(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	const char *path = n->kids[0]->path;
	struct value a = {0}, b = {0};
	switch ((enum expr_func)n->op) {
	case FUNC_ANSWERED:
		set_bool(out, lookup(env, path) || (env->count && env->count(env->ctx, path) > 0));
		return;
	case FUNC_COUNT:
		if (answer_type(env, path) == VALUE_LIST) {
			eval_ref(path, env, &a);
			set_number(out, (double)a.nitems);
		} else {
			set_number(out, env->count ? (double)env->count(env->ctx, path) : 0);
		}
		break;
	case FUNC_HAS:
		eval(n->kids[0], env, &a);
		eval(n->kids[1], env, &b);
		set_bool(out, b.type != VALUE_NULL && contains(&a, &b) > 0);
		break;
	case FUNC_LEN:
		eval(n->kids[0], env, &a);
		if (a.type == VALUE_STRING)
			set_number(out, (double)expr_utf8_length(a.str));
		else if (a.type == VALUE_LIST)
			set_number(out, (double)a.nitems);
		break;
	case FUNC_HOST_IN:
		eval_host_in(n, env, out);
		return;
	case FUNC_DATE:
		eval(n->kids[0], env, &a);
		if (a.type == VALUE_STRING)
			from_string(a.str, VALUE_DATE, out);
		else if (a.type == VALUE_DATE)
			set_date(out, (double)a.days);
		break;
	}
	value_free(&a);
	value_free(&b);
}

static void eval_list(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	out->type = VALUE_LIST;
	out->nitems = n->nkids;
	out->items = n->nkids ? xcalloc(n->nkids, sizeof(*out->items)) : NULL;
	for (size_t i = 0; i < n->nkids; i++)
		eval(n->kids[i], env, &out->items[i]);
}

static void eval(const struct expr_node *n, const struct expr_env *env, struct value *out)
{
	memset(out, 0, sizeof(*out));
	bool any = false;
	switch (n->kind) {
	case EXPR_LIT:
		copy_value(&n->lit, out);
		return;
	case EXPR_REF:
		eval_ref(n->path, env, out);
		return;
	case EXPR_TODAY:
		set_date(out, (double)env->today);
		return;
	case EXPR_LIST:
		eval_list(n, env, out);
		return;
	case EXPR_NOT:
		eval(n->kids[0], env, out);
		any = value_truthy(out);
		value_free(out);
		set_bool(out, !any);
		return;
	case EXPR_NEG:
		eval_neg(n, env, out);
		return;
	case EXPR_AND:
	case EXPR_OR:
		/* Both stop at the first operand that decides. */
		any = n->kind == EXPR_AND;
		for (size_t i = 0; i < n->nkids && any == (n->kind == EXPR_AND); i++) {
			eval(n->kids[i], env, out);
			any = value_truthy(out);
			value_free(out);
		}
		set_bool(out, any);
		return;
	case EXPR_CMP:
		eval_cmp(n, env, out);
		return;
	case EXPR_IN:
		eval_in(n, env, out);
		return;
	case EXPR_ADD:
	case EXPR_SUB:
		eval_arith(n, env, out);
		return;
	case EXPR_CALL:
		eval_call(n, env, out);
		return;
	}
}

void expr_eval(const struct expr *e, const struct expr_env *env, struct value *out)
{
	memset(out, 0, sizeof(*out));
	if (e && env)
		eval(e->root, env, out);
}

bool expr_true(const struct expr *e, const struct expr_env *env)
{
	struct value v;
	expr_eval(e, env, &v);
	bool t = value_truthy(&v);
	value_free(&v);
	return t;
}
