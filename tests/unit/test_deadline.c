/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deadlines: N (working) days after an answered date, under a condition,
 * over the shipped calendars, with days left counted from a pinned today. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "calendar/calendar.h"
#include "case/deadline.h"
#include "expr/expr.h"

static const char *notice_date;
static const char *chance;

static const char *lookup(void *ctx, const char *path)
{
	if (strcmp(path, "notice_date") == 0)
		return notice_date;
	if (strcmp(path, "chance") == 0)
		return chance;
	return NULL;
}

static size_t count(void *ctx, const char *path)
{
	return 0;
}

static enum value_type type(void *ctx, const char *path)
{
	return strcmp(path, "notice_date") == 0 ? VALUE_DATE : VALUE_STRING;
}

static long D(const char *s)
{
	long d;
	assert_true(calendar_parse_date(s, &d));
	return d;
}

static struct expr_env env_at(const char *today)
{
	struct expr_env env = {lookup, count, type, NULL, D(today)};
	return env;
}

static struct calendar *cn(void)
{
	struct calendar *c;
	struct ipw_error err;
	assert_int_equal(calendar_load(SRCDATADIR, "cn", &c, &err), IPW_OK);
	return c;
}

static void due(const struct deadline_due *d, const char *expected)
{
	char out[11];
	assert_int_equal(d->state, DEADLINE_DUE);
	deadline_format(d, out);
	assert_string_equal(out, expected);
}

static void calendar_days_count_every_day(void **state)
{
	struct flow_deadline def = {.id = "restore", .from = "notice_date", .days = 10};
	struct expr_env env = env_at("2026-11-24");
	struct deadline_due d;
	notice_date = "2026-11-24";
	deadline_compute(&def, &env, NULL, &d);
	due(&d, "2026-12-04");
	assert_int_equal(d.days_left, 10);
	assert_false(d.uncertain);
}

static void working_days_use_the_calendar(void **state)
{
	struct calendar *c = cn();
	struct flow_deadline def = {
	    .id = "first", .from = "notice_date", .days = 3, .working = true, .calendar = "cn"};
	struct expr_env env = env_at("2026-02-24");
	struct deadline_due d;
	notice_date = "2026-02-13";
	deadline_compute(&def, &env, c, &d);
	due(&d, "2026-02-25");
	assert_int_equal(d.days_left, 1);
	assert_false(d.uncertain);
	/* 27 working days for the 2nd and 3rd chance, over National Day. */
	def.days = 27;
	notice_date = "2026-09-15";
	deadline_compute(&def, &env, c, &d);
	/* By hand: Sep 16–18, Sun 20 (worked), 21–24, 28–30 = 11; 1–7 Oct off;
	 * 8, 9, Sat 10 (worked) = 14; 12–16, 19–23 = 24; 26, 27, 28 = 27. */
	due(&d, "2026-10-28");
	calendar_free(c);
}

static void a_year_without_data_is_uncertain(void **state)
{
	struct calendar *c = cn();
	struct flow_deadline def = {
	    .id = "first", .from = "notice_date", .days = 3, .working = true, .calendar = "cn"};
	struct expr_env env = env_at("2026-12-30");
	struct deadline_due d;
	notice_date = "2026-12-30";
	deadline_compute(&def, &env, c, &d);
	due(&d, "2027-01-04");
	assert_true(d.uncertain);
	assert_false(d.no_calendar);
	/* No calendar at all: weekends only, said to be uncertain. */
	notice_date = "2026-02-13";
	deadline_compute(&def, &env, NULL, &d);
	due(&d, "2026-02-18");
	assert_true(d.uncertain);
	assert_true(d.no_calendar);
	calendar_free(c);
}

static void condition_and_missing_date(void **state)
{
	struct ipw_error err;
	struct expr *when = expr_parse("chance == \"1\"", &err);
	assert_non_null(when);
	struct flow_deadline def = {.id = "first", .from = "notice_date", .days = 3, .when = when};
	struct expr_env env = env_at("2026-11-24");
	struct deadline_due d;
	notice_date = "2026-11-20";
	chance = "2";
	deadline_compute(&def, &env, NULL, &d);
	assert_int_equal(d.state, DEADLINE_OFF);
	chance = "1";
	deadline_compute(&def, &env, NULL, &d);
	due(&d, "2026-11-23");
	assert_int_equal(d.days_left, -1);
	notice_date = NULL;
	deadline_compute(&def, &env, NULL, &d);
	assert_int_equal(d.state, DEADLINE_NO_DATE);
	notice_date = "not a date";
	deadline_compute(&def, &env, NULL, &d);
	assert_int_equal(d.state, DEADLINE_NO_DATE);
	expr_free(when);
	chance = NULL;
}

static void next_is_the_nearest_open_one(void **state)
{
	struct deadline_due v[4] = {
	    {.state = DEADLINE_DUE, .due = 100, .days_left = -2},
	    {.state = DEADLINE_DUE, .due = 110, .days_left = 8},
	    {.state = DEADLINE_OFF, .due = 103, .days_left = 1},
	    {.state = DEADLINE_DUE, .due = 105, .days_left = 3},
	};
	assert_ptr_equal(deadline_next(v, 4), &v[3]);
	assert_ptr_equal(deadline_next(v, 1), &v[0]);
	assert_null(deadline_next(v + 2, 1));
}

static void describe_says_how_far_off(void **state)
{
	struct deadline_due d = {.state = DEADLINE_DUE, .due = D("2026-11-25"), .days_left = 1};
	struct strbuf b;
	strbuf_init(&b);
	deadline_describe(&d, &b);
	assert_string_equal(b.s, "2026-11-25 (1 day left)");
	strbuf_reset(&b);
	d.days_left = 0;
	d.uncertain = true;
	deadline_describe(&d, &b);
	assert_string_equal(b.s, "2026-11-25 (today is the last day, uncertain)");
	strbuf_reset(&b);
	d.days_left = -4;
	d.uncertain = false;
	deadline_describe(&d, &b);
	assert_string_equal(b.s, "2026-11-25 (passed 4 days ago)");
	strbuf_reset(&b);
	d.state = DEADLINE_NO_DATE;
	deadline_describe(&d, &b);
	assert_string_equal(b.s, "");
	strbuf_free(&b);
}

int main(void)
{
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(calendar_days_count_every_day),
	    cmocka_unit_test(working_days_use_the_calendar),
	    cmocka_unit_test(a_year_without_data_is_uncertain),
	    cmocka_unit_test(condition_and_missing_date),
	    cmocka_unit_test(next_is_the_nearest_open_one),
	    cmocka_unit_test(describe_says_how_far_off),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
