/* store_audit.c — the audit trail of a case and the coaching notes on it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "xalloc.h"

void store_audit_free(struct store_audit *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].actor);
		free(v[i].address);
		free(v[i].what);
		free(v[i].old_value);
		free(v[i].new_value);
	}
	free(v);
}

int store_audit_list(struct store *st, int64_t case_id, struct store_audit **v, size_t *n,
		     struct ipw_error *err)
{
	*v = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	int r =
	    store_prepare(st,
			  "SELECT id, at, actor, address, what, old_value, new_value FROM audit "
			  "WHERE case_id = ? ORDER BY id",
			  &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			*v = xreallocarray(*v, cap, sizeof(**v));
		}
		struct store_audit *a = &(*v)[(*n)++];
		a->id = sqlite3_column_int64(s, 0);
		a->when = sqlite3_column_int64(s, 1);
		a->actor = store_column_text(s, 2);
		a->address = store_column_text(s, 3);
		a->what = store_column_text(s, 4);
		a->old_value = store_column_text(s, 5);
		a->new_value = store_column_text(s, 6);
	}
	store_release(st, s);
	if (rc != SQLITE_DONE) {
		store_audit_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_fail(st, rc, err);
	}
	return IPW_OK;
}

int store_audit_add(struct store *st, int64_t case_id, const char *what, const char *old_value,
		    const char *new_value, struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) != IPW_OK ||
	    (r = store_audit_write(st, case_id, what, old_value, new_value, err)) != IPW_OK) {
		store_rollback(st);
		return r;
	}
	return store_commit(st, err);
}

void store_notes_free(struct store_note *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].field);
		free(v[i].author);
		free(v[i].text);
	}
	free(v);
}

int store_note_add(struct store *st, int64_t case_id, const char *field, const char *text,
		   struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	char *what = xasprintf("note %s", field);
	int r = store_begin(st, err);
	if (r != IPW_OK)
		goto out;
	if ((r = store_case_check(st, case_id, err)) != IPW_OK ||
	    (r = store_prepare(st,
			       "INSERT INTO notes (case_id, field, author, text, created) "
			       "VALUES (?, ?, ?, ?, ?)",
			       &s, err)) != IPW_OK)
		goto fail;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, field);
	store_bind_text(s, 3, st->actor);
	store_bind_text(s, 4, text);
	sqlite3_bind_int64(s, 5, store_now());
	if ((r = store_step_done(st, s, err)) != IPW_OK ||
	    (r = store_audit_write(st, case_id, what, NULL, text, err)) != IPW_OK)
		goto fail;
	r = store_commit(st, err);
	goto out;
fail:
	store_rollback(st);
out:
	store_release(st, s);
	free(what);
	return r;
}

int store_notes_list(struct store *st, int64_t case_id, struct store_note **v, size_t *n,
		     struct ipw_error *err)
{
	*v = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	int r =
	    store_prepare(st,
			  "SELECT id, field, author, text, created FROM notes WHERE case_id = ? "
			  "ORDER BY id",
			  &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*v = xreallocarray(*v, cap, sizeof(**v));
		}
		struct store_note *note = &(*v)[(*n)++];
		note->id = sqlite3_column_int64(s, 0);
		note->field = store_column_text(s, 1);
		note->author = store_column_text(s, 2);
		note->text = store_column_text(s, 3);
		note->when = sqlite3_column_int64(s, 4);
	}
	store_release(st, s);
	if (rc != SQLITE_DONE) {
		store_notes_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_fail(st, rc, err);
	}
	return IPW_OK;
}
