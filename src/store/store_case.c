/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_case.c — cases: create, read, list, change, delete, duplicate. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

#define CASE_COLUMNS                                                                               \
	"id, flow_id, flow_hash, title, status, current_step, owner, lang, created, updated"

static void read_case(sqlite3_stmt *s, struct case_row *c)
{
	c->id = sqlite3_column_int64(s, 0);
	c->flow_id = store_column_text(s, 1);
	c->flow_hash = store_column_text(s, 2);
	c->title = store_column_text(s, 3);
	c->status = store_column_text(s, 4);
	c->current_step = store_column_text(s, 5);
	c->owner = store_column_text(s, 6);
	c->lang = store_column_text(s, 7);
	c->created = sqlite3_column_int64(s, 8);
	c->updated = sqlite3_column_int64(s, 9);
}

int store_case_create(struct store *st, const char *flow_id, const char *flow_hash,
		      const char *title, const char *lang, int64_t *id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	r = store_prepare(st,
			  "INSERT INTO cases (flow_id, flow_hash, title, status, owner, lang, "
			  "created, updated) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?)",
			  &s, err);
	if (r != IPW_OK)
		return store_end(st, r, err);
	int64_t now = store_now(), new_id = 0;
	store_bind_text(s, 1, flow_id);
	store_bind_text(s, 2, flow_hash ? flow_hash : "");
	store_bind_text(s, 3, title ? title : "");
	store_bind_text(s, 4, st->actor);
	store_bind_text(s, 5, lang);
	sqlite3_bind_int64(s, 6, now);
	sqlite3_bind_int64(s, 7, now);
	if ((r = store_step_done(st, s, err)) == IPW_OK) {
		new_id = sqlite3_last_insert_rowid(st->db);
		r = store_audit_write(st, new_id, "case created", NULL, flow_id, err);
	}
	store_release(st, s);
	if ((r = store_end(st, r, err)) == IPW_OK && id)
		*id = new_id;
	return r;
}

int store_case_get(struct store *st, int64_t id, struct case_row *out, struct ipw_error *err)
{
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, "SELECT " CASE_COLUMNS " FROM cases WHERE id = ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_case(s, out);
	else if (rc == SQLITE_DONE)
		r = ipw_error_set(err, IPW_EUSAGE,
				  _("There is no case #%lld; `ipwiz list` shows them."),
				  (long long)id);
	else
		r = store_fail(st, rc, err);
	store_release(st, s);
	return r;
}

static void read_case_item(sqlite3_stmt *s, void *item)
{
	read_case(s, item);
}

static void drop_cases(void *v, size_t n)
{
	case_rows_free(v, n);
}

static const struct store_rowset case_rows = {sizeof(struct case_row), read_case_item, drop_cases};

int store_case_page(struct store *st, int64_t after_id, size_t limit, struct case_row **v,
		    size_t *n, struct ipw_error *err)
{
	*v = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	void *items;
	int r = store_prepare(
	    st, "SELECT " CASE_COLUMNS " FROM cases WHERE id > ? ORDER BY id LIMIT ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, after_id);
	sqlite3_bind_int64(s, 2, limit ? (sqlite3_int64)limit : -1);
	r = store_rows(st, s, &case_rows, &items, n, err);
	*v = items;
	return r;
}

/* Change one text column of a case, with its audit row. column is one of
 * our own names, never user input. */
static int set_column(struct store *st, int64_t id, const char *column, const char *what,
		      const char *value, struct ipw_error *err)
{
	char *sel = xasprintf("SELECT %s FROM cases WHERE id = ?", column);
	char *upd = xasprintf("UPDATE cases SET %s = ?, updated = ? WHERE id = ?", column);
	sqlite3_stmt *s = NULL;
	char *old = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		goto out;
	if ((r = store_case_check(st, id, err)) != IPW_OK ||
	    (r = store_prepare(st, sel, &s, err)) != IPW_OK)
		goto end;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		old = store_column_text(s, 0);
	store_release(st, s);
	s = NULL;
	if ((old == NULL && value == NULL) || (old && value && strcmp(old, value) == 0)) {
		store_rollback(st); /* nothing changed: no write, no audit row */
		goto out;
	}
	if ((r = store_prepare(st, upd, &s, err)) != IPW_OK)
		goto end;
	store_bind_text(s, 1, value);
	sqlite3_bind_int64(s, 2, store_now());
	sqlite3_bind_int64(s, 3, id);
	r = store_step_audited(st, s, id, what, old, value, err);
end:
	r = store_end(st, r, err);
out:
	store_release(st, s);
	free(old);
	free(sel);
	free(upd);
	return r;
}

/* Where this person is; the case's own step (the one listings show) is
 * the owner's. */
static int set_position(struct store *st, int64_t id, const char *step, bool *owner,
			struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	sqlite3_stmt *s = NULL;
	*owner = true;
	if ((r = store_case_check(st, id, err)) == IPW_OK &&
	    (r = store_prepare(st, "SELECT owner FROM cases WHERE id = ?", &s, err)) == IPW_OK) {
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			const char *o = (const char *)sqlite3_column_text(s, 0);
			*owner = !o || !*o || (st->actor && strcmp(o, st->actor) == 0);
		}
		store_release(st, s);
		s = NULL;
	}
	if (r == IPW_OK &&
	    (r = store_prepare(
		 st,
		 "INSERT INTO positions (case_id, actor, step, at) VALUES (?, ?, ?, ?) "
		 "ON CONFLICT (case_id, actor) DO UPDATE SET step = excluded.step, "
		 "at = excluded.at",
		 &s, err)) == IPW_OK) {
		sqlite3_bind_int64(s, 1, id);
		store_bind_text(s, 2, st->actor ? st->actor : "");
		store_bind_text(s, 3, step);
		sqlite3_bind_int64(s, 4, store_now());
		r = store_step_done(st, s, err);
		store_release(st, s);
	}
	return store_end(st, r, err);
}

int store_case_set_step(struct store *st, int64_t id, const char *step, struct ipw_error *err)
{
	bool owner = true;
	int r = step ? set_position(st, id, step, &owner, err) : IPW_OK;
	if (r != IPW_OK || !owner)
		return r;
	return set_column(st, id, "current_step", "step", step, err);
}

int store_case_position(struct store *st, int64_t id, char **step, struct ipw_error *err)
{
	*step = NULL;
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, "SELECT step FROM positions WHERE case_id = ? AND actor = ?", &s,
			      err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, st->actor ? st->actor : "");
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*step = store_column_text(s, 0);
	else if (rc != SQLITE_DONE)
		r = store_fail(st, rc, err);
	store_release(st, s);
	return r;
}

static bool known_status(const char *status)
{
	static const char *const names[] = {"draft", "ready", "submitted", "closed", "archived"};
	for (size_t i = 0; status && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(status, names[i]) == 0)
			return true;
	return false;
}

int store_case_set_status(struct store *st, int64_t id, const char *status, struct ipw_error *err)
{
	if (!known_status(status))
		return ipw_error_set(err, IPW_EUSAGE,
				     _("“%s” is not a case status; use draft, ready, submitted, "
				       "closed or archived."),
				     status ? status : "");
	return set_column(st, id, "status", "status", status, err);
}

int store_case_set_title(struct store *st, int64_t id, const char *title, struct ipw_error *err)
{
	return set_column(st, id, "title", "title", title ? title : "", err);
}

int store_case_delete(struct store *st, int64_t id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, id, err)) == IPW_OK &&
	    (r = store_prepare(st, "DELETE FROM cases WHERE id = ?", &s, err)) == IPW_OK) {
		sqlite3_bind_int64(s, 1, id);
		r = store_step_audited(st, s, id, "case deleted", NULL, NULL, err);
		store_release(st, s);
	}
	return store_end(st, r, err);
}
