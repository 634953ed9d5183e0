/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_submission.c — submissions on the platform and its answers, each
 * written in one transaction with the case status, the audit row and the
 * answer that follows from it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

static void read_submission(sqlite3_stmt *s, void *item)
{
	struct submission_row *r = item;
	r->seq = sqlite3_column_int64(s, 0);
	r->day = (long)sqlite3_column_int64(s, 1);
	r->chance = sqlite3_column_int(s, 2);
	r->outcome = store_column_text(s, 3);
	r->reply_day = (long)sqlite3_column_int64(s, 4);
	r->actor = store_column_text(s, 5);
	r->when = sqlite3_column_int64(s, 6);
}

static void drop_submissions(void *v, size_t n)
{
	submission_rows_free(v, n);
}

static const struct store_rowset submission_rows = {sizeof(struct submission_row), read_submission,
						    drop_submissions};

int store_submissions_list(struct store *st, int64_t case_id, struct submission_row **v, size_t *n,
			   struct ipw_error *err)
{
	void *items;
	int r = store_case_rows(st,
				"SELECT seq, day, chance, outcome, reply_day, actor, at "
				"FROM submissions WHERE case_id = ? ORDER BY seq",
				case_id, &submission_rows, &items, n, err);
	*v = items;
	return r;
}

static int insert(struct store *st, int64_t case_id, const struct submission_change *c,
		  struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st,
			      "INSERT INTO submissions (case_id, seq, day, chance, actor, at) "
			      "SELECT ?1, coalesce(max(seq), 0) + 1, ?2, ?3, ?4, ?5 "
			      "FROM submissions WHERE case_id = ?1",
			      &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int64(s, 2, c->day);
	sqlite3_bind_int(s, 3, c->chance);
	store_bind_text(s, 4, st->actor);
	sqlite3_bind_int64(s, 5, store_now());
	r = store_step_done(st, s, err);
	store_release(st, s);
	return r;
}

/* The answer goes to the latest submission; there must be one. */
static int answer(struct store *st, int64_t case_id, const struct submission_change *c,
		  struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st,
			      "UPDATE submissions SET outcome = ?2, reply_day = ?3 "
			      "WHERE case_id = ?1 AND seq = "
			      "(SELECT max(seq) FROM submissions WHERE case_id = ?1)",
			      &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, c->outcome);
	sqlite3_bind_int64(s, 3, c->day);
	r = store_step_done(st, s, err);
	if (r == IPW_OK && sqlite3_changes(st->db) != 1)
		r = ipw_error_set(err, IPW_EUSER, "%s",
				  _("This case has no submission to answer yet."));
	store_release(st, s);
	return r;
}

/* The status column and its audit row, as store_case_set_status writes them. */
static int set_status(struct store *st, int64_t case_id, const char *status, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	char *old = NULL;
	int r = store_prepare(st, "SELECT status FROM cases WHERE id = ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		old = store_column_text(s, 0);
	store_release(st, s);
	s = NULL;
	if (old && strcmp(old, status) == 0) {
		free(old);
		return IPW_OK;
	}
	if ((r = store_prepare(st, "UPDATE cases SET status = ?, updated = ? WHERE id = ?", &s,
			       err)) == IPW_OK) {
		store_bind_text(s, 1, status);
		sqlite3_bind_int64(s, 2, store_now());
		sqlite3_bind_int64(s, 3, case_id);
		r = store_step_audited(st, s, case_id, "status", old, status, err);
	}
	store_release(st, s);
	free(old);
	return r;
}

int store_submission_write(struct store *st, int64_t case_id, const struct submission_change *c,
			   struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) == IPW_OK)
		r = c->reply ? answer(st, case_id, c, err) : insert(st, case_id, c, err);
	if (r == IPW_OK)
		r = set_status(st, case_id, c->status, err);
	if (r == IPW_OK && c->answer_path)
		r = store_answer_write(st, case_id, c->answer_path, c->answer_value, err);
	if (r == IPW_OK)
		r = store_audit_write(st, case_id, c->audit_what, NULL, c->audit_value, err);
	if (r == IPW_OK)
		r = store_case_touch(st, case_id, err);
	return store_end(st, r, err);
}
