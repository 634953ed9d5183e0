/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_lifecycle.c — the `lifecycle:` section of a flow: who the user is,
 * the platform's chances and what it can answer after a submission. Built,
 * checked against the rest of the flow, looked up and freed here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow_internal.h"

static const char *const statuses[] = {"draft", "submitted", "closed", NULL};

static bool one_of(const char *s, const char *const *v)
{
	for (size_t i = 0; s && v[i]; i++)
		if (strcmp(s, v[i]) == 0)
			return true;
	return false;
}

static void build_outcome(struct flow_builder *b, const struct ynode *n, struct flow_outcome *o)
{
	memset(o, 0, sizeof *o);
	if (!fb_expect_map(b, n, _("an outcome")))
		return;
	static const char *const keys[] = {"id", "label", "text", "status", "uses_chance", NULL};
	fb_check_keys(b, n, keys, _("an outcome"));
	o->pos = (struct flow_pos){n->line, n->column};
	if (!fb_id(b, n, "id", true, &o->id))
		return;
	fb_str(b, n, "label", true, &o->label);
	fb_str(b, n, "text", true, &o->text);
	fb_str(b, n, "status", true, &o->status);
	fb_bool(b, n, "uses_chance", &o->uses_chance);
	if (o->status && !one_of(o->status, statuses))
		fb_error(b, ytree_get(n, "status"),
			 _("“status” must be draft, submitted or closed, not “%s”"), o->status);
}

void flow_build_lifecycle(struct flow_builder *b, const struct ynode *n, struct flow_lifecycle *l)
{
	memset(l, 0, sizeof *l);
	if (!n || !fb_expect_map(b, n, _("the lifecycle")))
		return;
	static const char *const keys[] = {"role",	     "chance_field", "chance_deadlines",
					   "no_chance_left", "outcomes",     NULL};
	fb_check_keys(b, n, keys, _("the lifecycle"));
	l->present = true;
	l->pos = (struct flow_pos){n->line, n->column};
	static const char *const roles[] = {"seller", "rights_holder", NULL};
	if (fb_str(b, n, "role", true, &l->role) && l->role && !one_of(l->role, roles))
		fb_error(b, ytree_get(n, "role"),
			 _("“role” must be seller or rights_holder, not “%s”"), l->role);
	fb_str(b, n, "chance_field", false, &l->chance_field);
	fb_str_list(b, n, "chance_deadlines", &l->chance_deadlines, &l->nchance_deadlines);
	fb_str(b, n, "no_chance_left", l->chance_field != NULL, &l->no_chance_left);
	const struct ynode *v = ytree_get(n, "outcomes");
	if (!v || v->kind != YNODE_SEQ || v->n == 0) {
		fb_error(b, v ? v : n, _("“outcomes” must list what the platform can answer"));
		return;
	}
	l->outcomes = xcalloc(v->n, sizeof *l->outcomes);
	for (size_t i = 0; i < v->n; i++) {
		build_outcome(b, &v->items[i], &l->outcomes[l->noutcomes]);
		if (l->outcomes[l->noutcomes].id)
			l->noutcomes++;
	}
}

#define lc_error(b, p, ...)                                                                        \
	ipw_diags_add((b)->diags, IPW_SEV_ERROR, (b)->file, (p)->line, (p)->column, __VA_ARGS__)

void flow_check_lifecycle(struct flow_builder *b, const struct flow *f)
{
	const struct flow_lifecycle *l = &f->lifecycle;
	if (!l->present)
		return;
	bool chance_outcome = false;
	for (size_t i = 0; i < l->noutcomes; i++) {
		for (size_t k = 0; k < i; k++)
			if (strcmp(l->outcomes[i].id, l->outcomes[k].id) == 0)
				lc_error(b, &l->outcomes[i].pos, _("outcome “%s” is listed twice"),
					 l->outcomes[i].id);
		chance_outcome |= l->outcomes[i].uses_chance;
	}
	if (!l->chance_field) {
		if (chance_outcome || l->nchance_deadlines)
			lc_error(b, &l->pos, "%s",
				 _("“uses_chance” and “chance_deadlines” need a “chance_field”"));
		return;
	}
	const struct flow_field *cf = flow_find_field(f, l->chance_field);
	if (!cf || cf->type != FIELD_CHOICE) {
		lc_error(b, &l->pos, _("“chance_field: %s” must name a choice field"),
			 l->chance_field);
		return;
	}
	if (!chance_outcome)
		lc_error(b, &l->pos, "%s",
			 _("with a “chance_field”, one outcome must have “uses_chance: true”"));
	if (l->nchance_deadlines && l->nchance_deadlines != cf->nchoices)
		lc_error(b, &l->pos, _("“chance_deadlines” needs one deadline per choice of “%s”"),
			 l->chance_field);
	for (size_t i = 0; i < l->nchance_deadlines; i++)
		if (!flow_find_deadline(f, l->chance_deadlines[i]))
			lc_error(b, &l->pos,
				 _("“chance_deadlines” names “%s”, which is not a deadline"),
				 l->chance_deadlines[i]);
}

void flow_lifecycle_clear(struct flow_lifecycle *l)
{
	free(l->role);
	free(l->chance_field);
	for (size_t i = 0; i < l->nchance_deadlines; i++)
		free(l->chance_deadlines[i]);
	free(l->chance_deadlines);
	free(l->no_chance_left);
	for (size_t i = 0; i < l->noutcomes; i++) {
		free(l->outcomes[i].id);
		free(l->outcomes[i].label);
		free(l->outcomes[i].text);
		free(l->outcomes[i].status);
	}
	free(l->outcomes);
	memset(l, 0, sizeof *l);
}

const struct flow_outcome *flow_find_outcome(const struct flow *f, const char *id)
{
	for (size_t i = 0; id && i < f->lifecycle.noutcomes; i++)
		if (strcmp(f->lifecycle.outcomes[i].id, id) == 0)
			return &f->lifecycle.outcomes[i];
	return NULL;
}

size_t flow_chances(const struct flow *f)
{
	const struct flow_field *cf =
	    f->lifecycle.chance_field ? flow_find_field(f, f->lifecycle.chance_field) : NULL;
	return cf && cf->type == FIELD_CHOICE ? cf->nchoices : 0;
}

const struct flow_deadline *flow_find_deadline(const struct flow *f, const char *id)
{
	for (size_t i = 0; id && i < f->ndeadlines; i++)
		if (strcmp(f->deadlines[i].id, id) == 0)
			return &f->deadlines[i];
	return NULL;
}
