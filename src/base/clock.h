/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.h — what time it is, and which day that is somewhere. The one
 * place that reads the clock for dates, so tests can set it: IPWIZ_NOW
 * (seconds since 1970-01-01 UTC) replaces the system clock, and TZ says
 * where the user is, as for every program. */
#ifndef IPWIZ_CLOCK_H
#define IPWIZ_CLOCK_H

#include <stdint.h>

/* Seconds since the epoch: IPWIZ_NOW when it is a plain number, else time(). */
int64_t clock_now(void);

/* The calendar day (days since 1970-01-01) at instant t in time zone tz
 * ("Asia/Shanghai"), or in the user's local zone (TZ) when tz is NULL. */
long clock_day_in(int64_t t, const char *tz);

#endif
