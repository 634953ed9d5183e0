/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_deadlines.c — the case's deadlines as sentences: the date, how many
 * (working) days are left, and the flow's note that the platform's own
 * countdown wins. Said when a case is opened and in the review, because a
 * missed deadline costs a seller the chance to answer at all. */
#include "config.h"

#include <stdlib.h>

#include "base/base.h"
#include "case/case.h"
#include "plain_internal.h"

static void say_left(struct plain *p, const struct deadline_due *d)
{
	long n = d->days_left;
	if (n == 0) {
		plain_printf(p, "%s", _("today is the last day"));
	} else if (n < 0) {
		plain_printf(
		    p, ngettext("passed %ld day ago", "passed %ld days ago", (unsigned long)-n),
		    -n);
	} else if (d->def->working) {
		plain_printf(
		    p, ngettext("%ld working day left", "%ld working days left", (unsigned long)n),
		    n);
	} else {
		plain_printf(p, ngettext("%ld day left", "%ld days left", (unsigned long)n), n);
	}
}

static void say_deadline(struct plain *p, const struct deadline_due *d)
{
	char date[11];
	deadline_format(d, date);
	plain_printf(p, "  %s: %s, ", plain_safe(p, flow_tr(d->def->label)), date);
	say_left(p, d);
	plain_printf(p, ".\n");
	if (d->uncertain || d->no_calendar)
		plain_printf(p, "    %s\n",
			     _("This date is uncertain: ipwiz has no holiday calendar for that "
			       "year, so only weekends were skipped."));
	if (d->calendar_problem[0])
		plain_printf(p, "    %s %s\n",
			     _("Your own holiday calendar could not be read, so the shipped one "
			       "was used:"),
			     plain_safe(p, d->calendar_problem));
	if (d->def->note)
		plain_lines(p, "    ", flow_tr(d->def->note));
}

void plain_deadlines(struct plain *p)
{
	struct deadline_due *v = NULL;
	size_t n = deadline_list(p->cc.session, &v);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].state != DEADLINE_DUE)
			continue;
		if (!shown++)
			plain_printf(p, "%s\n", _("Deadlines:"));
		say_deadline(p, &v[i]);
	}
	free(v);
}
