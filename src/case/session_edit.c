/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_edit.c — changing answers: validate, compare-and-set in the store,
 * mirror in memory. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "session_internal.h"

int session_owner_only(const struct session *s, const char *path, struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	bool decl = f && f->type == FIELD_DECLARATION;
	if (!decl && !session_signature_of(s, path))
		return IPW_OK;
	const char *me = store_actor(s->store);
	if (!s->c.owner || !me || strcmp(s->c.owner, me) == 0)
		return IPW_OK;
	if (decl)
		return ipw_error_set(err, IPW_EUSER,
				     _("Only the case's owner (%s) can affirm or withdraw this "
				       "statement."),
				     s->c.owner);
	return ipw_error_set(err, IPW_EUSER,
			     _("Only the case owner (%s) can affirm or sign this statement; "
			       "you are %s."),
			     s->c.owner, me);
}

/* Declarations and signatures bind the seller: only the case's owner may
 * make them or take them back, however the database is shared: anybody
 * else is refused affirming, sealing again and withdrawing alike. */
static int check_signer(const struct session *s, const char *path, const char *value,
			struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	bool binding = (f && f->type == FIELD_DECLARATION) || session_signature_of(s, path);
	if (!binding)
		return IPW_OK;
	bool affirms = value && *value;
	if (!affirms && !session_get(s, path))
		return IPW_OK; /* nothing to withdraw: nothing changes */
	int r = session_owner_only(s, path, err);
	if (r != IPW_OK || !affirms)
		return r;
	/* The seal needs the owner's key: made (or found unusable) before
	 * anything is written, so an affirmation is never left unsealed. */
	return session_seal_key_ready(err);
}

static int session_put(struct session *s, const char *path, const char *value, bool draft,
		       int64_t expected, struct answer_conflict *conflict, struct ipw_error *err)
{
	int64_t rev = 0;
	struct answer_conflict tmp = {0};
	int r = store_answer_put(s->store, s->case_id, path, value, draft, expected, &rev,
				 conflict ? conflict : &tmp, err);
	if (r == IPW_ECONFLICT && !conflict)
		answer_conflict_clear(&tmp);
	if (r != IPW_OK)
		return r;
	answers_put(&s->answers, path, value, rev, (int64_t)time(NULL), draft);
	return IPW_OK;
}

/* An answer of the declaration's own (its value, or its typed signature)
 * changed: keep value (a fingerprint, a seal) at path when it differs. */
static int put_if_changed(struct session *s, const char *path, const char *value,
			  struct ipw_error *err)
{
	const char *old = session_get(s, path);
	if ((old == NULL && value == NULL) || (old && value && strcmp(old, value) == 0))
		return IPW_OK;
	return session_put(s, path, value, false, session_revision(s, path), NULL, err);
}

/* Affirming (or withdrawing) a declaration records what it covered then;
 * affirming it or changing its signature seals it anew (session_seal.c). */
static int record_affirmation(struct session *s, const char *path, struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	bool decl = f && f->type == FIELD_DECLARATION;
	if (!decl && !(f = session_signature_of(s, path)))
		return IPW_OK;
	int r = IPW_OK;
	if (decl) {
		char buf[65];
		char *fp_path = session_fingerprint_path(f);
		r = put_if_changed(s, fp_path, session_fingerprint_value(s, f, buf), err);
		free(fp_path);
	}
	char *seal = NULL;
	if (r == IPW_OK)
		r = session_seal_value(s, f, &seal, err);
	if (r == IPW_OK) {
		char *seal_path = session_seal_path(f);
		r = put_if_changed(s, seal_path, seal, err);
		free(seal_path);
	}
	free(seal);
	return r;
}

static int set_rev_as_is(struct session *s, const char *path, const char *value,
			 enum session_set_mode mode, int64_t expected,
			 struct answer_conflict *conflict, struct ipw_error *err)
{
	if (value && !*value)
		value = NULL;
	int r = check_signer(s, path, value, err);
	if (r != IPW_OK)
		return r;
	struct ipw_error verr = {0};
	int v = session_validate(s, path, value, &verr);
	if (v == IPW_EUSAGE) {
		if (err)
			*err = verr;
		return v;
	}
	if (v != IPW_OK && mode == SESSION_STRICT) {
		if (err)
			*err = verr;
		return v;
	}
	const char *old = session_get(s, path);
	if ((old == NULL && value == NULL) ||
	    (old && value && strcmp(old, value) == 0 && session_is_draft(s, path) == (v != IPW_OK)))
		r = IPW_OK; /* nothing changed: no write, no audit row */
	else
		r = session_put(s, path, value, v != IPW_OK, expected, conflict, err);
	if (r == IPW_OK)
		r = record_affirmation(s, path, err);
	if (r != IPW_OK)
		return r;
	if (v != IPW_OK && err)
		*err = verr;
	return v;
}

/* A value is kept as the flow reads it: a number typed in full-width
 * digits, or with spaces around it, is stored (and exported) as its ASCII
 * digits; anything that does not validate is kept as typed, as a draft. */
static int session_set_rev(struct session *s, const char *path, const char *value,
			   enum session_set_mode mode, int64_t expected,
			   struct answer_conflict *conflict, struct ipw_error *err)
{
	char *norm = session_signature_of(s, path)
			 ? NULL
			 : validate_normalize(flow_find_field(s->flow, path), value);
	int r = set_rev_as_is(s, path, norm ? norm : value, mode, expected, conflict, err);
	free(norm);
	return r;
}

int session_keep_draft(struct session *s, const char *path, const char *value,
		       struct ipw_error *err)
{
	if (!value || !*value ||
	    (session_is_draft(s, path) && strcmp(session_get(s, path), value) == 0))
		return IPW_OK; /* nothing typed, or kept already */
	int r = check_signer(s, path, value, err);
	if (r != IPW_OK)
		return r;
	/* Over the revision stored now, whoever wrote it: theirs stays in the
	 * history, and a draft is no answer, so nothing is decided for them. */
	struct answer_conflict c = {0};
	r = session_put(s, path, value, true, session_revision(s, path), &c, err);
	if (r == IPW_ECONFLICT) {
		int64_t rev = c.revision;
		answer_conflict_clear(&c);
		r = session_put(s, path, value, true, rev, NULL, err);
	}
	return r == IPW_OK ? record_affirmation(s, path, err) : r;
}

static int grow_list_for(struct session *s, const char *path, struct ipw_error *err);

int session_set(struct session *s, const char *path, const char *value, enum session_set_mode mode,
		struct answer_conflict *conflict, struct ipw_error *err)
{
	int r = grow_list_for(s, path, err);
	if (r != IPW_OK)
		return r;
	return session_set_rev(s, path, value, mode, session_revision(s, path), conflict, err);
}

int session_set_force(struct session *s, const char *path, const char *value,
		      enum session_set_mode mode, struct ipw_error *err)
{
	/* Read the other session's revision and write over it: the user saw
	 * both values and chose theirs. */
	struct answer_conflict c = {0};
	int r = session_set_rev(s, path, value, mode, session_revision(s, path), &c, err);
	if (r == IPW_ECONFLICT) {
		int64_t rev = c.revision;
		answer_conflict_clear(&c);
		r = session_set_rev(s, path, value, mode, rev, NULL, err);
	}
	return r;
}

/* ---- lists: the list's own path holds its item count ---- */

/* "12.url" → true: a 1-based item number followed by a sub-field. */
static bool value_is_index(const char *s)
{
	if (*s < '1' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '.';
}

size_t session_list_count(const struct session *s, const char *list_path)
{
	const char *v = session_get(s, list_path);
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*end != '\0' || n <= 0 || errno == ERANGE)
		return 0;
	/* The count comes from the database, which a team member can edit:
	 * never more items than the flow allows, or a count of 1e8 would make
	 * every reader walk a hundred million empty items. */
	const struct flow_field *f = flow_find_field(s->flow, list_path);
	unsigned limit = f && f->type == FIELD_LIST ? session_list_limit(f) : SESSION_LIST_LIMIT;
	return (unsigned long)n > limit ? limit : (size_t)n;
}

static int set_count(struct session *s, const char *list_path, size_t n, struct ipw_error *err)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", n);
	return session_put(s, list_path, n ? buf : NULL, false, session_revision(s, list_path),
			   NULL, err);
}

unsigned session_list_limit(const struct flow_field *list)
{
	return list->max_items ? list->max_items : SESSION_LIST_LIMIT;
}

int session_list_add(struct session *s, const char *list_path, size_t *index_out,
		     struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, list_path);
	if (!f || f->type != FIELD_LIST)
		return ipw_error_set(err, IPW_EUSAGE, _("“%s” is not a list."), list_path);
	size_t n = session_list_count(s, list_path);
	if (n >= session_list_limit(f))
		return ipw_error_set(err, IPW_EUSER, _("This list takes at most %u items."),
				     session_list_limit(f));
	int r = set_count(s, list_path, n + 1, err);
	if (r == IPW_OK && index_out)
		*index_out = n + 1;
	return r;
}

/* Setting "products.3.url" when the list has fewer items makes room first,
 * so answers can be given item by item from the command line. */
static int grow_list_for(struct session *s, const char *path, struct ipw_error *err)
{
	const char *dot = strchr(path, '.');
	if (!dot || !value_is_index(dot + 1))
		return IPW_OK;
	char *list = xstrndup(path, (size_t)(dot - path));
	const struct flow_field *f = flow_find_field(s->flow, list);
	size_t want = (size_t)strtoul(dot + 1, NULL, 10);
	int r = IPW_OK;
	if (f && f->type == FIELD_LIST && want > session_list_count(s, list)) {
		if (want > session_list_limit(f))
			r = ipw_error_set(err, IPW_EUSER, _("This list takes at most %u items."),
					  session_list_limit(f));
		else
			r = set_count(s, list, want, err);
	}
	free(list);
	return r;
}

/* A list edit is planned in memory — every sub-answer of every item at its
 * new place — and written as one transaction: a conflict with another
 * person or an I/O error half-way leaves the list as it was, never with
 * answers swapped between items or an item in an unseen slot. */
struct list_plan {
	struct answer_write *w; /* path and value owned by the plan */
	size_t n, cap;
};

static void plan_set(struct list_plan *p, const struct session *s, char *path, const char *value,
		     bool draft)
{
	const char *cur = session_get(s, path);
	draft = draft && value;
	if ((!cur && !value) ||
	    (cur && value && strcmp(cur, value) == 0 && session_is_draft(s, path) == draft)) {
		free(path);
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->w = xreallocarray(p->w, p->cap, sizeof(*p->w));
	}
	p->w[p->n++] = (struct answer_write){
	    .path = path,
	    .value = value ? xstrdup(value) : NULL,
	    .draft = draft,
	    .expected = session_revision(s, path),
	};
}

static void plan_free(struct list_plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free((char *)p->w[i].path);
		free((char *)p->w[i].value);
	}
	free(p->w);
}

static int plan_commit(struct session *s, struct list_plan *p, struct ipw_error *err)
{
	int64_t *revs = xcalloc(p->n ? p->n : 1, sizeof(*revs));
	int r = store_answers_put_all(s->store, s->case_id, p->w, p->n, revs, NULL, err);
	for (size_t i = 0; r == IPW_OK && i < p->n; i++)
		answers_put(&s->answers, p->w[i].path, p->w[i].value, revs[i], (int64_t)time(NULL),
			    p->w[i].draft);
	free(revs);
	plan_free(p);
	return r;
}

/* Lay the list out anew: position t (1-based) gets what item order[t - 1]
 * holds now (0: nothing), for t up to `slots`; the count becomes `count`. */
static int relayout(struct session *s, const struct flow_field *list, const size_t *order,
		    size_t slots, size_t count, struct ipw_error *err)
{
	size_t nsub = list->nitems;
	/* Copies of today's answers first: the plan reads them while it
	 * decides what each slot must hold. */
	char **val = xcalloc(slots * nsub + 1, sizeof(*val));
	bool *draft = xcalloc(slots * nsub + 1, sizeof(*draft));
	for (size_t i = 0; i < slots; i++)
		for (size_t k = 0; k < nsub; k++) {
			char *p = xasprintf("%s.%zu.%s", list->path, i + 1, list->items[k].id);
			const char *v = session_get(s, p);
			val[i * nsub + k] = v ? xstrdup(v) : NULL;
			draft[i * nsub + k] = session_is_draft(s, p);
			free(p);
		}
	struct list_plan plan = {0};
	for (size_t t = 0; t < slots; t++)
		for (size_t k = 0; k < nsub; k++) {
			size_t from = order[t];
			const char *v = from ? val[(from - 1) * nsub + k] : NULL;
			bool d = from ? draft[(from - 1) * nsub + k] : false;
			plan_set(&plan, s,
				 xasprintf("%s.%zu.%s", list->path, t + 1, list->items[k].id), v,
				 d);
		}
	char buf[32];
	snprintf(buf, sizeof(buf), "%zu", count);
	plan_set(&plan, s, xstrdup(list->path), count ? buf : NULL, false);
	for (size_t i = 0; i < slots * nsub; i++)
		free(val[i]);
	free(val);
	free(draft);
	return plan_commit(s, &plan, err);
}

int session_list_remove(struct session *s, const char *list_path, size_t index,
			struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, list_path);
	size_t n = session_list_count(s, list_path);
	if (!f || f->type != FIELD_LIST || index < 1 || index > n)
		return ipw_error_set(err, IPW_EUSAGE, _("There is no item %zu in “%s”."), index,
				     list_path);
	size_t *order = xcalloc(n, sizeof(*order));
	for (size_t t = 1, from = 1; t < n; t++, from++) {
		if (from == index)
			from++;
		order[t - 1] = from;
	}
	int r = relayout(s, f, order, n, n - 1, err); /* order[n - 1] = 0: the last slot empties */
	free(order);
	return r;
}

int session_list_move(struct session *s, const char *list_path, size_t from, size_t to,
		      struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, list_path);
	size_t n = session_list_count(s, list_path);
	if (!f || f->type != FIELD_LIST || from < 1 || from > n || to < 1 || to > n)
		return ipw_error_set(err, IPW_EUSAGE, _("There is no item %zu in “%s”."),
				     from > n ? from : to, list_path);
	if (from == to)
		return IPW_OK;
	size_t *order = xcalloc(n, sizeof(*order));
	for (size_t t = 1; t <= n; t++) {
		size_t src = t;
		if (t == to)
			src = from;
		else if (from < to && t >= from && t < to)
			src = t + 1;
		else if (from > to && t > to && t <= from)
			src = t - 1;
		order[t - 1] = src;
	}
	int r = relayout(s, f, order, n, n, err);
	free(order);
	return r;
}

/* ---- where the user is ---- */

size_t session_current_step(const struct session *s)
{
	return s->step;
}

int session_goto_step(struct session *s, size_t step, struct ipw_error *err)
{
	if (step >= s->flow->nsteps)
		return ipw_error_set(err, IPW_EUSAGE, _("There is no step %zu."), step + 1);
	bool moved = s->step != step || !s->step_saved;
	s->step = step;
	if (!moved)
		return IPW_OK;
	int r = store_case_set_step(s->store, s->case_id, s->flow->steps[step].id, err);
	s->step_saved = r == IPW_OK;
	return r;
}
