/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar.c — civil dates, working-day arithmetic, and where calendars are
 * found (the data directory, then the user's own years on top). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "expr/expr.h"
#include "calendar_internal.h"

/* A day is expr's day number (days since 1970-01-01), so `when:` limits,
 * deadlines and calendars count the same days; expr_date.c converts. */
bool calendar_parse_date(const char *s, long *day)
{
	return expr_parse_date(s, day);
}

void calendar_format_date(long day, char out[11])
{
	long back;
	expr_format_date(day, out);
	/* expr clamps to the years 1 to 9999; a day beyond them has no date. */
	if (!expr_parse_date(out, &back) || back != day)
		strcpy(out, "0000-00-00");
}

int calendar_year(long day)
{
	char date[11];
	expr_format_date(day, date);
	return (int)strtol(date, NULL, 10);
}

int calendar_weekday(long day)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void calendar_free(struct calendar *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ndays; i++)
		free(c->days[i].name);
	free(c->days);
	free(c->years);
	free(c->id);
	free(c->name);
	free(c);
}

const char *calendar_id(const struct calendar *c)
{
	return c->id;
}

const char *calendar_name(const struct calendar *c)
{
	return c->name ? c->name : c->id;
}

bool calendar_has_year(const struct calendar *c, int year)
{
	size_t lo = 0, hi = c->nyears;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->years[mid] == year)
			return true;
		if (c->years[mid] < year)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static const struct calendar_day *find_day(const struct calendar *c, long day)
{
	size_t lo = 0, hi = c->ndays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->days[mid].day == day)
			return &c->days[mid];
		if (c->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool calendar_is_working_day(const struct calendar *c, long day, bool *known)
{
	if (known)
		*known = calendar_has_year(c, calendar_year(day));
	const struct calendar_day *special = find_day(c, day);
	if (special)
		return special->working;
	return !c->weekend[calendar_weekday(day)];
}

const char *calendar_day_name(const struct calendar *c, long day)
{
	const struct calendar_day *special = find_day(c, day);
	return special ? special->name : NULL;
}

long calendar_add_working_days(const struct calendar *c, long from, int n, bool *uncertain)
{
	/* The loader refuses a week without working days, and holidays are
	 * finitely many, so every step of this loop finds one eventually. */
	bool unsure = false;
	long day = from;
	for (int counted = 0; counted < n;) {
		day++;
		bool known;
		if (calendar_is_working_day(c, day, &known))
			counted++;
		unsure = unsure || !known;
	}
	if (uncertain)
		*uncertain = unsure;
	return day;
}

static int day_cmp(const void *a, const void *b)
{
	long x = ((const struct calendar_day *)a)->day, y = ((const struct calendar_day *)b)->day;
	return (x > y) - (x < y);
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int calendar_finish(struct calendar *c, const char *file, struct ipw_error *err)
{
	if (c->ndays)
		qsort(c->days, c->ndays, sizeof(*c->days), day_cmp);
	if (c->nyears)
		qsort(c->years, c->nyears, sizeof(*c->years), int_cmp);
	for (size_t i = 1; i < c->ndays; i++)
		if (c->days[i].day == c->days[i - 1].day) {
			char d[11];
			calendar_format_date(c->days[i].day, d);
			return ipw_error_at(
			    err, IPW_EUSER, file, 0, 0,
			    _("%s is listed twice in the calendar: keep one entry."), d);
		}
	for (size_t i = 1; i < c->nyears; i++)
		if (c->years[i] == c->years[i - 1])
			return ipw_error_at(err, IPW_EUSER, file, 0, 0,
					    _("The year %d is listed twice in the calendar."),
					    c->years[i]);
	return IPW_OK;
}

/* Replace base's years that over also covers with over's days. */
static void calendar_overlay(struct calendar *base, struct calendar *over)
{
	size_t keep = 0;
	for (size_t i = 0; i < base->ndays; i++) {
		if (calendar_has_year(over, calendar_year(base->days[i].day)))
			free(base->days[i].name);
		else
			base->days[keep++] = base->days[i];
	}
	base->ndays = keep;
	base->days = xreallocarray(base->days, base->ndays + over->ndays + 1, sizeof(*base->days));
	for (size_t i = 0; i < over->ndays; i++) {
		base->days[base->ndays++] = over->days[i];
		over->days[i].name = NULL;
	}
	base->years = xreallocarray(base->years, base->nyears + over->nyears + 1, sizeof(int));
	for (size_t i = 0; i < over->nyears; i++)
		if (!calendar_has_year(base, over->years[i]))
			base->years[base->nyears++] = over->years[i];
	calendar_finish(base, NULL, NULL);
}

static bool valid_id(const char *id)
{
	if (!*id || strlen(id) > 32)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			return false;
	return true;
}

char *calendar_user_path(const char *id)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/ipwiz/calendars/%s.yaml", xdg, id);
	const char *home = getenv("HOME");
	if (home && *home)
		return xasprintf("%s/.config/ipwiz/calendars/%s.yaml", home, id);
	return NULL;
}

int calendar_load(const char *data_dir, const char *id, struct calendar **out,
		  struct ipw_error *err)
{
	*out = NULL;
	if (!id || !valid_id(id))
		return ipw_error_set(err, IPW_EUSER,
				     _("“%s” is not a calendar name: use lowercase letters, such "
				       "as cn or us."),
				     id ? id : "");
	char *path = xasprintf("%s/calendars/%s.yaml", data_dir, id);
	struct stat st;
	int r;
	if (stat(path, &st) != 0) {
		r = ipw_error_at(err, IPW_EUSER, path, 0, 0,
				 _("There is no working-day calendar “%s”: the flow names one "
				   "that is not installed."),
				 id);
		free(path);
		return r;
	}
	r = calendar_load_file(path, out, err);
	free(path);
	if (r != IPW_OK)
		return r;
	char *user = calendar_user_path(id);
	if (user && stat(user, &st) == 0) {
		struct calendar *over;
		/* A mistake in the seller's own file must not throw away the
		 * shipped holidays: keep them, and leave the reason in err. */
		if (calendar_load_file(user, &over, err) == IPW_OK) {
			calendar_overlay(*out, over);
			calendar_free(over);
		}
	}
	free(user);
	return IPW_OK;
}

int calendar_load_file(const char *path, struct calendar **out, struct ipw_error *err)
{
	*out = NULL;
	/* Opened without blocking and checked to be a regular file before any
	 * read: a FIFO in its place would otherwise hang every command that
	 * counts a deadline. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return ipw_error_at(err, IPW_EUSER, path, 0, 0,
				    _("Cannot read the calendar file: check that it exists and "
				      "is readable."));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return ipw_error_at(err, IPW_EUSER, path, 0, 0,
				    _("The calendar file is not a regular file: put a plain YAML "
				      "file there, or remove it."));
	}
	char *buf = xmalloc(CALENDAR_MAX_BYTES + 1);
	size_t n = 0;
	ssize_t got = 0;
	while (n < CALENDAR_MAX_BYTES + 1 &&
	       ((got = read(fd, buf + n, CALENDAR_MAX_BYTES + 1 - n)) > 0 ||
		(got < 0 && errno == EINTR)))
		n += got > 0 ? (size_t)got : 0;
	bool bad = got < 0;
	close(fd);
	int r;
	if (bad)
		r = ipw_error_at(err, IPW_EUSER, path, 0, 0,
				 _("Cannot read the calendar file: check that it is readable."));
	else if (n > CALENDAR_MAX_BYTES)
		r = ipw_error_at(err, IPW_EUSER, path, 0, 0,
				 _("The calendar file is larger than %d KB: is it the right file?"),
				 CALENDAR_MAX_BYTES / 1024);
	else
		r = calendar_load_buffer(path, buf, n, out, err);
	free(buf);
	return r;
}
