/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The condition language: what flow authors write in `when:`, `required:`
 * and date limits, and what it means against a case's answers. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "expr/expr.h"
#include "flow/flow.h"

/* The answers every test evaluates against. */
static const struct row {
	const char *path;
	const char *value; /* NULL: unanswered */
	int type;
	size_t count;
} rows[] = {
    {"ip_type", "patent", FIELD_CHOICE, 0},
    {"notice_date", "2026-11-20", FIELD_DATE, 0},
    {"bad_date", "soon", FIELD_DATE, 0},
    {"pieces", "25", FIELD_NUMBER, 0},
    {"grounds", "genuine\nauthorised", FIELD_MULTICHOICE, 0},
    {"has_agent", "no", FIELD_YESNO, 0},
    {"truth", "yes", FIELD_DECLARATION, 0},
    {"truth.name", "李明", -1, 0},
    {"products", NULL, FIELD_LIST, 2},
    {"products.1.url", "https://shop.example/1", -1, 0},
    {"products.2.url", "https://shop.example/2", -1, 0},
    {"products.2.price", "12.5", -1, 0},
    {"title", "商标注册证", FIELD_TEXT, 0},
    {"blank", "", FIELD_TEXT, 0},
    {"email", NULL, FIELD_EMAIL, 0},
    {"other_date", NULL, FIELD_DATE, 0},
    {"reasons", NULL, FIELD_MULTICHOICE, 0},
};

static const struct row *find_row(const char *path)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (strcmp(rows[i].path, path) == 0)
			return &rows[i];
	return NULL;
}

static const char *fake_lookup(void *ctx, const char *path)
{
	const struct row *r = find_row(path);
	return r ? r->value : NULL;
}

static size_t fake_count(void *ctx, const char *path)
{
	const struct row *r = find_row(path);
	return r ? r->count : 0;
}

static enum value_type fake_type(void *ctx, const char *path)
{
	const struct row *r = find_row(path);
	return r ? flow_field_value_type((enum field_type)r->type) : VALUE_STRING;
}

static struct expr_env env = {fake_lookup, fake_count, fake_type, NULL, 20782 /* 2026-11-25 */};

static bool holds(const char *src)
{
	struct ipw_error err = {0};
	struct expr *e = expr_parse(src, &err);
	if (!e)
		fail_msg("“%s” did not parse: %d: %s", src, err.column, err.msg);
	bool t = expr_true(e, &env);
	expr_free(e);
	return t;
}

static char *repeat(const char *head, int n, const char *middle, const char *tail)
{
	struct strbuf b;
	strbuf_init(&b);
	for (int i = 0; i < n; i++)
		strbuf_add(&b, head);
	strbuf_add(&b, middle);
	for (int i = 0; i < n; i++)
		strbuf_add(&b, tail);
	return strbuf_detach(&b);
}

#define assert_holds(src) assert_true(holds(src))
#define assert_fails(src) assert_false(holds(src))

static void assert_error(const char *src, const char *msg, int column)
{
	struct ipw_error err = {0};
	struct expr *e = expr_parse(src, &err);
	if (e)
		fail_msg("“%s” parsed, but should not", src);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.column, column);
	assert_int_equal(err.status, IPW_EUSER);
}

static void and_binds_tighter_than_or_and_not_tighter_than_both(void **state)
{
	assert_holds("true or false and false");
	assert_fails("(true or false) and false");
	assert_holds("not false and true");
	assert_fails("not (false or true)");
	assert_holds("not true or true");
	assert_holds("not ip_type == \"trademark\"");
	assert_holds("ip_type == \"patent\" and not has_agent or email == \"x\"");
}

static void arithmetic_binds_tighter_than_comparison(void **state)
{
	assert_holds("1 + 2 == 3");
	assert_holds("1 - 2 - 3 == -4"); /* left to right */
	assert_holds("-3 + 5 == 2");
	assert_holds("- (3 - 5) == 2");
	assert_holds("2.5 + 0.25 == 2.75");
	assert_holds("pieces + 5 > 29");
	assert_holds("1 + 1 in [2, 3]");
}

static void literals_of_every_kind(void **state)
{
	assert_holds("\"a\" == 'a'");
	assert_holds("'it\\'s' == \"it's\"");
	assert_holds("\"two\\nlines\" == \"two\\nlines\"");
	assert_holds("true");
	assert_fails("false");
	assert_fails("null");
	assert_fails("0");
	assert_holds("12");
	assert_fails("\"\"");
	assert_holds("[1]");
	assert_fails("[]");
	assert_holds("[1, [2, 3]] == [1, [2, 3]]");
	assert_holds("[1, 2,] == [1, 2]");
}

static void comparisons_of_numbers_texts_and_dates(void **state)
{
	assert_holds("3 < 4 and 4 <= 4 and 5 > 4 and 4 >= 4 and 3 != 4");
	assert_holds("\"apple\" < \"banana\"");
	assert_holds("ip_type != \"trademark\"");
	assert_holds("date(\"2026-01-01\") < date(\"2026-01-02\")");
	assert_holds("true == true and true != false");
	assert_fails("true < false"); /* booleans are equal or not, never smaller */
	assert_fails("[1] < [2]");
	assert_fails("ip_type == 3"); /* a text that is no number compares as null */
	assert_fails("ip_type != 3");
}

static void unanswered_fields_are_null_in_a_condition(void **state)
{
	assert_fails("email");
	assert_fails("blank"); /* an empty answer is no answer */
	assert_holds("not email");
	assert_fails("email == \"a@b.example\"");
	assert_fails("email != \"a@b.example\"");
	assert_holds("not (email == \"a@b.example\")");
	assert_fails("email < 3");
	assert_fails("email >= 3");
	assert_fails("other_date <= today");
}

static void only_null_equals_null_and_only_x_differs_from_null(void **state)
{
	assert_holds("null == null");
	assert_holds("email == null");
	assert_holds("email == other_date"); /* both unknown */
	assert_fails("email != null");
	assert_fails("null != null");
	assert_holds("ip_type != null");
	assert_holds("null != ip_type");
	assert_fails("ip_type == null");
	assert_fails("ip_type != email"); /* email is unknown, not different */
}

static void in_with_null_is_false(void **state)
{
	assert_fails("email in [\"a\", \"b\"]");
	assert_fails("email not in [\"a\", \"b\"]");
	assert_fails("ip_type in email");
	assert_fails("null in [null]");
}

static void arithmetic_with_null_is_null(void **state)
{
	assert_holds("email + 1 == null");
	assert_holds("other_date - 3 == null");
	assert_holds("-email == null");
	assert_holds("today - other_date == null");
	assert_fails("email + 1 > 0");
}

static void in_looks_into_lists_and_multichoice_answers(void **state)
{
	assert_holds("ip_type in [\"trademark\", \"patent\"]");
	assert_fails("ip_type in [\"trademark\", \"copyright\"]");
	assert_holds("ip_type not in [\"trademark\", \"copyright\"]");
	assert_holds("\"genuine\" in grounds");
	assert_fails("\"licence\" in grounds");
	assert_holds("\"b\" in \"a\\nb\"");
	assert_holds("pieces in [\"25\", 30]");
	assert_fails("ip_type in 3"); /* neither list nor text: null */
	assert_fails("ip_type not in 3");
}

static void references_take_the_type_of_their_field(void **state)
{
	assert_holds("notice_date < today");
	assert_holds("notice_date == \"2026-11-20\"");
	assert_holds("notice_date > date(\"2026-11-19\")");
	assert_holds("pieces > 20 and pieces == 25");
	assert_holds("pieces == \"25\"");
	assert_holds("products.2.price > 12"); /* unknown type: text read as a number */
	assert_holds("products.2.price == 12.5");
	assert_fails("has_agent");
	assert_holds("truth");
	assert_holds("has_agent == \"no\" and has_agent == false");
	assert_holds("truth.name == \"李明\"");
	assert_holds("grounds == [\"genuine\", \"authorised\"]");
	assert_fails("grounds == \"genuine\""); /* two were picked */
	assert_holds("grounds == \"genuine\\nauthorised\" and [\"a\"] == \"a\"");
	/* a date field whose answer is not a date stays text */
	assert_holds("bad_date == \"soon\"");
	assert_fails("bad_date < today");
}

static void answered_is_true_for_text_and_for_lists_with_items(void **state)
{
	assert_holds("answered(ip_type)");
	assert_holds("answered(products)");
	assert_fails("answered(email)");
	assert_fails("answered(blank)");
	assert_fails("answered(nothing_like_this)");
	assert_holds("not answered(email)");
}

static void count_counts_list_items_and_picked_choices(void **state)
{
	assert_holds("count(products) == 2");
	assert_holds("count(grounds) == 2");
	assert_holds("count(reasons) == 0");
	assert_holds("count(email) == 0");
	assert_holds("count(products) > 1 and count(products) < 300");
}

static void has_finds_a_value_of_a_multichoice(void **state)
{
	assert_holds("has(grounds, \"genuine\")");
	assert_holds("has(grounds, \"authorised\")");
	assert_fails("has(grounds, \"genu\")");
	assert_fails("has(reasons, \"genuine\")");
	assert_holds("not has(reasons, \"genuine\")");
	assert_fails("has(grounds, null)");
	assert_fails("has(grounds, email)");
	assert_holds("has([1, 2], 2)");
	assert_holds("has(\"x\\ny\", \"y\")");
}

static void len_counts_characters_and_items(void **state)
{
	assert_holds("len(title) == 5"); /* characters, not bytes */
	assert_holds("len(ip_type) == 6");
	assert_holds("len(grounds) == 2");
	assert_holds("len([1, 2, 3]) == 3");
	assert_holds("len(email) == null");
	assert_holds("len(3) == null");
}

static void host_in_matches_a_domain_and_the_hosts_under_it(void **state)
{
	assert_holds("host_in(\"https://item.taobao.com/item.htm?id=1\", [\"taobao.com\"])");
	assert_holds("host_in(\"https://taobao.com\", [\"tmall.com\", \"taobao.com\"])");
	assert_holds("host_in(\"HTTPS://Detail.TMALL.com:443/x\", [\"tmall.com\"])");
	assert_holds("host_in(\"https://user@m.tb.cn./h.5x\", [\"tb.cn\"])");
	assert_holds("host_in(products.1.url, [\"shop.example\"])");
	/* a lookalike is not under the domain, nor a domain in the path */
	assert_fails("host_in(\"https://nottaobao.com/x\", [\"taobao.com\"])");
	assert_fails("host_in(\"https://taobao.com.evil.example/\", [\"taobao.com\"])");
	assert_fails("host_in(\"https://evil.example/taobao.com\", [\"taobao.com\"])");
	assert_fails("host_in(\"https://www.aliexpress.com/item/1\", [\"taobao.com\"])");
	/* an unanswered address is null: neither under a domain nor not */
	assert_holds("host_in(email, [\"taobao.com\"]) == null");
	assert_holds("host_in(\"https://taobao.com\", \"taobao.com\") == null");
	assert_error("host_in(products.1.url)",
		     "host_in( ) takes an address and a list of domains, as in "
		     "host_in(url, [\"taobao.com\"])",
		     1);
}

static void date_reads_a_text_as_a_date(void **state)
{
	assert_holds("date(\"2026-02-14\") == date(\"2026-02-14\")");
	assert_holds("date(notice_date) == notice_date");
	assert_holds("date(ip_type) == null"); /* not a date: null */
	assert_holds("date(email) == null");
	assert_holds("date(\"2026-02-14\") + 0 == \"2026-02-14\"");
}

static void today_is_the_date_of_the_environment(void **state)
{
	assert_holds("today == date(\"2026-11-25\")");
	assert_holds("today() == today");
	assert_holds("today - notice_date == 5");
	assert_holds("notice_date + 5 == today");
	assert_holds("5 + notice_date == today");
	assert_holds("today - 180 == date(\"2026-05-29\")");
	assert_holds("notice_date >= today - 7");
}

static void date_arithmetic_crosses_leap_days(void **state)
{
	assert_holds("date(\"2024-02-28\") + 1 == date(\"2024-02-29\")");
	assert_holds("date(\"2024-02-29\") + 1 == date(\"2024-03-01\")");
	assert_holds("date(\"2023-02-28\") + 1 == date(\"2023-03-01\")");
	assert_holds("date(\"2100-02-28\") + 1 == date(\"2100-03-01\")");
	assert_holds("date(\"2000-02-28\") + 1 == date(\"2000-02-29\")");
	assert_holds("date(\"2025-01-01\") - date(\"2024-01-01\") == 366");
	assert_holds("date(\"2026-01-01\") - date(\"2025-01-01\") == 365");
	assert_holds("date(\"2026-03-01\") - 1 == date(\"2026-02-28\")");
	/* a half day, a date before year 1 or after 9999: null */
	assert_holds("today + 0.5 == null");
	assert_holds("date(\"0001-01-01\") - 1 == null");
	assert_holds("date(\"9999-12-31\") + 1 == null");
	assert_holds("date(\"2026-01-01\") + date(\"2026-01-01\") == null");
	assert_holds("\"a\" + \"b\" == null");
}

static void parse_date_accepts_only_real_calendar_days(void **state)
{
	long d;
	assert_true(expr_parse_date("2026-02-14", &d));
	assert_int_equal(d, 20498);
	assert_true(expr_parse_date("2026-11-25", &d));
	assert_int_equal(d, 20782);
	assert_true(expr_parse_date("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(expr_parse_date("1969-12-31", &d));
	assert_int_equal(d, -1);
	assert_true(expr_parse_date("2000-03-01", &d));
	assert_int_equal(d, 11017);
	assert_true(expr_parse_date("2024-02-29", &d));
	assert_int_equal(d, 19782);
	assert_true(expr_parse_date("2000-02-29", &d));
	assert_true(expr_parse_date("0001-01-01", &d));
	assert_int_equal(d, -719162);
	assert_true(expr_parse_date("9999-12-31", &d));
	assert_int_equal(d, 2932896);
	const char *bad[] = {"2026-02-30", "2025-02-29", "1900-02-29",	"2100-02-29",  "2026-04-31",
			     "2026-13-01", "2026-00-10", "2026-01-00",	"0000-01-01",  "2026-1-01",
			     "2026-01-1",  "2026/01/01", "2026-01-01x", " 2026-01-01", "",
			     "20260101",   "2026-01-0a", NULL};
	for (size_t i = 0; bad[i]; i++)
		if (expr_parse_date(bad[i], &d))
			fail_msg("“%s” was taken as a date", bad[i]);
	assert_false(expr_parse_date(NULL, &d));
}

static void format_date_round_trips(void **state)
{
	char out[11];
	const char *days[] = {"1970-01-01", "2024-02-29", "2026-12-31", "0001-01-01",
			      "9999-12-31", "1600-03-01", NULL};
	for (size_t i = 0; days[i]; i++) {
		long d;
		assert_true(expr_parse_date(days[i], &d));
		expr_format_date(d, out);
		assert_string_equal(out, days[i]);
	}
	for (long d = -800; d < 800; d++) { /* every day around the epoch */
		long back;
		expr_format_date(d * 97, out);
		assert_true(expr_parse_date(out, &back));
		assert_int_equal(back, d * 97);
	}
	expr_format_date(-99999999L, out); /* clamped, never longer */
	assert_string_equal(out, "0001-01-01");
	expr_format_date(99999999L, out);
	assert_string_equal(out, "9999-12-31");
}

static void today_honours_ipwiz_today(void **state)
{
	setenv("IPWIZ_TODAY", "2024-02-29", 1);
	assert_int_equal(expr_today(), 19782);
	setenv("IPWIZ_TODAY", "2024-02-30", 1); /* not a date: the clock */
	long clock = (long)(time(NULL) / 86400);
	long t = expr_today();
	assert_true(t == clock || t == clock + 1);
	unsetenv("IPWIZ_TODAY");
	t = expr_today();
	assert_true(t == clock || t == clock + 1);
}

static void mistakes_name_what_to_write_and_where(void **state)
{
	assert_error("(a == 1", "expected ) to close the ( at column 1", 8);
	assert_error("a == (b or (c)", "expected ) to close the ( at column 6", 15);
	assert_error("ip_type == \"patent", "expected \" to end the text that starts at column 12",
		     19);
	assert_error("a = 1", "write == to compare two values", 3);
	assert_error("a ! b", "write != for “is not”, or the word not", 3);
	assert_error("a && b", "write the word and instead of &&", 3);
	assert_error("a || b", "write the word or instead of ||", 3);
	assert_error("a ==", "the condition ends too early: expected a value after “==”", 5);
	assert_error("a == and b",
		     "expected a value (a field name, a \"text\", a number, true, false or null) "
		     "instead of “and”",
		     6);
	assert_error("a b", "“b” does not belong here: join two conditions with and or or", 3);
	assert_error("", "the condition is empty: write one, such as ip_type == \"patent\"", 1);
	assert_error("   ", "the condition is empty: write one, such as ip_type == \"patent\"", 1);
	assert_error("a )", "this ) has no ( before it", 3);
	assert_error("a ]", "this ] has no [ before it", 3);
	assert_error("a < b < c", "compare two values at a time: join comparisons with and", 7);
	assert_error("a == b in c", "compare two values at a time: join comparisons with and", 8);
	assert_error("a not b",
		     "after a value, not must be followed by in, as in "
		     "ip_type not in [\"patent\", \"design\"]",
		     3);
	assert_error("3days == 1",
		     "“3days” is neither a number nor a field name: a field name starts with a "
		     "letter",
		     1);
	assert_error("products. == 1",
		     "a field name cannot end with a dot: write what follows it, as in "
		     "products.2.url",
		     9);
	assert_error("[1, 2", "expected , between two items or ] to close the [ at column 1", 6);
	assert_error("[1 2]", "expected , between two items or ] to close the [ at column 1", 4);
	assert_error("a == $", "“$” cannot be used in a condition", 6);
	assert_error("a \x1b", "“\xef\xbf\xbd” cannot be used in a condition", 3);
}

static void spaces_lines_and_long_numbers(void **state)
{
	assert_holds("pieces ==\n\t25\r\n");
	assert_null(expr_parse("(", NULL)); /* no error wanted: none written */
	assert_error(NULL, "the condition is empty: write one, such as ip_type == \"patent\"", 1);
	char *s = repeat("9", 400, "", "");
	assert_error(s, "the number 9999999999999999999999999999999999999999 has too many digits",
		     1);
	free(s);
	s = repeat("9", 300, "", "");
	assert_holds(s);
	free(s);
}

static void columns_count_characters_not_bytes(void **state)
{
	assert_error("\"商标\" == b c",
		     "“c” does not belong here: join two conditions with and or or", 11);
	assert_error("名 == 1", "“名” cannot be used in a condition", 1);
	assert_error("title == \"商标\" and (",
		     "the condition ends too early: expected a value "
		     "after “(”",
		     20);
}

static void function_calls_are_checked_when_the_flow_loads(void **state)
{
	assert_error("foo(a)",
		     "there is no function “foo”: use answered, count, has, len, host_in or date",
		     1);
	assert_error(
	    "a and products.url(1)",
	    "there is no function “products.url”: use answered, count, has, len, host_in or date",
	    7);
	assert_error("answered(\"x\")", "answered( ) takes one field name, as in answered(email)",
		     1);
	assert_error("answered(a, b)", "answered( ) takes one field name, as in answered(email)",
		     1);
	assert_error("count(1) > 0", "count( ) takes one field name, as in count(products)", 1);
	assert_error("count() > 0", "count( ) takes one field name, as in count(products)", 1);
	assert_error("has(grounds)",
		     "has( ) takes a field and a value, as in has(grounds, \"genuine\")", 1);
	assert_error("len()", "len( ) takes one value, as in len(description)", 1);
	assert_error("date(3)", "date( ) takes one date in quotes, as in date(\"2026-02-14\")", 1);
	assert_error("date()", "date( ) takes one date in quotes, as in date(\"2026-02-14\")", 1);
	assert_error("x < date(\"2026-02-30\")",
		     "“2026-02-30” is not a real date: write year-month-day, as in 2026-02-14", 10);
	assert_error("today(1)", "today takes no values: write today", 1);
	assert_error("has(grounds \"x\")",
		     "expected , between two values or ) to close the ( at column 4", 13);
}

static void collect(const char *ref, int column, void *ctx)
{
	strbuf_addf(ctx, "%s@%d ", ref, column);
}

/* "path@column " for every reference of src, in the order written. */
static void assert_refs(const char *src, const char *want)
{
	struct expr *e = expr_parse(src, NULL);
	assert_non_null(e);
	struct strbuf b;
	strbuf_init(&b);
	expr_refs(e, collect, &b);
	assert_string_equal(b.s, want);
	strbuf_free(&b);
	expr_free(e);
}

static void refs_lists_every_field_with_its_column(void **state)
{
	assert_refs("count(products) > 0 and products.2.url == truth.name or "
		    "today > notice_date - 3 and has(grounds, \"x\") and "
		    "answered(email) and [pieces, 1] != null",
		    "products@7 products.2.url@25 truth.name@43 notice_date@65 "
		    "grounds@89 email@116 pieces@128 ");
	/* built-ins and function names are not fields */
	assert_refs("today > date(\"2026-01-01\") and not false", "");
}

static void source_is_kept_as_written(void **state)
{
	const char *src = "  ip_type == \"patent\"\n";
	struct expr *e = expr_parse(src, NULL);
	assert_string_equal(expr_source(e), src);
	expr_free(e);
	expr_free(NULL);
	assert_null(expr_source(NULL));
	assert_false(expr_true(NULL, &env));
}

/* head × n, middle, tail × n: a true condition, or the mistake it must give. */
static void assert_nested(const char *head, int n, const char *middle, const char *tail,
			  int error_column)
{
	char *s = repeat(head, n, middle, tail);
	if (error_column)
		assert_error(s,
			     "the condition is nested too deeply (more than 64 levels): write "
			     "it more simply",
			     error_column);
	else
		assert_holds(s);
	free(s);
}

static void nesting_is_limited_to_64_levels(void **state)
{
	assert_nested("(", 64, "true", ")", 0);
	assert_nested("(", 65, "true", ")", 65);
	assert_nested("not ", 64, "true", "", 0);
	assert_nested("not ", 65, "false", "", 4 * 64 + 1);
	assert_nested("[", 100, "1", "]", 65);
	assert_nested("len(", 100, "a", ")", 4 * 64 + 4);
	assert_nested("-", 100000, "1", "", 65);
	/* no parenthesis, but a tree 100 levels high */
	assert_nested("1 + ", 64, "1", "", 0);
	assert_nested("1 + ", 100, "1", "", 4 * 64 + 3);
	/* hostile input is refused at once */
	clock_t start = clock();
	assert_nested("(", 100000, "a", ")", 65);
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 0.1);
	/* a long list of alternatives is not nesting */
	assert_nested("false or ", 5000, "true", "", 0);
}

static void values_free_and_truthiness(void **state)
{
	struct ipw_error err = {0};
	struct expr *e = expr_parse("[\"a\", [1, notice_date], grounds]", &err);
	assert_non_null(e);
	struct value v;
	expr_eval(e, &env, &v);
	assert_int_equal(v.type, VALUE_LIST);
	assert_int_equal(v.nitems, 3);
	assert_string_equal(v.items[0].str, "a");
	assert_int_equal(v.items[1].items[1].type, VALUE_DATE);
	assert_int_equal(v.items[2].type, VALUE_LIST);
	assert_true(value_truthy(&v));
	value_free(&v);
	assert_int_equal(v.type, VALUE_NULL);
	assert_false(value_truthy(&v));
	value_free(&v); /* twice is harmless */
	expr_free(e);

	e = expr_parse("notice_date", &err);
	expr_eval(e, &env, &v);
	assert_int_equal(v.type, VALUE_DATE);
	char out[11];
	expr_format_date(v.days, out);
	assert_string_equal(out, "2026-11-20");
	value_free(&v);
	expr_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(and_binds_tighter_than_or_and_not_tighter_than_both),
	    cmocka_unit_test(arithmetic_binds_tighter_than_comparison),
	    cmocka_unit_test(literals_of_every_kind),
	    cmocka_unit_test(comparisons_of_numbers_texts_and_dates),
	    cmocka_unit_test(unanswered_fields_are_null_in_a_condition),
	    cmocka_unit_test(only_null_equals_null_and_only_x_differs_from_null),
	    cmocka_unit_test(in_with_null_is_false),
	    cmocka_unit_test(arithmetic_with_null_is_null),
	    cmocka_unit_test(in_looks_into_lists_and_multichoice_answers),
	    cmocka_unit_test(references_take_the_type_of_their_field),
	    cmocka_unit_test(answered_is_true_for_text_and_for_lists_with_items),
	    cmocka_unit_test(count_counts_list_items_and_picked_choices),
	    cmocka_unit_test(has_finds_a_value_of_a_multichoice),
	    cmocka_unit_test(len_counts_characters_and_items),
	    cmocka_unit_test(host_in_matches_a_domain_and_the_hosts_under_it),
	    cmocka_unit_test(date_reads_a_text_as_a_date),
	    cmocka_unit_test(today_is_the_date_of_the_environment),
	    cmocka_unit_test(date_arithmetic_crosses_leap_days),
	    cmocka_unit_test(parse_date_accepts_only_real_calendar_days),
	    cmocka_unit_test(format_date_round_trips),
	    cmocka_unit_test(today_honours_ipwiz_today),
	    cmocka_unit_test(mistakes_name_what_to_write_and_where),
	    cmocka_unit_test(spaces_lines_and_long_numbers),
	    cmocka_unit_test(columns_count_characters_not_bytes),
	    cmocka_unit_test(function_calls_are_checked_when_the_flow_loads),
	    cmocka_unit_test(refs_lists_every_field_with_its_column),
	    cmocka_unit_test(source_is_kept_as_written),
	    cmocka_unit_test(nesting_is_limited_to_64_levels),
	    cmocka_unit_test(values_free_and_truthiness),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
