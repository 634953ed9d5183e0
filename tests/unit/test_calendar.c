/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Working-day calendars: the shipped files, China's make-up working days,
 * year boundaries, years without data, and strict loading. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "calendar/calendar.h"

static long D(const char *s)
{
	long d;
	assert_true(calendar_parse_date(s, &d));
	return d;
}

static struct calendar *shipped(const char *id)
{
	struct calendar *c;
	struct ipw_error err;
	int r = calendar_load(SRCDATADIR, id, &c, &err);
	if (r != 0)
		fail_msg("%s: %s", id, err.msg);
	return c;
}

/* "from + n working days" as text, and whether it is uncertain. */
static const char *add(const struct calendar *c, const char *from, int n, bool *uncertain)
{
	static char out[11];
	calendar_format_date(calendar_add_working_days(c, D(from), n, uncertain), out);
	return out;
}

static void dates_round_trip_and_know_their_weekday(void **state)
{
	char out[11];
	assert_int_equal(D("1970-01-01"), 0);
	calendar_format_date(D("2026-02-28"), out);
	assert_string_equal(out, "2026-02-28");
	calendar_format_date(D("2024-02-29"), out);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(calendar_weekday(0), 3);		/* Thursday */
	assert_int_equal(calendar_weekday(D("2026-02-14")), 5); /* Saturday */
	assert_int_equal(calendar_weekday(D("1969-12-28")), 6); /* Sunday */
	assert_int_equal(calendar_year(D("2026-12-31") + 1), 2027);
	long d;
	assert_false(calendar_parse_date("2026-02-29", &d));
	assert_false(calendar_parse_date("2026-13-01", &d));
	assert_false(calendar_parse_date("2026-1-01", &d));
	assert_false(calendar_parse_date("2026-01-01x", &d));
}

static void spring_festival_counts_make_up_saturdays(void **state)
{
	struct calendar *cn = shipped("cn");
	bool unsure = true;
	/* Fri 13 Feb: Sat 14 is worked, 15–23 are the holiday. */
	assert_string_equal(add(cn, "2026-02-13", 3, &unsure), "2026-02-25");
	assert_false(unsure);
	assert_string_equal(add(cn, "2026-02-12", 3, NULL), "2026-02-24");
	/* Sat 28 Feb is worked too. */
	assert_string_equal(add(cn, "2026-02-26", 3, NULL), "2026-03-02");
	assert_true(calendar_is_working_day(cn, D("2026-02-28"), NULL));
	assert_false(calendar_is_working_day(cn, D("2026-02-16"), NULL));
	assert_false(calendar_is_working_day(cn, D("2026-03-01"), NULL));
	assert_string_equal(calendar_day_name(cn, D("2026-02-17")), "Spring Festival");
	calendar_free(cn);
}

static void national_day_skips_the_golden_week(void **state)
{
	struct calendar *cn = shipped("cn");
	assert_string_equal(add(cn, "2026-09-29", 3, NULL), "2026-10-09");
	assert_string_equal(add(cn, "2026-09-29", 4, NULL), "2026-10-10"); /* make-up Sat */
	assert_string_equal(add(cn, "2026-09-18", 1, NULL), "2026-09-20"); /* make-up Sun */
	assert_string_equal(add(cn, "2026-09-24", 1, NULL), "2026-09-28"); /* Mid-Autumn */
	calendar_free(cn);
}

static void year_boundary_with_and_without_data(void **state)
{
	struct calendar *cn = shipped("cn"), *us = shipped("us");
	bool unsure = false;
	/* 2025 → 2026: New Year 1–3 Jan off, Sun 4 Jan worked. */
	assert_string_equal(add(cn, "2025-12-30", 3, &unsure), "2026-01-05");
	assert_false(unsure);
	/* 2026 → 2027: China's 2027 holidays are not in the file yet. */
	assert_false(calendar_has_year(cn, 2027));
	assert_string_equal(add(cn, "2026-12-30", 3, &unsure), "2027-01-04");
	assert_true(unsure);
	/* The US file knows 2027: New Year's Day is skipped, and that is certain. */
	assert_string_equal(add(us, "2026-12-30", 3, &unsure), "2027-01-05");
	assert_false(unsure);
	/* Observed holidays: 4 July 2026 is a Saturday, so Friday 3 July is off. */
	assert_false(calendar_is_working_day(us, D("2026-07-03"), NULL));
	assert_string_equal(add(us, "2026-07-02", 1, NULL), "2026-07-06");
	/* 0 days is the day itself. */
	assert_string_equal(add(us, "2026-07-04", 0, NULL), "2026-07-04");
	calendar_free(cn);
	calendar_free(us);
}

static int load(const char *yaml, struct ipw_error *err)
{
	struct calendar *c = NULL;
	int r = calendar_load_buffer("t.yaml", yaml, strlen(yaml), &c, err);
	calendar_free(c);
	return r;
}

static void loader_refuses_bad_files_with_a_position(void **state)
{
	struct ipw_error err;
	assert_int_equal(load("id: x\nyears:\n  2026:\n    holiday: []\n", &err), IPW_EUSER);
	assert_int_equal(err.line, 4);
	assert_int_equal(err.column, 5);
	assert_non_null(strstr(err.msg, "holiday"));
	assert_int_equal(load("id: x\nyears:\n  2026:\n    holidays: [{date: 2027-01-01}]\n", &err),
			 IPW_EUSER);
	assert_int_equal(err.line, 4);
	/* 2026-02-16 is a Monday: listing it as a make-up day is a typo. */
	assert_int_equal(load("id: x\nyears:\n  2026:\n    workdays: [{date: 2026-02-16}]\n", &err),
			 IPW_EUSER);
	assert_int_equal(load("id: x\nyears:\n  2026:\n    holidays: [{date: 2026-02-16}, "
			      "{from: 2026-02-15, to: 2026-02-17}]\n",
			      &err),
			 IPW_EUSER);
	assert_non_null(strstr(err.msg, "2026-02-16"));
	assert_int_equal(load("id: x\nyears: {2026: {holidays: [{date: 2026-02-31}]}}\n", &err),
			 IPW_EUSER);
	assert_int_equal(load("id: x\nweekend: [monday, tuesday, wednesday, thursday, friday, "
			      "saturday, sunday]\nyears: {}\n",
			      &err),
			 IPW_EUSER);
	assert_int_equal(load("id: [unclosed\n", &err), IPW_EUSER);
	assert_int_equal(err.line, 2);
	assert_int_equal(load("", &err), IPW_EUSER);
	assert_int_equal(load("id: x\nyears: {2026: {}}\n", &err), IPW_OK);
}

static void weekend_is_configurable(void **state)
{
	struct calendar *c;
	struct ipw_error err;
	const char *y = "id: ae\nweekend: [saturday, sunday, friday]\nyears: {2026: {}}\n";
	assert_int_equal(calendar_load_buffer("ae.yaml", y, strlen(y), &c, &err), IPW_OK);
	/* Thu 2026-02-12 + 1 → Mon 16. */
	char out[11];
	calendar_format_date(calendar_add_working_days(c, D("2026-02-12"), 1, NULL), out);
	assert_string_equal(out, "2026-02-16");
	calendar_free(c);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A scratch $XDG_CONFIG_HOME in dir (a mkdtemp template) with an empty
 * ipwiz/calendars folder; path: where the seller's cn.yaml goes. */
static void make_config_home(char *dir, char path[256])
{
	assert_non_null(mkdtemp(dir));
	snprintf(path, 256, "%s/ipwiz", dir);
	mkdir(path, 0700);
	snprintf(path, 256, "%s/ipwiz/calendars", dir);
	mkdir(path, 0700);
	snprintf(path, 256, "%s/ipwiz/calendars/cn.yaml", dir);
}

static void remove_config_home(const char *dir, const char *path)
{
	char p[256];
	unlink(path);
	snprintf(p, sizeof(p), "%s/ipwiz/calendars", dir);
	rmdir(p);
	snprintf(p, sizeof(p), "%s/ipwiz", dir);
	rmdir(p);
	rmdir(dir);
}

static void user_file_adds_a_year(void **state)
{
	char dir[] = "/tmp/ipwiz-cal.XXXXXX", path[256];
	make_config_home(dir, path);
	write_file(path, "id: cn\nyears:\n  2027:\n    holidays:\n"
			 "      - {date: 2027-01-01, name: New Year's Day}\n");
	setenv("XDG_CONFIG_HOME", dir, 1);
	struct calendar *cn = shipped("cn");
	unsetenv("XDG_CONFIG_HOME");
	assert_true(calendar_has_year(cn, 2026));
	assert_true(calendar_has_year(cn, 2027));
	bool unsure = true;
	assert_string_equal(add(cn, "2026-12-30", 3, &unsure), "2027-01-05");
	assert_false(unsure);
	assert_string_equal(add(cn, "2026-02-13", 3, NULL), "2026-02-25"); /* shipped years stay */
	calendar_free(cn);
	remove_config_home(dir, path);
}

static void unknown_calendar_is_a_sentence(void **state)
{
	struct calendar *c;
	struct ipw_error err;
	assert_int_equal(calendar_load(SRCDATADIR, "xx", &c, &err), IPW_EUSER);
	assert_null(c);
	assert_non_null(strstr(err.msg, "xx"));
	assert_int_equal(calendar_load(SRCDATADIR, "../flows/x", &c, &err), IPW_EUSER);
}

/* calendar_get parses a calendar once and hands the same one back while its
 * files stay as they are; a seller's file added, changed, broken or removed
 * is seen at the next call. */
static void cached_calendar_follows_its_files(void **state)
{
	char dir[] = "/tmp/ipwiz-cal.XXXXXX", path[256];
	make_config_home(dir, path);
	setenv("XDG_CONFIG_HOME", dir, 1);
	const struct calendar *a, *b;
	struct ipw_error err;
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &a, &err), IPW_OK);
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &b, &err), IPW_OK);
	assert_ptr_equal(a, b);
	assert_false(calendar_has_year(a, 2031));

	write_file(path, "id: cn\nyears:\n  2031:\n    holidays:\n"
			 "      - {date: 2031-01-01, name: New Year's Day}\n");
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &a, &err), IPW_OK);
	assert_int_equal(err.status, IPW_OK);
	assert_true(calendar_has_year(a, 2031));

	write_file(path, "id: cn\nyears: [\n");
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &a, &err), IPW_OK);
	assert_int_equal(err.status, IPW_EUSER); /* said again at every call */
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &b, &err), IPW_OK);
	assert_int_equal(err.status, IPW_EUSER);
	assert_non_null(strstr(err.file, "cn.yaml"));
	assert_false(calendar_has_year(b, 2031));
	assert_true(calendar_has_year(b, 2026)); /* the shipped years stay */

	unlink(path);
	assert_int_equal(calendar_get(SRCDATADIR, "cn", &a, &err), IPW_OK);
	assert_int_equal(err.status, IPW_OK);
	assert_int_equal(calendar_get(SRCDATADIR, "xx", &b, &err), IPW_EUSER);
	assert_null(b);
	unsetenv("XDG_CONFIG_HOME");
	remove_config_home(dir, path);
}

int main(void)
{
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/nonexistent", 1);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dates_round_trip_and_know_their_weekday),
	    cmocka_unit_test(spring_festival_counts_make_up_saturdays),
	    cmocka_unit_test(national_day_skips_the_golden_week),
	    cmocka_unit_test(year_boundary_with_and_without_data),
	    cmocka_unit_test(loader_refuses_bad_files_with_a_position),
	    cmocka_unit_test(weekend_is_configurable),
	    cmocka_unit_test(user_file_adds_a_year),
	    cmocka_unit_test(unknown_calendar_is_a_sentence),
	    cmocka_unit_test(cached_calendar_follows_its_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
