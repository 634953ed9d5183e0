/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_reads.c — what the deep evidence check read from a file, kept by
 * the SHA-256 of the bytes and the reader that read them, and the findings
 * a seller acknowledged. The store keeps the reading as text it does not
 * interpret; the evidence module writes and parses it (and treats what it
 * reads back as untrusted, since a shared database has other writers). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

int store_reading_get(struct store *st, const char *sha256, const char *reader, char **found,
		      char **text, struct ipw_error *err)
{
	*found = *text = NULL;
	sqlite3_stmt *s = NULL;
	int r = store_prepare(
	    st, "SELECT found, text FROM evidence_reads WHERE sha256 = ? AND reader = ?", &s, err);
	if (r != IPW_OK)
		return r;
	store_bind_text(s, 1, sha256);
	store_bind_text(s, 2, reader);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = store_column_text(s, 0);
		*text = store_column_text(s, 1);
		if (!*found || !*text) {
			free(*found);
			free(*text);
			*found = *text = NULL;
		}
	} else if (rc != SQLITE_DONE) {
		r = store_fail(st, rc, err);
	}
	store_release(st, s);
	return r;
}

int store_reading_put(struct store *st, const char *sha256, const char *reader, const char *found,
		      const char *text, struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	sqlite3_stmt *s = NULL;
	r = store_prepare(st,
			  "INSERT INTO evidence_reads (sha256, reader, found, text, at) "
			  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256, reader) DO UPDATE SET "
			  "found = excluded.found, text = excluded.text, at = excluded.at",
			  &s, err);
	if (r == IPW_OK) {
		store_bind_text(s, 1, sha256);
		store_bind_text(s, 2, reader);
		store_bind_text(s, 3, found);
		store_bind_text(s, 4, text);
		sqlite3_bind_int64(s, 5, store_now());
		r = store_step_done(st, s, err);
		store_release(st, s);
	}
	/* Readings of bytes no case holds any more go after a while (a file
	 * checked with `check` and never attached, a replaced scan): the
	 * table would otherwise keep up to 32 KB of text per file ever read. */
	if (r == IPW_OK)
		r = store_prepare(st,
				  "DELETE FROM evidence_reads WHERE at < ? AND sha256 NOT IN "
				  "(SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL)",
				  &s, err);
	if (r == IPW_OK) {
		sqlite3_bind_int64(s, 1, store_now() - STORE_READING_KEEP_DAYS * 86400);
		r = store_step_done(st, s, err);
		store_release(st, s);
	}
	return store_end(st, r, err);
}

int store_ack_add(struct store *st, int64_t case_id, const char *sha256, const char *finding,
		  unsigned page, const char *audit_value, struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) != IPW_OK)
		return store_end(st, r, err);
	sqlite3_stmt *s = NULL;
	r = store_prepare(st,
			  "INSERT INTO evidence_acks (case_id, sha256, finding, page, actor, at) "
			  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
			  &s, err);
	if (r == IPW_OK) {
		sqlite3_bind_int64(s, 1, case_id);
		store_bind_text(s, 2, sha256);
		store_bind_text(s, 3, finding);
		sqlite3_bind_int(s, 4, (int)page);
		store_bind_text(s, 5, st->actor);
		sqlite3_bind_int64(s, 6, store_now());
		/* A row comes back only when the acknowledgement is new. */
		int rc = sqlite3_step(s);
		bool added = rc == SQLITE_ROW;
		if (added)
			rc = sqlite3_step(s);
		if (rc != SQLITE_DONE)
			r = store_fail(st, rc, err);
		store_release(st, s);
		if (added)
			r = store_audit_write(st, case_id, "acknowledged", NULL, audit_value, err);
		if (added && r == IPW_OK)
			r = store_case_touch(st, case_id, err);
	}
	return store_end(st, r, err);
}

static void read_ack(sqlite3_stmt *s, void *item)
{
	struct ack_row *a = item;
	a->sha256 = store_column_text(s, 0);
	a->finding = store_column_text(s, 1);
	a->page = (unsigned)sqlite3_column_int(s, 2);
	a->actor = store_column_text(s, 3);
	a->when = sqlite3_column_int64(s, 4);
}

static void drop_acks(void *v, size_t n)
{
	ack_rows_free(v, n);
}

static const struct store_rowset ack_rows = {sizeof(struct ack_row), read_ack, drop_acks};

int store_acks_list(struct store *st, int64_t case_id, struct ack_row **v, size_t *n,
		    struct ipw_error *err)
{
	void *items;
	int r = store_case_rows(st,
				"SELECT sha256, finding, page, actor, at FROM evidence_acks "
				"WHERE case_id = ? ORDER BY at, sha256, finding, page",
				case_id, &ack_rows, &items, n, err);
	*v = items;
	return r;
}
