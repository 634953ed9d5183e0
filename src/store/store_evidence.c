/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_evidence.c — the evidence files of a case and the verdict of their
 * last check. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

/* Parameters 1..12 and 16 (words) in the column order of both INSERT and
 * UPDATE. */
static void bind_evidence(sqlite3_stmt *s, const struct evidence_row *e)
{
	store_bind_text(s, 1, e->field);
	store_bind_text(s, 2, e->path);
	sqlite3_bind_int64(s, 3, e->size);
	sqlite3_bind_int64(s, 4, e->mtime);
	store_bind_text(s, 5, e->sha256);
	store_bind_text(s, 6, e->mime);
	store_bind_text(s, 7, evidence_verdict_name(e->verdict));
	store_bind_text(s, 8, e->message_key);
	store_bind_text(s, 9, e->message);
	store_bind_text(s, 10, e->fix);
	store_bind_text(s, 11, e->ext);
	sqlite3_bind_int64(s, 12, e->checked_at);
	char *words = e->nsaid ? evidence_said_encode(e->said, e->nsaid) : NULL;
	sqlite3_bind_text(s, 16, words, -1, free);
}

/* "invoice.pdf: ok" — what the audit trail says about one file. */
static char *describe(const char *path, enum evidence_verdict verdict)
{
	return xasprintf("%s: %s", path ? path : "?", evidence_verdict_name(verdict));
}

int store_evidence_add(struct store *st, int64_t case_id, const struct evidence_row *e, int64_t *id,
		       struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	char *what = xasprintf("evidence %s", e->field ? e->field : "");
	char *now = describe(e->path, e->verdict);
	int64_t new_id = 0;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		goto out;
	/* Position 0 means "after the files already there". */
	if ((r = store_case_check(st, case_id, err)) != IPW_OK ||
	    (r = store_prepare(
		 st,
		 "INSERT INTO evidence (field, path, size, mtime, sha256, mime, "
		 "verdict, message_key, message, fix, ext, checked_at, case_id, "
		 "words, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
		 "?12, ?13, ?16, CASE WHEN ?14 > 0 THEN ?14 ELSE (SELECT coalesce(max(position), "
		 "0) + 1 FROM evidence WHERE case_id = ?13 AND field = ?1) END)",
		 &s, err)) != IPW_OK)
		goto end;
	bind_evidence(s, e);
	sqlite3_bind_int64(s, 13, case_id);
	sqlite3_bind_int(s, 14, e->position);
	if ((r = store_step_done(st, s, err)) != IPW_OK)
		goto end;
	new_id = sqlite3_last_insert_rowid(st->db);
	if ((r = store_audit_write(st, case_id, what, NULL, now, err)) == IPW_OK)
		r = store_case_touch(st, case_id, err);
end:
	if ((r = store_end(st, r, err)) == IPW_OK && id)
		*id = new_id;
out:
	store_release(st, s);
	free(what);
	free(now);
	return r;
}

/* Inside a transaction: "path: verdict" of evidence row id, or a sentence
 * when the case has no such file. */
static int evidence_row(struct store *st, int64_t case_id, int64_t id, char **desc, char **field,
			struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(
	    st, "SELECT path, verdict, field FROM evidence WHERE id = ? AND case_id = ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, case_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*desc = describe((const char *)sqlite3_column_text(s, 0),
				 evidence_verdict_parse((const char *)sqlite3_column_text(s, 1)));
		*field = store_column_text(s, 2);
	} else if (rc == SQLITE_DONE) {
		r = ipw_error_set(err, IPW_EUSAGE, _("Case #%lld has no evidence file %lld."),
				  (long long)case_id, (long long)id);
	} else {
		r = store_fail(st, rc, err);
	}
	store_release(st, s);
	return r;
}

int store_evidence_update(struct store *st, int64_t case_id, const struct evidence_row *e,
			  struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	char *old = NULL, *field = NULL, *what = NULL;
	char *now = describe(e->path, e->verdict);
	int r = store_begin(st, err);
	if (r != IPW_OK)
		goto out;
	if ((r = evidence_row(st, case_id, e->id, &old, &field, err)) != IPW_OK ||
	    (r = store_prepare(
		 st,
		 "UPDATE evidence SET field = ?1, path = ?2, size = ?3, mtime = ?4, "
		 "sha256 = ?5, mime = ?6, verdict = ?7, message_key = ?8, message = ?9, "
		 "fix = ?10, ext = ?11, checked_at = ?12, words = ?16, position = CASE WHEN ?15 > "
		 "0 "
		 "THEN ?15 ELSE position END WHERE id = ?13 AND case_id = ?14",
		 &s, err)) != IPW_OK)
		goto end;
	bind_evidence(s, e);
	sqlite3_bind_int64(s, 13, e->id);
	sqlite3_bind_int64(s, 14, case_id);
	sqlite3_bind_int(s, 15, e->position);
	what = xasprintf("evidence %s", e->field ? e->field : field);
	if ((r = store_step_audited(st, s, case_id, what, old, now, err)) == IPW_OK)
		r = store_case_touch(st, case_id, err);
end:
	r = store_end(st, r, err);
out:
	store_release(st, s);
	free(old);
	free(field);
	free(what);
	free(now);
	return r;
}

static void read_evidence(sqlite3_stmt *s, void *item)
{
	struct evidence_row *e = item;
	e->id = sqlite3_column_int64(s, 0);
	e->field = store_column_text(s, 1);
	e->path = store_column_text(s, 2);
	e->size = sqlite3_column_int64(s, 3);
	e->mtime = sqlite3_column_int64(s, 4);
	e->sha256 = store_column_text(s, 5);
	e->mime = store_column_text(s, 6);
	e->verdict = evidence_verdict_parse((const char *)sqlite3_column_text(s, 7));
	e->message_key = store_column_text(s, 8);
	e->message = store_column_text(s, 9);
	e->fix = store_column_text(s, 10);
	e->ext = store_column_text(s, 11);
	e->checked_at = sqlite3_column_int64(s, 12);
	e->position = sqlite3_column_int(s, 13);
	evidence_said_decode((const char *)sqlite3_column_text(s, 14), &e->said, &e->nsaid);
}

static void drop_evidence(void *v, size_t n)
{
	evidence_rows_free(v, n);
}

const struct store_rowset store_evidence_rows = {sizeof(struct evidence_row), read_evidence,
						 drop_evidence};

int store_evidence_list(struct store *st, int64_t case_id, struct evidence_row **v, size_t *n,
			struct ipw_error *err)
{
	void *items;
	int r = store_case_rows(st,
				"SELECT " STORE_EVIDENCE_COLUMNS " FROM evidence "
				"WHERE case_id = ? ORDER BY field, position, id",
				case_id, &store_evidence_rows, &items, n, err);
	*v = items;
	return r;
}

int store_evidence_remove(struct store *st, int64_t case_id, int64_t id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	char *old = NULL, *field = NULL, *what = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = evidence_row(st, case_id, id, &old, &field, err)) != IPW_OK ||
	    (r = store_prepare(st, "DELETE FROM evidence WHERE id = ? AND case_id = ?", &s, err)) !=
		IPW_OK)
		goto end;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, case_id);
	what = xasprintf("evidence %s", field ? field : "");
	if ((r = store_step_audited(st, s, case_id, what, old, NULL, err)) == IPW_OK)
		r = store_case_touch(st, case_id, err);
end:
	r = store_end(st, r, err);
	store_release(st, s);
	free(old);
	free(field);
	free(what);
	return r;
}
