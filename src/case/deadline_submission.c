/* SPDX-License-Identifier: GPL-3.0-or-later */
/* deadline_submission.c — submissions, the platform's answers and the
 * chances they leave, after the flow's `lifecycle:`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "store/store.h"
#include "case_internal.h"
#include "deadline.h"
#include "deadline_submission.h"

void submission_state_clear(struct submission_state *st)
{
	submission_rows_free(st->rows, st->nrows);
	memset(st, 0, sizeof(*st));
}

/* Is the last day of chance k (1-based) behind us? A flow that names no
 * deadline per chance never misses one. */
static bool chance_passed(const struct session *s, size_t k)
{
	const struct flow_lifecycle *l = &session_flow(s)->lifecycle;
	struct deadline_due d;
	if (k == 0 || k > l->nchance_deadlines ||
	    !deadline_of(s, l->chance_deadlines[k - 1], true, &d))
		return false;
	return d.days_left < 0;
}

int submission_state_get(struct session *s, struct submission_state *out, struct ipw_error *err)
{
	memset(out, 0, sizeof(*out));
	int rc = store_submissions_list(session_store(s), session_case_id(s), &out->rows,
					&out->nrows, err);
	if (rc != IPW_OK)
		return rc;
	const struct flow *f = session_flow(s);
	out->chances = flow_chances(f);
	out->next = 1;
	bool pending = false;
	for (size_t i = 0; i < out->nrows; i++) {
		const struct submission_row *r = &out->rows[i];
		const struct flow_outcome *o = flow_find_outcome(f, r->outcome);
		out->latest = r;
		out->outcome = o;
		pending = o == NULL;
		if (r->chance > 0 && (size_t)r->chance >= out->next)
			out->next = (size_t)r->chance + (o && o->uses_chance ? 1 : 0);
	}
	/* A chance whose last day passed with nothing submitted for it is used
	 * up, as the platform counts it; one waiting for an answer is not. */
	while (out->chances && !pending && out->next <= out->chances &&
	       !(out->latest && (size_t)out->latest->chance == out->next) &&
	       chance_passed(s, out->next)) {
		out->next++;
		out->missed++;
	}
	return IPW_OK;
}

/* The value of choice k (1-based) of the chance field. */
static const char *chance_value(const struct flow *f, size_t k)
{
	const struct flow_field *cf = flow_find_field(f, f->lifecycle.chance_field);
	return cf && k >= 1 && k <= cf->nchoices ? cf->choices[k - 1].value : NULL;
}

static int no_chance_left(const struct session *s, const struct submission_state *st,
			  struct ipw_error *err)
{
	const struct flow_lifecycle *l = &session_flow(s)->lifecycle;
	return ipw_error_set(err, IPW_EUSER,
			     ngettext("No chance is left: the %zu chance this complaint had is "
				      "used up. %s",
				      "No chance is left: all %zu chances this complaint had are "
				      "used up. %s",
				      (unsigned long)st->chances),
			     st->chances, flow_tr(l->no_chance_left));
}

static int check_chance(const struct session *s, const struct submission_state *st, int chance,
			struct ipw_error *err)
{
	if (st->chances == 0)
		return chance == 0
			   ? IPW_OK
			   : ipw_error_set(err, IPW_EUSAGE, "%s",
					   _("This platform gives no numbered chances: leave "
					     "out --chance."));
	if (st->next > st->chances)
		return no_chance_left(s, st, err);
	if (chance == 0)
		return IPW_OK; /* the next one, counted */
	size_t c = (size_t)chance;
	if (c > st->chances)
		return ipw_error_set(err, IPW_EUSAGE,
				     ngettext("This platform gives %zu chance.",
					      "This platform gives %zu chances.",
					      (unsigned long)st->chances),
				     st->chances);
	if (c < st->next)
		return ipw_error_set(err, IPW_EUSER,
				     _("Chance %zu is used up already: this submission is chance "
				       "%zu. Leave out --chance and ipwiz counts it."),
				     c, st->next);
	if (c > st->next)
		return ipw_error_set(err, IPW_EUSER,
				     _("Chance %zu cannot come yet: chance %zu is not used up. "
				       "Record the platform's rejection first (`ipwiz reply "
				       "%lld rejected`)."),
				     c, st->next, (long long)session_case_id(s));
	return IPW_OK;
}

int submission_record(struct session *s, long day, int chance, int *chance_out,
		      struct ipw_error *err)
{
	struct submission_state st;
	int rc = submission_state_get(s, &st, err);
	if (rc != IPW_OK)
		return rc;
	const struct flow *f = session_flow(s);
	if (day > session_env(s)->today)
		rc = ipw_error_set(err, IPW_EUSER, "%s",
				   _("The submission date cannot be in the future."));
	else
		rc = check_chance(s, &st, chance, err);
	if (rc != IPW_OK)
		goto out;
	if (st.chances && chance == 0)
		chance = (int)st.next;
	char date[11], value[48];
	calendar_format_date(day, date);
	if (chance > 0)
		snprintf(value, sizeof(value), "%s chance %d", date, chance);
	else
		snprintf(value, sizeof(value), "%s", date);
	struct submission_change c = {
	    .day = day,
	    .chance = chance,
	    .status = "submitted",
	    .audit_what = "submitted",
	    .audit_value = value,
	    .answer_path = chance > 0 ? f->lifecycle.chance_field : NULL,
	    .answer_value = chance > 0 ? chance_value(f, (size_t)chance) : NULL,
	};
	rc = store_submission_write(session_store(s), session_case_id(s), &c, err);
	if (rc == IPW_OK)
		rc = session_reload(s, err);
	if (rc == IPW_OK && chance_out)
		*chance_out = chance;
out:
	submission_state_clear(&st);
	return rc;
}

int submission_reply(struct session *s, const char *outcome, long day, struct ipw_error *err)
{
	const struct flow *f = session_flow(s);
	const struct flow_outcome *o = flow_find_outcome(f, outcome);
	struct submission_state st;
	int rc = submission_state_get(s, &st, err);
	if (rc != IPW_OK)
		return rc;
	if (!o) {
		char *list = submission_outcome_list(f);
		rc = ipw_error_set(err, IPW_EUSAGE, _("Say what the platform answered: %s."), list);
		free(list);
	} else if (!st.latest) {
		rc =
		    ipw_error_set(err, IPW_EUSER,
				  _("This case is not marked submitted: run `ipwiz submitted %lld` "
				    "first."),
				  (long long)session_case_id(s));
	} else if (day < st.latest->day || day > session_env(s)->today) {
		rc =
		    ipw_error_set(err, IPW_EUSER, "%s",
				  _("The answer's date must be between the submission and today."));
	}
	if (rc != IPW_OK)
		goto out;
	char date[11], value[64];
	calendar_format_date(day, date);
	snprintf(value, sizeof(value), "%s %s", o->id, date);
	/* A used-up chance moves the case to the next one, so its deadlines,
	 * the statement ("our second counter-notice") and the question why
	 * the last one failed follow at once. */
	size_t after = o->uses_chance && st.latest->chance > 0 ? (size_t)st.latest->chance + 1 : 0;
	const char *next_value = after && after <= st.chances ? chance_value(f, after) : NULL;
	struct submission_change c = {
	    .reply = true,
	    .day = day,
	    .outcome = o->id,
	    .status = o->status,
	    .audit_what = "reply",
	    .audit_value = value,
	    .answer_path = next_value ? f->lifecycle.chance_field : NULL,
	    .answer_value = next_value,
	};
	rc = store_submission_write(session_store(s), session_case_id(s), &c, err);
	if (rc == IPW_OK)
		rc = session_reload(s, err);
out:
	submission_state_clear(&st);
	return rc;
}

char *submission_outcome_list(const struct flow *f)
{
	const struct flow_lifecycle *l = &f->lifecycle;
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < l->noutcomes; i++) {
		if (i)
			strbuf_add(&b, i + 1 == l->noutcomes ? _(" or ") : ", ");
		strbuf_add(&b, l->outcomes[i].id);
	}
	return strbuf_detach(&b);
}
