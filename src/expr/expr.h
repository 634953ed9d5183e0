/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr.h — the condition language of `when:`, `required:` and date limits.
 * Parsed once at load time (syntax errors with a column), evaluated many
 * times against the answers.
 *
 *   literals     "text"  'text'  12  3.5  true  false  null  ["a", "b"]
 *   references   ip_type   products.2.url   (list items 1-based)
 *   operators    == != < <= > >=  in  not  and  or  ( )  + -
 *   functions    answered(x)  count(list)  today  date("2026-02-14")
 *                has(multichoice, "value")  len(x)
 *                host_in(url, ["taobao.com"])  (on one of the domains or under one)
 *   dates        date - date = days (number); date + n / date - n = date
 *
 * Undefined (an unanswered or hidden field) is null. null is false in a
 * condition; every comparison with null is false except `null == null` and
 * `x != null`; `x in list` with x null is false; arithmetic with null is null.
 * So `not (a == "x")` is true when a is unanswered. */
#ifndef IPWIZ_EXPR_H
#define IPWIZ_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

enum value_type { VALUE_NULL, VALUE_BOOL, VALUE_NUMBER, VALUE_STRING, VALUE_DATE, VALUE_LIST };

struct value {
	enum value_type type;
	bool b;
	double num;
	long days;	     /* VALUE_DATE: days since 1970-01-01 */
	char *str;	     /* VALUE_STRING (owned) */
	struct value *items; /* VALUE_LIST (owned) */
	size_t nitems;
};

void value_free(struct value *v);
bool value_truthy(const struct value *v);

/* How an expression sees the answers. Both callbacks must be set. */
struct expr_env {
	/* The answer at path ("grounds", "products.2.url") as text, or NULL when
	 * unanswered. Multichoice answers are newline-separated values. */
	const char *(*lookup)(void *ctx, const char *path);
	/* Number of items of a list field (0 when none). */
	size_t (*count)(void *ctx, const char *path);
	/* How the answer at path reads, so dates and numbers compare as such:
	 * VALUE_DATE, VALUE_NUMBER, VALUE_BOOL, VALUE_LIST (one picked value a
	 * line), VALUE_STRING for text and unknown paths. May be NULL (text). */
	enum value_type (*answer_type)(void *ctx, const char *path);
	void *ctx;
	long today; /* days since 1970-01-01 */
};

struct expr;

/* Parse src. On error returns NULL and err has the message and column
 * (1-based, within src). */
struct expr *expr_parse(const char *src, struct ipw_error *err);
void expr_free(struct expr *e);

/* Evaluate. Never fails: type mismatches evaluate to null. */
void expr_eval(const struct expr *e, const struct expr_env *env, struct value *out);
bool expr_true(const struct expr *e, const struct expr_env *env);

/* Call fn for every field reference in e (for the loader's "unknown field"
 * check and dependency cycles); `ref` is the path as written. */
void expr_refs(const struct expr *e, void (*fn)(const char *ref, int column, void *ctx), void *ctx);
const char *expr_source(const struct expr *e);

/* "2026-02-14" ⇄ days since the epoch. */
bool expr_parse_date(const char *s, long *days);
void expr_format_date(long days, char out[11]);
/* Today where the user is (the local date under TZ, at clock_now()), or
 * IPWIZ_TODAY=YYYY-MM-DD (tests pin the day with it). A seller in China at
 * 00:30 is on today's date, not on yesterday's UTC date. */
long expr_today(void);

#endif
