/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar_internal.h — the calendar's representation, shared by the YAML
 * reader (calendar_yaml.c) and the queries (calendar.c). */
#ifndef IPWIZ_CALENDAR_INTERNAL_H
#define IPWIZ_CALENDAR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "calendar.h"

/* One special day: a holiday, or a weekend day worked instead. */
struct calendar_day {
	long day;
	bool working;
	char *name;
};

struct calendar {
	char *id;
	char *name;
	bool weekend[7]; /* by calendar_weekday() */
	int *years;	 /* covered years, sorted */
	size_t nyears;
	struct calendar_day *days; /* sorted by day, unique */
	size_t ndays;
};

/* The seller's own file for calendar id (~/.config/ipwiz/calendars/ID.yaml
 * or under $XDG_CONFIG_HOME), or NULL without a home; the caller frees it. */
char *calendar_user_path(const char *id);

/* Sort days and years, and refuse a day listed twice (err names it). */
int calendar_finish(struct calendar *c, const char *file, struct ipw_error *err);

#endif
