/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the condition language. Every input is parsed; what
 * parses is evaluated against a fixed set of answers (every field type) and
 * its references listed; what does not must say where, within the input. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "expr/expr.h"
#include "flow/flow.h"

static const struct {
	const char *path, *value;
	int type;
	size_t count;
} answers[] = {
    {"a", "x", FIELD_TEXT, 0},
    {"ip_type", "patent", FIELD_CHOICE, 0},
    {"notice_date", "2026-11-20", FIELD_DATE, 0},
    {"pieces", "25", FIELD_NUMBER, 0},
    {"grounds", "genuine\nauthorised", FIELD_MULTICHOICE, 0},
    {"has_agent", "no", FIELD_YESNO, 0},
    {"truth", "yes", FIELD_DECLARATION, 0},
    {"truth.name", "李明", -1, 0},
    {"products", NULL, FIELD_LIST, 3},
    {"products.2.url", "https://shop.example/2", -1, 0},
    {"title", "商标注册证", FIELD_TEXT, 0},
};

static int find(const char *path)
{
	for (size_t i = 0; i < sizeof(answers) / sizeof(answers[0]); i++)
		if (strcmp(answers[i].path, path) == 0)
			return (int)i;
	return -1;
}

static const char *lookup(void *ctx, const char *path)
{
	int i = find(path);
	return i < 0 ? NULL : answers[i].value;
}

static size_t count(void *ctx, const char *path)
{
	int i = find(path);
	return i < 0 ? 0 : answers[i].count;
}

static enum value_type answer_type(void *ctx, const char *path)
{
	int i = find(path);
	return i < 0 ? VALUE_STRING : flow_field_value_type((enum field_type)answers[i].type);
}

static void ref(const char *path, int column, void *ctx)
{
	if (!*path || column < 1)
		abort();
	++*(size_t *)ctx;
}

static size_t characters(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A date that parses formats back to the same text. */
static void check_date(const char *s)
{
	long days;
	char out[11];
	if (expr_parse_date(s, &days)) {
		expr_format_date(days, out);
		if (strcmp(out, s) != 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = xstrndup((const char *)data, size);
	struct expr_env env = {lookup, count, answer_type, NULL, 20782 /* 2026-11-25 */};
	struct ipw_error err = {0};
	struct expr *e = expr_parse(src, &err);
	if (e) {
		struct value v;
		expr_eval(e, &env, &v);
		value_truthy(&v);
		value_free(&v);
		expr_true(e, &env);
		size_t n = 0;
		expr_refs(e, ref, &n);
		if (strcmp(expr_source(e), src) != 0)
			abort();
		expr_free(e);
	} else if (!err.msg[0] || err.column < 1 || (size_t)err.column > characters(src) + 1) {
		abort();
	}
	check_date(src);
	free(src);
	return 0;
}
