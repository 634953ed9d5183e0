/* session_edit.c — changing answers: validate, compare-and-set in the store,
 * mirror in memory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "session_internal.h"

/* Declarations and signatures bind the seller: only the case's owner may
 * make them, however the database is shared. */
static int check_signer(const struct session *s, const char *path, const char *value,
			struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	bool binding = (f && f->type == FIELD_DECLARATION) || session_signature_of(s, path);
	if (!binding || !value || !*value)
		return IPW_OK;
	const char *me = store_actor(s->store);
	if (s->c.owner && me && strcmp(s->c.owner, me) != 0)
		return ipw_error_set(
		    err, IPW_EUSER,
		    _("Only the case owner (%s) can affirm or sign this statement; "
		      "you are %s."),
		    s->c.owner, me);
	return IPW_OK;
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

/* Affirming (or withdrawing) a declaration records what it covered then. */
static int record_affirmation(struct session *s, const char *path, struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, path);
	if (!f || f->type != FIELD_DECLARATION)
		return IPW_OK;
	char buf[65];
	const char *fp = session_fingerprint_value(s, f, buf);
	char *fp_path = session_fingerprint_path(f);
	const char *old = session_get(s, fp_path);
	int r = IPW_OK;
	if (!(old == NULL && fp == NULL) && !(old && fp && strcmp(old, fp) == 0))
		r = session_put(s, fp_path, fp, false, session_revision(s, fp_path), NULL, err);
	free(fp_path);
	return r;
}

static int session_set_rev(struct session *s, const char *path, const char *value,
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
	long n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 ? (size_t)n : 0;
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

/* Copy every sub-answer of item `from` to item `to` (1-based). */
static int move_item(struct session *s, const struct flow_field *list, size_t from, size_t to,
		     struct ipw_error *err)
{
	for (size_t i = 0; i < list->nitems; i++) {
		char *src = xasprintf("%s.%zu.%s", list->path, from, list->items[i].id);
		char *dst = xasprintf("%s.%zu.%s", list->path, to, list->items[i].id);
		const char *v = session_get(s, src);
		char *val = v ? xstrdup(v) : NULL;
		bool draft = session_is_draft(s, src);
		int r = IPW_OK;
		const char *cur = session_get(s, dst);
		if (!(cur == NULL && val == NULL) && !(cur && val && strcmp(cur, val) == 0))
			r = session_put(s, dst, val, draft, session_revision(s, dst), NULL, err);
		free(val);
		free(src);
		free(dst);
		if (r != IPW_OK)
			return r;
	}
	return IPW_OK;
}

static int clear_item(struct session *s, const struct flow_field *list, size_t idx,
		      struct ipw_error *err)
{
	for (size_t i = 0; i < list->nitems; i++) {
		char *p = xasprintf("%s.%zu.%s", list->path, idx, list->items[i].id);
		int r = IPW_OK;
		if (session_get(s, p))
			r = session_put(s, p, NULL, false, session_revision(s, p), NULL, err);
		free(p);
		if (r != IPW_OK)
			return r;
	}
	return IPW_OK;
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

int session_list_remove(struct session *s, const char *list_path, size_t index,
			struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(s->flow, list_path);
	size_t n = session_list_count(s, list_path);
	if (!f || f->type != FIELD_LIST || index < 1 || index > n)
		return ipw_error_set(err, IPW_EUSAGE, _("There is no item %zu in “%s”."), index,
				     list_path);
	int r = IPW_OK;
	for (size_t i = index; i < n && r == IPW_OK; i++)
		r = move_item(s, f, i + 1, i, err);
	if (r == IPW_OK)
		r = clear_item(s, f, n, err);
	if (r == IPW_OK)
		r = set_count(s, list_path, n - 1, err);
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
	/* Park the moving item past the end, shift the others, bring it back. */
	int r = move_item(s, f, from, n + 1, err);
	int step = from < to ? 1 : -1;
	for (size_t i = from; r == IPW_OK && i != to; i += (size_t)step)
		r = move_item(s, f, i + (size_t)step, i, err);
	if (r == IPW_OK)
		r = move_item(s, f, n + 1, to, err);
	if (r == IPW_OK)
		r = clear_item(s, f, n + 1, err);
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
	s->step = step;
	const char *id = s->flow->steps[step].id;
	if (s->c.current_step && strcmp(s->c.current_step, id) == 0)
		return IPW_OK;
	int r = store_case_set_step(s->store, s->case_id, id, err);
	if (r == IPW_OK)
		xstrset(&s->c.current_step, id);
	return r;
}
