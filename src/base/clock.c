/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.c — the clock, and the local day in a time zone. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "xalloc.h"

int64_t clock_now(void)
{
	const char *s = getenv("IPWIZ_NOW");
	if (s && *s >= '0' && *s <= '9') {
		char *end;
		errno = 0;
		long long v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0')
			return (int64_t)v;
	}
	return (int64_t)time(NULL);
}

static long floor_div(long long a, long b)
{
	return (long)(a >= 0 ? a / b : -((-a + b - 1) / b));
}

/* The day at t under the zone TZ says now. */
static long local_day(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return floor_div(t, 86400);
	return floor_div((long long)t + tm.tm_gmtoff, 86400);
}

/* Another zone: TZ is switched for one conversion and put back, since C
 * has no per-call zone. ipwiz runs one thread. */
long clock_day_in(int64_t t, const char *tz)
{
	if (!tz)
		return local_day(t);
	const char *was = getenv("TZ");
	char *saved = was ? xstrdup(was) : NULL;
	setenv("TZ", tz, 1);
	tzset();
	long day = local_day(t);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	return day;
}
