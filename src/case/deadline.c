/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deadline.c — due dates from the flow's deadline rules and the answers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "deadline.h"

/* Saturday and Sunday off, nothing else: the fallback when the calendar the
 * flow names is not installed. */
static bool weekend_day(long day)
{
	return calendar_weekday(day) >= 5;
}

static long add_weekdays(long from, int n)
{
	long day = from;
	for (int counted = 0; counted < n;)
		if (!weekend_day(++day))
			counted++;
	return day;
}

void deadline_compute(const struct flow_deadline *d, const struct expr_env *env,
		      const struct calendar *cal, struct deadline_due *out)
{
	memset(out, 0, sizeof(*out));
	out->def = d;
	if (d->when && !expr_true(d->when, env)) {
		out->state = DEADLINE_OFF;
		return;
	}
	const char *from = d->from ? env->lookup(env->ctx, d->from) : NULL;
	if (!from || !calendar_parse_date(from, &out->from)) {
		out->state = DEADLINE_NO_DATE;
		return;
	}
	out->state = DEADLINE_DUE;
	int days = d->days > 0 ? d->days : 0;
	if (!d->working) {
		out->due = out->from + days;
	} else if (cal) {
		out->due = calendar_add_working_days(cal, out->from, days, &out->uncertain);
	} else {
		out->due = add_weekdays(out->from, days);
		out->uncertain = true;
		out->no_calendar = true;
	}
	out->days_left = out->due - env->today;
}

/* The calendar id (cached, calendar_get), or NULL when it cannot be loaded;
 * *problem: the user's own file is broken and was ignored ("" if not). */
static const struct calendar *calendar_of(const char *id, char problem[1100])
{
	const struct calendar *c = NULL;
	struct ipw_error err = {0};
	problem[0] = '\0';
	if (calendar_get(install_data_dir(), id, &c, &err) != IPW_OK)
		return NULL;
	if (err.status != IPW_OK)
		ipw_error_format(&err, problem, 1100);
	return c;
}

long deadline_today(const struct session *s)
{
	const struct flow *f = session_flow(s);
	long today = session_env(s)->today;
	if (!f->timezone || getenv("IPWIZ_TODAY"))
		return today; /* a pinned day is the day everywhere */
	long there = clock_day_in(clock_now(), f->timezone);
	return there > today ? there : today;
}

/* The case's answers, with "today" the day deadlines count from. */
static struct expr_env deadline_env(const struct session *s)
{
	struct expr_env env = *session_env(s);
	env.today = deadline_today(s);
	return env;
}

size_t deadline_list(const struct session *s, struct deadline_due **out)
{
	const struct flow *f = session_flow(s);
	struct expr_env envv = deadline_env(s);
	const struct expr_env *env = &envv;
	*out = NULL;
	if (!f->ndeadlines)
		return 0;
	struct deadline_due *v = xcalloc(f->ndeadlines, sizeof(*v));
	for (size_t i = 0; i < f->ndeadlines; i++) {
		const struct flow_deadline *d = &f->deadlines[i];
		char problem[sizeof(v[i].calendar_problem)];
		const struct calendar *cal =
		    d->working && d->calendar ? calendar_of(d->calendar, problem) : NULL;
		deadline_compute(d, env, cal, &v[i]);
		if (cal)
			memcpy(v[i].calendar_problem, problem, sizeof(problem));
	}
	*out = v;
	return f->ndeadlines;
}

bool deadline_of(const struct session *s, const char *id, bool ignore_when,
		 struct deadline_due *out)
{
	const struct flow_deadline *def = flow_find_deadline(session_flow(s), id);
	if (!def)
		return false;
	struct flow_deadline d = *def;
	if (ignore_when)
		d.when = NULL;
	char problem[sizeof(out->calendar_problem)];
	const struct calendar *cal =
	    d.working && d.calendar ? calendar_of(d.calendar, problem) : NULL;
	struct expr_env env = deadline_env(s);
	deadline_compute(&d, &env, cal, out);
	out->def = def;
	if (cal)
		memcpy(out->calendar_problem, problem, sizeof(problem));
	return out->state == DEADLINE_DUE;
}

const struct deadline_due *deadline_next(const struct deadline_due *v, size_t n)
{
	const struct deadline_due *best = NULL;
	for (size_t i = 0; i < n; i++) {
		if (v[i].state != DEADLINE_DUE)
			continue;
		if (!best) {
			best = &v[i];
			continue;
		}
		bool open = v[i].days_left >= 0, best_open = best->days_left >= 0;
		if (open != best_open ? open : (open ? v[i].due < best->due : v[i].due > best->due))
			best = &v[i];
	}
	return best;
}

void deadline_format(const struct deadline_due *d, char out[11])
{
	calendar_format_date(d->due, out);
}

void deadline_describe(const struct deadline_due *d, struct strbuf *out)
{
	if (d->state != DEADLINE_DUE)
		return;
	char due[11];
	deadline_format(d, due);
	struct strbuf in;
	strbuf_init(&in);
	long left = d->days_left;
	if (left > 0)
		strbuf_addf(&in, ngettext("%ld day left", "%ld days left", (unsigned long)left),
			    left);
	else if (left == 0)
		strbuf_add(&in, _("today is the last day"));
	else
		strbuf_addf(
		    &in,
		    ngettext("passed %ld day ago", "passed %ld days ago", (unsigned long)-left),
		    -left);
	if (d->uncertain)
		strbuf_add(&in, _(", uncertain"));
	/* TRANSLATORS: a date and how many days are left: "2026-12-01 (7 days
	 * left)"; Chinese uses full-width brackets. */
	strbuf_addf(out, _("%s (%s)"), due, in.s);
	strbuf_free(&in);
}

char *deadline_note(const struct session *s, bool with_label)
{
	struct deadline_due *v = NULL;
	size_t n = deadline_list(s, &v);
	const struct deadline_due *d = deadline_next(v, n);
	char *note = NULL;
	if (d) {
		struct strbuf b;
		strbuf_init(&b);
		if (with_label && d->def->label)
			strbuf_addf(&b, "%s: ", flow_tr(d->def->label));
		deadline_describe(d, &b);
		note = strbuf_detach(&b);
	}
	free(v);
	return note;
}
