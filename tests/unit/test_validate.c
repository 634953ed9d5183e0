/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_validate.c — validate_value and validate_normalize, the one judge of
 * a typed answer for the wizard, the line mode and the command line: every
 * field type takes what its message promises and refuses the rest with that
 * message; a flow's own `message:` replaces the default. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/base.h"
#include "expr/expr.h"
#include "flow/flow.h"
#include "flow/validate.h"

static const char flow_yaml[] =
    "id: t\nversion: 1\ntitle: T\n"
    "steps:\n  - id: s\n    title: S\n    fields:\n"
    "      - {id: mail, type: email, label: M, help: H}\n"
    "      - {id: link, type: url, label: L, help: H}\n"
    "      - {id: tel, type: phone, label: P, help: H}\n"
    "      - {id: pieces, type: number, label: N, help: H, min: 20, max: 1000}\n"
    "      - {id: plain_number, type: number, label: N, help: H}\n"
    "      - {id: sent, type: date, label: D, help: H, min: start, max: today}\n"
    "      - {id: start, type: date, label: D, help: H}\n"
    "      - {id: told, type: date, label: D, help: H, max: today,"
    " message: Not in the future.}\n"
    "      - {id: name, type: text, label: T, help: H, min_length: 2, max_length: 4}\n"
    "      - {id: code, type: text, label: T, help: H, pattern: '^[0-9]{3}$'}\n"
    "      - {id: code2, type: text, label: T, help: H, pattern: '^[0-9]{3}$',"
    " message: Three digits.}\n"
    "      - {id: pick, type: choice, label: C, help: H,"
    " choices: [{value: a, label: A}, {value: b, label: B}]}\n"
    "      - {id: many, type: multichoice, label: C, help: H, min: 1, max: 2,"
    " choices: [{value: a, label: A}, {value: b, label: B}, {value: c, label: C}]}\n"
    "      - {id: ok, type: yesno, label: Y, help: H}\n"
    "      - {id: truth, type: declaration, label: D, help: H, statement: S}\n";

static struct flow *flow;

/* Answers for the date limits: start is 2026-11-01, today 2026-11-24. */
static const char *lookup(void *ctx, const char *path)
{
	(void)ctx;
	return strcmp(path, "start") == 0 ? "2026-11-01" : NULL;
}

static enum value_type answer_type(void *ctx, const char *path)
{
	(void)ctx;
	return strcmp(path, "start") == 0 ? VALUE_DATE : VALUE_STRING;
}

static struct expr_env env = {.lookup = lookup, .answer_type = answer_type};

static int setup(void **state)
{
	(void)state;
	struct ipw_diags d = {0};
	flow = flow_load_buffer("t.yaml", flow_yaml, sizeof flow_yaml - 1, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%d:%d: %s\n", d.v[i].line, d.v[i].column, d.v[i].msg);
	ipw_diags_free(&d);
	if (!flow)
		return -1;
	assert_true(expr_parse_date("2026-11-24", &env.today));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	flow_free(flow);
	return 0;
}

/* ok(FIELD, VALUE): accepted. */
static void ok(const char *id, const char *value)
{
	const struct flow_field *f = flow_find_field(flow, id);
	assert_non_null(f);
	struct ipw_error err = {0};
	int r = validate_value(f, value, &env, &err);
	if (r != IPW_OK)
		fail_msg("%s = “%s” refused: %s", id, value, err.msg);
}

/* refused(FIELD, VALUE, MESSAGE): refused with exactly MESSAGE. */
static void refused(const char *id, const char *value, const char *message)
{
	const struct flow_field *f = flow_find_field(flow, id);
	assert_non_null(f);
	struct ipw_error err = {0};
	int r = validate_value(f, value, &env, &err);
	if (r != IPW_EUSER)
		fail_msg("%s = “%s” was not refused (status %d)", id, value, r);
	assert_string_equal(err.msg, message);
}

static void an_email_needs_one_at_and_a_domain(void **state)
{
	(void)state;
	ok("mail", "li.wei@example.com");
	const char *msg = "Write an e-mail address such as name@example.com.";
	refused("mail", "li.wei", msg);
	refused("mail", "@example.com", msg);
	refused("mail", "a@b@example.com", msg);
	refused("mail", "a@example", msg);
	refused("mail", "a@example.", msg);
	refused("mail", "li wei@example.com", msg);
}

static void a_url_is_a_full_web_address(void **state)
{
	(void)state;
	ok("link", "https://detail.1688.com/offer/1.html");
	ok("link", "http://shop.example.com");
	const char *msg = "Write the full address, starting with https://.";
	refused("link", "detail.1688.com/offer/1.html", msg);
	refused("link", "https://", msg);
	refused("link", "https://localhost/x", msg);
	refused("link", "https://a.com/x y", msg);
	refused("link", "ftp://a.com/x", msg);
}

static void a_phone_has_six_to_twenty_digits(void **state)
{
	(void)state;
	ok("tel", "+86 571 8502 2088");
	ok("tel", "(021) 555-1234");
	const char *msg =
	    "Write a phone number with its country code, for example +86 571 8502 2088.";
	refused("tel", "12345", msg);
	refused("tel", "123456789012345678901", msg);
	refused("tel", "+86 571 call me", msg);
}

static void a_number_takes_digits_within_its_limits(void **state)
{
	(void)state;
	ok("pieces", "20");
	ok("pieces", "1000");
	ok("pieces", " 50 ");
	ok("pieces", "５０"); /* full-width digits are the number */
	refused("pieces", "19", "The number must be at least 20.");
	refused("pieces", "1001", "The number must be at most 1000.");
	refused("pieces", "2e3", "Write a number, using digits only.");
	refused("pieces", "-5", "Write a number, using digits only.");
	refused("pieces", "twenty", "Write a number, using digits only.");
	ok("plain_number", "123456789012345");
	refused("plain_number", "1234567890123456", "Write a number of at most 15 digits.");
}

static void a_number_is_kept_as_its_ascii_digits(void **state)
{
	(void)state;
	const struct flow_field *f = flow_find_field(flow, "pieces");
	char *n = validate_normalize(f, "５０");
	assert_string_equal(n, "50");
	free(n);
	n = validate_normalize(f, " 7 ");
	assert_string_equal(n, "7");
	free(n);
	assert_null(validate_normalize(f, "50")); /* kept as typed */
	assert_null(validate_normalize(flow_find_field(flow, "name"), " x "));
}

static void a_date_is_written_in_iso_form_between_its_limits(void **state)
{
	(void)state;
	ok("sent", "2026-11-01");
	ok("sent", "2026-11-24");
	refused("sent", "2026-10-31", "The date must be 2026-11-01 or later.");
	refused("sent", "2026-11-25", "The date must be 2026-11-24 or earlier.");
	const char *form = "Write the date as year-month-day, for example 2026-11-24.";
	refused("sent", "24/11/2026", form);
	refused("sent", "2026-02-30", form);
	refused("sent", "yesterday", form);
	/* the flow's own sentence replaces the default */
	refused("told", "2026-12-01", "Not in the future.");
}

static void text_has_its_length_in_characters_and_its_pattern(void **state)
{
	(void)state;
	ok("name", "李伟");	/* two characters, six bytes */
	ok("name", "深圳小店"); /* four characters, twelve bytes */
	refused("name", "李", "Write at least 2 characters.");
	refused("name", "深圳小店铺", "Write at most 4 characters.");
	refused("name", "a\xff", "The text has bytes that are not valid UTF-8.");
	ok("code", "123");
	refused("code", "12a", "This does not have the expected form.");
	refused("code2", "1234", "Three digits.");
}

static void a_choice_is_one_of_its_values(void **state)
{
	(void)state;
	ok("pick", "a");
	refused("pick", "A", "“A” is not one of the choices.");
	refused("pick", "c", "“c” is not one of the choices.");
}

static void a_multichoice_is_a_line_per_value_within_its_count(void **state)
{
	(void)state;
	ok("many", "a");
	ok("many", "a\nc");
	ok("many", "a\n\nc\n"); /* empty lines are not values */
	refused("many", "a\nd", "“d” is not one of the choices.");
	refused("many", "a\nb\nc", "Pick fewer of the choices.");
	assert_int_equal(validate_count_lines("a\n\nc\n"), 2);
	assert_int_equal(validate_count_lines(""), 0);
}

static void yes_no_and_declarations_take_their_words(void **state)
{
	(void)state;
	ok("ok", "yes");
	ok("ok", "no");
	refused("ok", "y", "Answer yes or no.");
	ok("truth", "yes");
	refused("truth", "no", "Affirm the statement by answering yes.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(an_email_needs_one_at_and_a_domain),
	    cmocka_unit_test(a_url_is_a_full_web_address),
	    cmocka_unit_test(a_phone_has_six_to_twenty_digits),
	    cmocka_unit_test(a_number_takes_digits_within_its_limits),
	    cmocka_unit_test(a_number_is_kept_as_its_ascii_digits),
	    cmocka_unit_test(a_date_is_written_in_iso_form_between_its_limits),
	    cmocka_unit_test(text_has_its_length_in_characters_and_its_pattern),
	    cmocka_unit_test(a_choice_is_one_of_its_values),
	    cmocka_unit_test(a_multichoice_is_a_line_per_value_within_its_count),
	    cmocka_unit_test(yes_no_and_declarations_take_their_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
