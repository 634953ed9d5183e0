/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_audit.c — the audit trail of a case and the coaching notes on it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

static void read_audit(sqlite3_stmt *s, void *item)
{
	struct audit_row *a = item;
	a->id = sqlite3_column_int64(s, 0);
	a->when = sqlite3_column_int64(s, 1);
	a->actor = store_column_text(s, 2);
	a->address = store_column_text(s, 3);
	a->what = store_column_text(s, 4);
	a->old_value = store_column_text(s, 5);
	a->new_value = store_column_text(s, 6);
}

static void drop_audit(void *v, size_t n)
{
	audit_rows_free(v, n);
}

static const struct store_rowset audit_rows = {sizeof(struct audit_row), read_audit, drop_audit};

int store_audit_list(struct store *st, int64_t case_id, struct audit_row **v, size_t *n,
		     struct ipw_error *err)
{
	void *items;
	int r =
	    store_case_rows(st,
			    "SELECT id, at, actor, address, what, old_value, new_value FROM audit "
			    "WHERE case_id = ? ORDER BY id",
			    case_id, &audit_rows, &items, n, err);
	*v = items;
	return r;
}

int store_audit_add(struct store *st, int64_t case_id, const char *what, const char *old_value,
		    const char *new_value, struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) == IPW_OK)
		r = store_audit_write(st, case_id, what, old_value, new_value, err);
	return store_end(st, r, err);
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
		goto end;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, field);
	store_bind_text(s, 3, st->actor);
	store_bind_text(s, 4, text);
	sqlite3_bind_int64(s, 5, store_now());
	r = store_step_audited(st, s, case_id, what, NULL, text, err);
end:
	r = store_end(st, r, err);
out:
	store_release(st, s);
	free(what);
	return r;
}

static void read_note(sqlite3_stmt *s, void *item)
{
	struct note_row *note = item;
	note->id = sqlite3_column_int64(s, 0);
	note->field = store_column_text(s, 1);
	note->author = store_column_text(s, 2);
	note->text = store_column_text(s, 3);
	note->when = sqlite3_column_int64(s, 4);
}

static void drop_notes(void *v, size_t n)
{
	note_rows_free(v, n);
}

static const struct store_rowset note_rows = {sizeof(struct note_row), read_note, drop_notes};

int store_notes_list(struct store *st, int64_t case_id, struct note_row **v, size_t *n,
		     struct ipw_error *err)
{
	void *items;
	int r =
	    store_case_rows(st,
			    "SELECT id, field, author, text, created FROM notes WHERE case_id = ? "
			    "ORDER BY id",
			    case_id, &note_rows, &items, n, err);
	*v = items;
	return r;
}
