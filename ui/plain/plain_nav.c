/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_nav.c — the steps in order: announce each visible step, ask its
 * visible questions, and move as the user says (back, next, goto, review).
 * Visibility is looked up again at every move, so a question that an answer
 * just revealed is asked next. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "base/base.h"
#include "plain_internal.h"

#define STEP_REVIEW SIZE_MAX

void plain_step_number(const struct session *s, size_t step, size_t *k, size_t *m)
{
	const struct flow *flow = session_flow(s);
	*k = *m = 0;
	for (size_t i = 0; i < flow->nsteps; i++)
		if (session_step_visible(s, i)) {
			(*m)++;
			if (i == step)
				*k = *m;
		}
}

bool plain_step_index(const struct session *s, size_t k, size_t *step)
{
	const struct flow *flow = session_flow(s);
	size_t n = 0;
	for (size_t i = 0; i < flow->nsteps; i++)
		if (session_step_visible(s, i) && ++n == k) {
			*step = i;
			return true;
		}
	return false;
}

/* Fields the user is asked about (read-only text is shown going forward
 * only, so going back never stops on it). */
static bool asked(const struct session *s, const struct flow_field *f, bool backward)
{
	return session_field_visible(s, f->path) && !(backward && f->type == FIELD_INFO);
}

/* First visible field at or after from, or nfields. */
static size_t first_field(const struct session *s, size_t step, size_t from)
{
	const struct flow_step *st = &session_flow(s)->steps[step];
	while (from < st->nfields && !asked(s, &st->fields[from], false))
		from++;
	return from;
}

/* Last visible question before `before`, or SIZE_MAX. */
static size_t last_field(const struct session *s, size_t step, size_t before)
{
	const struct flow_step *st = &session_flow(s)->steps[step];
	while (before-- > 0)
		if (asked(s, &st->fields[before], true))
			return before;
	return SIZE_MAX;
}

static size_t next_step(const struct session *s, size_t step)
{
	size_t n = session_next_step(s, step);
	return n == step ? STEP_REVIEW : n;
}

static void announce(struct plain *p, size_t step)
{
	const struct flow_step *st = &session_flow(p->cc.session)->steps[step];
	size_t k, m;
	plain_step_number(p->cc.session, step, &k, &m);
	plain_printf(p, "\n");
	plain_printf(p, _("Step %zu of %zu: %s\n"), k, m, plain_safe(p, flow_tr(st->title)));
	if (st->intro)
		plain_lines(p, "", flow_tr(st->intro));
}

/* Where the user is: a step (or the review) and a field in it. */
struct place {
	size_t step, field;
	bool entered; /* the step was announced */
};

/* Move to the previous question, across steps. False at the very first. */
static bool go_back(struct plain *p, struct place *at)
{
	const struct session *s = p->cc.session;
	const struct flow *flow = session_flow(s);
	size_t step = at->step == STEP_REVIEW ? flow->nsteps : at->step;
	size_t before = at->step == STEP_REVIEW ? 0 : at->field;
	for (;;) {
		if (step < flow->nsteps) {
			size_t f = last_field(s, step, before);
			if (f != SIZE_MAX) {
				at->entered = at->entered && at->step == step;
				at->step = step;
				at->field = f;
				return true;
			}
		}
		size_t prev = session_prev_step(s, step < flow->nsteps ? step : flow->nsteps);
		if (prev == step)
			return false;
		step = prev;
		before = flow->steps[step].nfields;
	}
}

static void enter(struct plain *p, struct place *at)
{
	struct ipw_error err = {0};
	if (session_goto_step(p->cc.session, at->step, &err) != IPW_OK)
		plain_error(p, &err);
	announce(p, at->step);
	at->entered = true;
}

/* Apply an action; false when the walk ends. */
static bool move(struct plain *p, struct place *at, enum plain_action act)
{
	const struct session *s = p->cc.session;
	switch (act) {
	case PLAIN_NEXT:
		at->field++;
		return true;
	case PLAIN_BACK:
		if (!go_back(p, at))
			plain_printf(p, "%s\n", _("This is the first question."));
		return true;
	case PLAIN_NEXT_STEP:
		at->step = next_step(s, at->step);
		at->field = 0;
		at->entered = false;
		return true;
	case PLAIN_GOTO:
		at->step = p->goto_step;
		at->field = 0;
		at->entered = false;
		return true;
	case PLAIN_REVIEW:
		at->step = STEP_REVIEW;
		return true;
	default:
		return false;
	}
}

int plain_wizard(struct plain *p, size_t start)
{
	struct session *s = p->cc.session;
	const struct flow *flow = session_flow(s);
	struct place at = {start, 0, false};
	if (start >= flow->nsteps || !session_step_visible(s, start))
		at.step = start < flow->nsteps ? next_step(s, start) : STEP_REVIEW;
	for (;;) {
		if (p->status)
			return p->status;
		enum plain_action act;
		if (at.step == STEP_REVIEW) {
			act = plain_review(p);
			if (act == PLAIN_BACK && !go_back(p, &at)) {
				plain_printf(p, "%s\n", _("This flow asks no questions."));
				act = PLAIN_QUIT;
			}
			if (act == PLAIN_BACK)
				continue;
		} else {
			if (!session_step_visible(s, at.step)) {
				move(p, &at, PLAIN_NEXT_STEP);
				continue;
			}
			if (!at.entered)
				enter(p, &at);
			at.field = first_field(s, at.step, at.field);
			if (at.field >= flow->steps[at.step].nfields) {
				move(p, &at, PLAIN_NEXT_STEP);
				continue;
			}
			const struct flow_field *f = &flow->steps[at.step].fields[at.field];
			act = plain_field(p, f, f->path, NULL);
		}
		if (act == PLAIN_FAIL)
			return p->status ? p->status : IPW_EENV;
		if (!move(p, &at, act))
			return p->status;
	}
}
