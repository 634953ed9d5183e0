/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preseed file of `ipwiz fill`: shapes it accepts, errors with positions. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "flow/answers_file.h"

static int record(const char *path, const char *value, bool values, int line, int column, void *ctx)
{
	strbuf_addf(ctx, "%s%s=%s@%d:%d;", path, values ? "[]" : "", value, line, column);
	return 0;
}

static int parse(const char *text, struct strbuf *out, struct ipw_error *err)
{
	strbuf_init(out);
	ipw_error_clear(err);
	return answers_file_parse("a.yaml", text, strlen(text), record, out, err);
}

static void scalars_become_answers_with_positions(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("name: 李伟\nnotice_date: 2026-11-20\n", &b, &err), IPW_OK);
	assert_string_equal(b.s, "name=李伟@1:7;notice_date=2026-11-20@2:14;");
	strbuf_free(&b);
}

static void sequence_of_values_is_one_multichoice_answer(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("grounds: [genuine, authorised]\n", &b, &err), IPW_OK);
	assert_string_equal(b.s, "grounds[]=genuine\nauthorised@1:10;");
	strbuf_free(&b);
}

static void sequence_of_mappings_is_list_items(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	const char *y =
	    "products:\n  - {url: 'https://a.example/1'}\n  - url: https://a.example/2\n"
	    "    product_id: '77'\n";
	assert_int_equal(parse(y, &b, &err), IPW_OK);
	assert_string_equal(b.s, "products=1@2:5;products.1.url=https://a.example/1@2:11;"
				 "products=2@3:5;products.2.url=https://a.example/2@3:10;"
				 "products.2.product_id=77@4:17;");
	strbuf_free(&b);
}

static void signature_keys_may_contain_a_dot(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("truth: yes\ntruth.name: Li Wei\n", &b, &err), IPW_OK);
	assert_string_equal(b.s, "truth=yes@1:8;truth.name=Li Wei@2:13;");
	strbuf_free(&b);
}

static void aliases_are_refused_with_position(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("a: &x hello\nb: *x\n", &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "Anchors and aliases are not allowed in an answers file.");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 4);
	strbuf_free(&b);
}

static void top_level_must_be_a_mapping(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("- a\n- b\n", &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "An answers file is a list of “field: value” lines.");
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 1);
	strbuf_free(&b);
}

static void nested_mappings_are_refused(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("a:\n  b: c\n", &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "Expected a value or a list here.");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 3);
	strbuf_free(&b);
}

static void mixed_list_is_refused(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("p:\n  - {url: x}\n  - plain\n", &b, &err), IPW_EUSER);
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 5);
	strbuf_free(&b);
}

static void syntax_errors_name_line_and_column(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("a: [b, c\nd: e\n", &b, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "This is not valid YAML"));
	assert_int_equal(err.line, 2);
	strbuf_free(&b);
}

static void nul_and_bad_utf8_are_refused(void **state)
{
	struct ipw_error err = {0};
	struct strbuf b;
	strbuf_init(&b);
	assert_int_equal(answers_file_parse("a.yaml", "a: b\0c", 6, record, &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "The answers file contains a NUL byte; it is not text.");
	assert_int_equal(answers_file_parse("a.yaml", "a: \xff", 4, record, &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "The answers file is not valid UTF-8 (byte 3).");
	strbuf_free(&b);
}

/* Mistakes that used to lose an answer without a word. */
static void silent_losses_are_refused(void **state)
{
	struct ipw_error err = {0};
	struct strbuf b; /* parse() starts it afresh each time */
	assert_int_equal(parse("a: 1\nb: 2\na: 3\n", &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "“a” is answered twice in this file (first on line 1); keep "
				     "one of the two.");
	assert_int_equal(err.line, 3);
	strbuf_free(&b);
	assert_int_equal(parse("a: 1\n---\nb: 2\n", &b, &err), IPW_EUSER);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "holds one document"));
	strbuf_free(&b);
	assert_int_equal(parse("a: \"x\\0y\"\n", &b, &err), IPW_EUSER);
	assert_string_equal(err.msg, "This value contains a NUL character (\\0); remove it.");
	strbuf_free(&b);
	assert_int_equal(parse("a:\n\t- x\n", &b, &err), IPW_EUSER);
	assert_string_equal(
	    err.msg, "This line starts with a tab character; indent lines with spaces only.");
	strbuf_free(&b);
	assert_int_equal(parse("a: x\033[2Jy\n", &b, &err), IPW_EUSER);
	assert_non_null(strstr(err.msg, "control character (byte 4)"));
	strbuf_free(&b);
}

static void empty_file_sets_nothing(void **state)
{
	struct strbuf b;
	struct ipw_error err;
	assert_int_equal(parse("", &b, &err), IPW_OK);
	assert_string_equal(b.s, "");
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(scalars_become_answers_with_positions),
	    cmocka_unit_test(sequence_of_values_is_one_multichoice_answer),
	    cmocka_unit_test(sequence_of_mappings_is_list_items),
	    cmocka_unit_test(signature_keys_may_contain_a_dot),
	    cmocka_unit_test(aliases_are_refused_with_position),
	    cmocka_unit_test(top_level_must_be_a_mapping),
	    cmocka_unit_test(nested_mappings_are_refused),
	    cmocka_unit_test(mixed_list_is_refused),
	    cmocka_unit_test(syntax_errors_name_line_and_column),
	    cmocka_unit_test(nul_and_bad_utf8_are_refused),
	    cmocka_unit_test(empty_file_sets_nothing),
	    cmocka_unit_test(silent_losses_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
