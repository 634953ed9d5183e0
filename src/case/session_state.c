/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_state.c — what the flow asks now: visible steps and fields, what is
 * required, what is missing or invalid. Pure reads of the session. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "session_internal.h"

bool session_step_visible(const struct session *s, size_t step)
{
	if (step >= s->flow->nsteps)
		return false;
	const struct flow_step *st = &s->flow->steps[step];
	return !st->when || expr_true(st->when, &s->env);
}

size_t step_number_among(const bool *shown, size_t nsteps, size_t step, size_t *total)
{
	size_t nth = 0, n = 0;
	for (size_t i = 0; i < nsteps; i++)
		if (shown[i]) {
			n++;
			if (i <= step)
				nth = n;
		}
	if (total)
		*total = n;
	return nth;
}

size_t session_step_number(const struct session *s, size_t step, size_t *total)
{
	size_t n = s->flow->nsteps;
	bool *shown = xcalloc(n ? n : 1, sizeof(*shown));
	for (size_t i = 0; i < n; i++)
		shown[i] = session_step_visible(s, i);
	size_t nth = step_number_among(shown, n, step, total);
	free(shown);
	return nth;
}

/* "products.2.url" → "products" (the top-level field id). */
static char *top_of(const char *path)
{
	const char *dot = strchr(path, '.');
	return dot ? xstrndup(path, (size_t)(dot - path)) : xstrdup(path);
}

/* Whether field f, found at path, is shown within its step: its list (for
 * an item's sub-field) and its own condition. */
static bool shown_in_step(const struct session *s, const struct flow_field *f, const char *path)
{
	if (strchr(path, '.')) { /* an item's sub-field: its list must be visible too */
		char *top = top_of(path);
		const struct flow_field *lf = flow_find_field(s->flow, top);
		bool vis = !lf || lf == f || !lf->when || expr_true(lf->when, &s->env);
		free(top);
		if (!vis)
			return false;
	}
	return !f->when || expr_true(f->when, &s->env);
}

static bool step_shown(const struct session *s, const struct flow_field *f)
{
	const struct flow_step *st = flow_field_step(s->flow, f);
	return !st || session_step_visible(s, (size_t)(st - s->flow->steps));
}

/* Whether field f, found at path, is shown: its step, then the rest. */
static bool field_visible(const struct session *s, const struct flow_field *f, const char *path)
{
	return step_shown(s, f) && shown_in_step(s, f, path);
}

bool session_field_visible(const struct session *s, const char *path)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	if (!f)
		f = session_signature_of(s, path);
	return f && field_visible(s, f, path);
}

const char *session_path_label(const struct session *s, const char *path)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	if (f)
		return flow_tr(f->label);
	if (session_signature_of(s, path))
		return _("your full name, typed as signature");
	return path;
}

/* Whether field f, found at path (not a signature), must be answered once
 * its step is shown. */
static bool required_in_step(const struct session *s, const struct flow_field *f, const char *path)
{
	if (!f->required || f->type == FIELD_INFO)
		return false;
	return shown_in_step(s, f, path) && expr_true(f->required, &s->env);
}

static bool field_required(const struct session *s, const struct flow_field *f, const char *path)
{
	return step_shown(s, f) && required_in_step(s, f, path);
}

bool session_field_required(const struct session *s, const char *path)
{
	const struct flow_field *sig = session_signature_of(s, path);
	if (sig)
		return sig->required && expr_true(sig->required, &s->env) &&
		       field_visible(s, sig, path);
	const struct flow_field *f = flow_find_field(s->flow, path);
	return f && field_required(s, f, path);
}

const struct evidence_row *session_evidence(const struct session *s, size_t *n)
{
	*n = s->nevidence;
	return s->evidence;
}

/* Files attached to an evidence field whose verdict lets them be uploaded. */
size_t session_evidence_usable(const struct session *s, const char *field)
{
	size_t k = 0;
	for (size_t i = 0; i < s->nevidence; i++)
		if (strcmp(s->evidence[i].field, field) == 0 &&
		    evidence_verdict_usable(s->evidence[i].verdict))
			k++;
	return k;
}

static void add_issue(struct session_issue **v, size_t *n, size_t step, const char *path,
		      const char *msg)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].step = step;
	(*v)[*n].path = xstrdup(path);
	(*v)[*n].message = xstrdup(msg);
	(*n)++;
}

/* One answer: missing when required, invalid when its value fails. */
static void check_value(const struct session *s, size_t step, const char *path,
			struct session_issue **v, size_t *n)
{
	const char *val = session_get(s, path);
	if (!val) {
		if (session_field_required(s, path))
			add_issue(v, n, step, path, _("This answer is required."));
		return;
	}
	struct ipw_error err = {0};
	if (session_draft_why(s, path, &err) || session_validate(s, path, val, &err) != IPW_OK)
		add_issue(v, n, step, path, err.msg);
}

static void check_list(const struct session *s, size_t step, const struct flow_field *f,
		       struct session_issue **v, size_t *n)
{
	size_t count = session_list_count(s, f->path);
	if (session_field_required(s, f->path) && count == 0)
		add_issue(v, n, step, f->path, _("Add at least one item."));
	else if (count && f->min_items && count < f->min_items) {
		char *m = xasprintf(_("Add at least %u items."), f->min_items);
		add_issue(v, n, step, f->path, m);
		free(m);
	}
	for (size_t i = 1; i <= count; i++)
		for (size_t j = 0; j < f->nitems; j++) {
			char *p = xasprintf("%s.%zu.%s", f->path, i, f->items[j].id);
			if (session_field_visible(s, p))
				check_value(s, step, p, v, n);
			free(p);
		}
}

static void check_evidence(const struct session *s, size_t step, const struct flow_field *f,
			   struct session_issue **v, size_t *n)
{
	size_t ok = session_evidence_usable(s, f->path);
	unsigned min = f->evidence.min_files;
	if (session_field_required(s, f->path) && ok < min)
		add_issue(v, n, step, f->path,
			  ok ? _("Attach more files: too few were accepted.")
			     : _("Attach a file that passes the check."));
	for (size_t i = 0; i < s->nevidence; i++)
		if (strcmp(s->evidence[i].field, f->path) == 0 &&
		    s->evidence[i].verdict == EVIDENCE_REJECT)
			add_issue(v, n, step, f->path, s->evidence[i].message);
}

size_t session_package_usable(const struct session *s, const struct flow_package *p,
			      const struct flow_field **last)
{
	size_t total = 0;
	if (last)
		*last = NULL;
	for (size_t i = 0; i < s->flow->nsteps; i++)
		for (size_t j = 0; j < s->flow->steps[i].nfields; j++) {
			const struct flow_field *g = &s->flow->steps[i].fields[j];
			if (g->type != FIELD_EVIDENCE || flow_field_package(s->flow, g) != p ||
			    !field_visible(s, g, g->path))
				continue;
			size_t k = session_evidence_usable(s, g->path);
			total += k;
			if (k && last)
				*last = g;
		}
	return total;
}

char *session_package_excess(const struct session *s, const struct flow_package *p)
{
	size_t total = p && p->max_files ? session_package_usable(s, p, NULL) : 0;
	if (total <= (p ? p->max_files : 0))
		return NULL;
	/* Always more than one file: the count needs no plural form. */
	return xasprintf(_("“%s” holds %zu files, but the platform takes at most %u there: "
			   "keep the clearest and remove the others."),
			 flow_tr(p->label), total, p->max_files);
}

/* A package the platform takes at most max_files in (an IPP complaint's 4
 * attachments): said once, at the last field of the package that has
 * files, so that the user sees it where the surplus was added. */
static void check_package(const struct session *s, size_t step, const struct flow_field *f,
			  struct session_issue **v, size_t *n)
{
	const struct flow_package *p = flow_field_package(s->flow, f);
	const struct flow_field *last;
	if (!p || !p->max_files || (session_package_usable(s, p, &last), last != f))
		return;
	char *m = session_package_excess(s, p);
	if (m)
		add_issue(v, n, step, f->path, m);
	free(m);
}

/* The chosen choice of a choice field when it is a stop, or NULL. */
static const struct flow_choice *field_stop(const struct session *s, const struct flow_field *f)
{
	const char *val = f->type == FIELD_CHOICE ? session_get(s, f->path) : NULL;
	for (size_t i = 0; val && i < f->nchoices; i++)
		if (f->choices[i].stop && strcmp(f->choices[i].value, val) == 0)
			return &f->choices[i];
	return NULL;
}

/* The seal of an affirmation (session_seal.c): missing, not its owner's,
 * or changed outside ipwiz, it is no affirmation. Another member's seal is
 * theirs to check: no issue here, the notes say so. */
static void check_seal(const struct session *s, size_t step, const struct flow_field *f,
		       struct session_issue **v, size_t *n)
{
	char *who = NULL, *msg = NULL, *key = NULL;
	switch (session_affirmation(s, f->path, &who)) {
	case AFFIRMATION_UNSEALED:
		msg = xstrdup(_("This statement has no seal of its affirmation (made by an earlier "
				"ipwiz, or removed); read it again and affirm it."));
		break;
	case AFFIRMATION_CHANGED:
		msg = xasprintf(_("Changed after %s affirmed it, outside ipwiz; read it again and "
				  "affirm it."),
				who);
		break;
	case AFFIRMATION_WRONG_SIGNER:
		msg =
		    xasprintf(_("Affirmed by %s, who is not the case's owner (%s); the owner must "
				"read it again and affirm it."),
			      who, s->c.owner ? s->c.owner : "?");
		break;
	case AFFIRMATION_NO_KEY:
		key = session_seal_key_path();
		msg = xasprintf(_("Your affirmation key %s is missing or unusable, so this "
				  "affirmation cannot be checked; read the statement again and "
				  "affirm it."),
				key ? key : "?");
		break;
	case AFFIRMATION_NONE:
	case AFFIRMATION_SIGNED:
	case AFFIRMATION_STALE: /* said above */
	case AFFIRMATION_NOT_YOURS:
		break;
	}
	if (msg)
		add_issue(v, n, step, f->path, msg);
	free(msg);
	free(key);
	free(who);
}

static void check_field(const struct session *s, size_t step, const struct flow_field *f,
			struct session_issue **v, size_t *n)
{
	if (!session_field_visible(s, f->path))
		return;
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_INFO:
		return;
	case FIELD_SHAPE_LIST:
		check_list(s, step, f, v, n);
		return;
	case FIELD_SHAPE_EVIDENCE:
		check_evidence(s, step, f, v, n);
		check_package(s, step, f, v, n);
		return;
	case FIELD_SHAPE_DECLARATION:
		check_value(s, step, f->path, v, n);
		if (session_affirmation_stale(s, f->path))
			add_issue(v, n, step, f->path,
				  _("Answers this statement covers changed after it was affirmed; "
				    "read it again and affirm it."));
		check_seal(s, step, f, v, n);
		if (f->signature) {
			char *p = xasprintf("%s.name", f->path);
			check_value(s, step, p, v, n);
			free(p);
		}
		return;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_TEXTAREA:
	case FIELD_SHAPE_CHOICE:
	case FIELD_SHAPE_MULTICHOICE:
	case FIELD_SHAPE_YESNO:
		check_value(s, step, f->path, v, n);
		const struct flow_choice *c = field_stop(s, f);
		if (c)
			add_issue(v, n, step, f->path, flow_tr(c->stop));
	}
}

const char *session_stop(const struct session *s, const char **path)
{
	for (size_t i = 0; i < s->flow->nindex; i++) {
		const struct flow_field *f = s->flow->index[i];
		const struct flow_choice *c =
		    f->type == FIELD_CHOICE && session_field_visible(s, f->path) ? field_stop(s, f)
										 : NULL;
		if (c) {
			if (path)
				*path = f->path;
			return flow_tr(c->stop);
		}
	}
	return NULL;
}

static size_t check_step(const struct session *s, size_t step, struct session_issue **v, size_t *n)
{
	size_t before = *n;
	const struct flow_step *st = &s->flow->steps[step];
	for (size_t i = 0; i < st->nfields; i++)
		check_field(s, step, &st->fields[i], v, n);
	return *n - before;
}

size_t session_check(const struct session *s, struct session_issue **out)
{
	struct session_issue *v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < s->flow->nsteps; i++)
		if (session_step_visible(s, i))
			check_step(s, i, &v, &n);
	*out = v;
	return n;
}

void session_issues_free(struct session_issue *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].message);
	}
	free(v);
}

static bool step_has_answers(const struct session *s, size_t step)
{
	const struct flow_step *st = &s->flow->steps[step];
	for (size_t i = 0; i < st->nfields; i++) {
		const struct flow_field *f = &st->fields[i];
		if (f->type == FIELD_EVIDENCE) {
			for (size_t k = 0; k < s->nevidence; k++)
				if (strcmp(s->evidence[k].field, f->path) == 0)
					return true;
		} else if (session_get(s, f->path)) {
			return true;
		}
	}
	return false;
}

enum step_state session_step_state(const struct session *s, size_t step)
{
	if (step >= s->flow->nsteps)
		return STEP_NOT_STARTED;
	struct session_issue *v = NULL;
	size_t n = 0;
	check_step(s, step, &v, &n);
	session_issues_free(v, n);
	bool answered = step_has_answers(s, step);
	if (n == 0)
		return answered || step < s->step ? STEP_DONE : STEP_NOT_STARTED;
	return answered ? STEP_ATTENTION : STEP_NOT_STARTED;
}

static bool field_answered(const struct session *s, const struct flow_field *f)
{
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_LIST:
		return session_list_count(s, f->path) > 0;
	case FIELD_SHAPE_EVIDENCE:
		return session_evidence_usable(s, f->path) > 0;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_TEXTAREA:
	case FIELD_SHAPE_CHOICE:
	case FIELD_SHAPE_MULTICHOICE:
	case FIELD_SHAPE_YESNO:
	case FIELD_SHAPE_DECLARATION:
	case FIELD_SHAPE_INFO:
		break;
	}
	return session_get(s, f->path) && !session_is_draft(s, f->path);
}

void session_progress(const struct session *s, size_t *answered, size_t *required)
{
	*answered = *required = 0;
	for (size_t i = 0; i < s->flow->nsteps; i++) {
		if (!session_step_visible(s, i))
			continue;
		const struct flow_step *st = &s->flow->steps[i];
		for (size_t j = 0; j < st->nfields; j++) {
			const struct flow_field *f = &st->fields[j];
			if (!required_in_step(s, f, f->path)) /* the step is shown */
				continue;
			(*required)++;
			if (field_answered(s, f))
				(*answered)++;
		}
	}
}

size_t session_next_step(const struct session *s, size_t from)
{
	for (size_t i = from + 1; i < s->flow->nsteps; i++)
		if (session_step_visible(s, i))
			return i;
	return from;
}

size_t session_prev_step(const struct session *s, size_t from)
{
	for (size_t i = from; i-- > 0;)
		if (session_step_visible(s, i))
			return i;
	return from;
}
