/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar.h — working-day calendars loaded from data/calendars/ID.yaml:
 * public holidays and weekend make-up working days (China's 调休上班), year
 * by year. A year the file does not cover is counted on weekends alone, and
 * the answer says it is uncertain. A user adds or corrects a year in
 * $XDG_CONFIG_HOME/ipwiz/calendars/ID.yaml (same format), which wins over
 * the shipped year.
 *
 *   id: cn
 *   name: Mainland China
 *   weekend: [saturday, sunday]          # optional, this is the default
 *   years:
 *     2026:
 *       holidays:
 *         - {from: 2026-02-15, to: 2026-02-23, name: Spring Festival}
 *         - {date: 2026-04-06, name: Qingming}
 *       workdays:                        # weekend days that are working days
 *         - {date: 2026-02-14, name: Spring Festival make-up day}
 *
 * Dates are days since 1970-01-01, as in expr.h. */
#ifndef IPWIZ_CALENDAR_H
#define IPWIZ_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

/* Limits that keep a hostile file harmless. */
#define CALENDAR_MAX_BYTES (256 * 1024)
#define CALENDAR_MAX_RANGE 366 /* days in one holiday entry */

struct calendar;

/* The calendar `id` from data_dir/calendars/ (install_data_dir() in the
 * program), with the user's years on top. IPW_EUSER with a sentence when
 * there is no such calendar or it is broken (err->file, line and column say
 * where). When only the user's file (~/.config/ipwiz/calendars/ID.yaml) is
 * broken, the shipped calendar is returned (IPW_OK) and err->status is
 * IPW_EUSER with where and why, for the caller to show. */
int calendar_load(const char *data_dir, const char *id, struct calendar **out,
		  struct ipw_error *err);
int calendar_load_file(const char *path, struct calendar **out, struct ipw_error *err);
/* calendar_load through a cache kept for the life of the process: a
 * calendar is read again only when its shipped or its user file changed
 * (the wizard asks for deadlines at every redraw, a listing for every
 * case). The calendar belongs to the cache: never free it, and do not keep
 * it past the next call. err as calendar_load, every time. */
int calendar_get(const char *data_dir, const char *id, const struct calendar **out,
		 struct ipw_error *err);
int calendar_load_buffer(const char *name, const char *buf, size_t len, struct calendar **out,
			 struct ipw_error *err);
void calendar_free(struct calendar *c);

const char *calendar_id(const struct calendar *c);
const char *calendar_name(const struct calendar *c);

/* Does the calendar know the holidays of this year? */
bool calendar_has_year(const struct calendar *c, int year);

/* Is day a working day? *known (may be NULL) is false when day's year is not
 * covered and only the weekend decided. */
bool calendar_is_working_day(const struct calendar *c, long day, bool *known);
/* The name of the holiday or make-up day on day, or NULL. */
const char *calendar_day_name(const struct calendar *c, long day);

/* The n-th working day after from (from itself never counts; n >= 0, and 0
 * gives from). *uncertain (may be NULL) is set when a day counted or skipped
 * lies in a year the calendar does not cover. */
long calendar_add_working_days(const struct calendar *c, long from, int n, bool *uncertain);

/* Civil dates, so the calendar needs nothing but libyaml. */
bool calendar_parse_date(const char *s, long *day);
void calendar_format_date(long day, char out[11]);
int calendar_year(long day);
/* 0 = Monday … 6 = Sunday. */
int calendar_weekday(long day);

#endif
