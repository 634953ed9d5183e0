/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expr_date.c — calendar dates as days since 1970-01-01 (proleptic
 * Gregorian, UTC), so date arithmetic is plain subtraction. The conversions
 * are Howard Hinnant's days_from_civil / civil_from_days: exact for every
 * year, no table, no time zone. */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "expr_internal.h"

static bool leap_year(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(long y, unsigned m)
{
	static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

static long days_from_civil(long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static bool digits(const char *s, int n, long *out)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Exactly YYYY-MM-DD, and a day that exists: 2026-02-30 is refused, as is
 * 2025-02-29, while 2024-02-29 is a date. */
bool expr_parse_date(const char *s, long *days)
{
	long y, m, d;
	if (!s || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) || s[7] != '-' ||
	    !digits(s + 8, 2, &d) || s[10] != '\0')
		return false;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > (long)days_in_month(y, (unsigned)m))
		return false;
	*days = days_from_civil(y, (unsigned)m, (unsigned)d);
	return true;
}

static void put_digits(char *out, long v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
}

void expr_format_date(long days, char out[11])
{
	long y;
	unsigned m, d;
	/* Clamped, so any long gives ten characters. */
	if (days < EXPR_DAYS_MIN)
		days = EXPR_DAYS_MIN;
	if (days > EXPR_DAYS_MAX)
		days = EXPR_DAYS_MAX;
	civil_from_days(days, &y, &m, &d);
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

long expr_today(void)
{
	long days;
	if (expr_parse_date(getenv("IPWIZ_TODAY"), &days))
		return days;
	return clock_day_in(clock_now(), NULL);
}
