/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deadline.h — a flow's deadlines for one case: "N (working) days after the
 * date answered in FROM", over the working-day calendar the flow names. A
 * date counted in a year the calendar does not cover is marked uncertain, and
 * every deadline carries the flow's note that the platform's countdown wins. */
#ifndef IPWIZ_DEADLINE_H
#define IPWIZ_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "expr/expr.h"
#include "flow/flow.h"
#include "session.h"

enum deadline_state {
	DEADLINE_OFF,	  /* its `when:` does not hold: not this case's deadline */
	DEADLINE_NO_DATE, /* applies, but the start date is not answered yet */
	DEADLINE_DUE,	  /* applies and has a date */
};

struct deadline_due {
	const struct flow_deadline *def;
	enum deadline_state state;
	long from, due;	  /* days since 1970-01-01 (DEADLINE_DUE) */
	long days_left;	  /* due - today: 0 = today is the last day, < 0 = passed */
	bool uncertain;	  /* counted over a year without calendar data */
	bool no_calendar; /* the flow's calendar is not installed: weekends only */
	/* The user's own calendar file is broken and was ignored:
	 * "FILE:LINE:COLUMN: why", or "" */
	char calendar_problem[1100];
};

/* One deadline under the answers in env (env->today is "today"). cal is the
 * calendar d->calendar names, or NULL when it could not be loaded (then
 * weekends alone count and the result is uncertain). */
void deadline_compute(const struct flow_deadline *d, const struct expr_env *env,
		      const struct calendar *cal, struct deadline_due *out);

/* The day deadlines count from: the user's local date, or — when the flow
 * names the platform's time zone — the later of that and the date there,
 * so the days left are never more than the platform's countdown shows. */
long deadline_today(const struct session *s);

/* Every deadline of the case's flow, in flow order, over the calendars of
 * the data directory (calendar_get: parsed once while their files stay the
 * same). *out is the caller's (free()). Never fails: a missing calendar is
 * reported through no_calendar. */
size_t deadline_list(const struct session *s, struct deadline_due **out);

/* The deadline id of the case's flow, as deadline_list computes it; with
 * ignore_when, whether or not its `when:` holds (the deadline a chance
 * had, once the case has moved to the next one). True when it has a date. */
bool deadline_of(const struct session *s, const char *id, bool ignore_when,
		 struct deadline_due *out);

/* The nearest due date among the DEADLINE_DUE ones that have not passed
 * (or the latest passed one when all have), or NULL. */
const struct deadline_due *deadline_next(const struct deadline_due *v, size_t n);

/* "2026-02-25" into out. */
void deadline_format(const struct deadline_due *d, char out[11]);

/* The due date and how far off it is, in the user's language, for a case
 * list, a header or a message: "2026-11-25 (1 day left)", "2026-11-24 (today
 * is the last day)", "2026-11-20 (passed 4 days ago)", with ", uncertain"
 * when the calendar did not cover the days counted. Appended to out. */
void deadline_describe(const struct deadline_due *d, struct strbuf *out);

/* The case's next deadline in one line, for the wizard's step list, review
 * and case list and for `ipwiz list`: "Submit the counter-notice:
 * 2026-11-25 (1 day left)" (without the label when with_label is false), or
 * NULL when no deadline has a date yet. The caller frees it. */
char *deadline_note(const struct session *s, bool with_label);

#endif
