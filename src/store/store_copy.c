/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_copy.c — copies: a case duplicated inside the database, and the
 * whole database copied out through the backup API (never a copy of the
 * live file, which may be half-way through a WAL checkpoint). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"

/* ---- duplicate ---- */

static const char *const copy_sql[] = {
    /* ?1 = source case, ?2 = new case, ?3 = actor, ?4 = now. The seal of
     * an affirmation ("D.seal" beside "D.fingerprint") stays with the case
     * it was made for: the copy is not affirmed until its owner does. */
    "INSERT INTO answers (case_id, path, value, revision, actor, updated, draft) "
    "SELECT ?2, a.path, a.value, 1, ?3, ?4, a.draft FROM answers a "
    "WHERE a.case_id = ?1 AND a.value IS NOT NULL AND NOT (a.path LIKE '%.seal' AND "
    "EXISTS (SELECT 1 FROM answers f WHERE f.case_id = ?1 AND "
    "f.path = substr(a.path, 1, length(a.path) - 5) || '.fingerprint'))",
    "INSERT INTO evidence (case_id, field, path, size, mtime, sha256, mime, verdict, "
    "message_key, message, fix, ext, checked_at, position, words) "
    "SELECT ?2, field, path, size, mtime, sha256, mime, verdict, message_key, message, fix, "
    "ext, checked_at, position, words FROM evidence WHERE case_id = ?1 ORDER BY id",
};

static int copy_case_row(struct store *st, int64_t id, const char *title, int64_t *new_id,
			 struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st,
			      "INSERT INTO cases (flow_id, flow_hash, title, status, current_step, "
			      "owner, lang, created, updated) SELECT flow_id, flow_hash, "
			      "coalesce(?2, title), 'draft', current_step, ?3, lang, ?4, ?4 "
			      "FROM cases WHERE id = ?1",
			      &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, title && *title ? title : NULL);
	store_bind_text(s, 3, st->actor);
	sqlite3_bind_int64(s, 4, store_now());
	r = store_step_done(st, s, err);
	store_release(st, s);
	if (r == IPW_OK)
		*new_id = sqlite3_last_insert_rowid(st->db);
	return r;
}

static int copy_rows(struct store *st, int64_t id, int64_t new_id, struct ipw_error *err)
{
	int r = IPW_OK;
	for (size_t i = 0; r == IPW_OK && i < sizeof(copy_sql) / sizeof(copy_sql[0]); i++) {
		sqlite3_stmt *s = NULL;
		if ((r = store_prepare(st, copy_sql[i], &s, err)) != IPW_OK)
			break;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, new_id);
		store_bind_text(s, 3, st->actor);
		sqlite3_bind_int64(s, 4, store_now());
		r = store_step_done(st, s, err);
		store_release(st, s);
	}
	return r;
}

int store_case_duplicate(struct store *st, int64_t id, const char *title, int64_t *new_id,
			 struct ipw_error *err)
{
	int64_t nid = 0;
	char from[32];
	snprintf(from, sizeof(from), "#%lld", (long long)id);
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, id, err)) != IPW_OK ||
	    (r = copy_case_row(st, id, title, &nid, err)) != IPW_OK ||
	    (r = copy_rows(st, id, nid, err)) != IPW_OK ||
	    (r = store_audit_write(st, nid, "case copied", from, NULL, err)) != IPW_OK) {
		store_rollback(st);
		return r;
	}
	if ((r = store_commit(st, err)) == IPW_OK && new_id)
		*new_id = nid;
	return r;
}

/* ---- backup ---- */

/* Copy every page while readers and writers carry on; a writer holding the
 * database for long makes us wait as a write would. */
static int copy_pages(struct store *st, sqlite3 *dst, struct ipw_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", st->db, "main");
	if (!b)
		return store_fail_db(dst, st->path, sqlite3_errcode(dst), st->busy_ms, err);
	int rc, waited = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (waited >= st->busy_ms)
			break;
		sqlite3_sleep(50);
		waited += 50;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return store_fail_db(dst, st->path, rc, st->busy_ms, err);
	return IPW_OK;
}

/* The copy is one self-contained file: no WAL beside it. */
static int finish_copy(sqlite3 *dst, const char *path, struct ipw_error *err)
{
	int rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	return rc == SQLITE_OK ? IPW_OK : store_fail_db(dst, path, rc, 0, err);
}

int store_backup(struct store *st, const char *dest, struct ipw_error *err)
{
	/* Written beside the destination and renamed over it, so dest is
	 * either the old file or a complete copy. mkstemp makes it 0600. */
	char *tmp = xasprintf("%s.XXXXXX", dest);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return ipw_error_set(err, IPW_EENV, _("Cannot write the copy %s: %s."), dest,
				     strerror(e));
	}
	close(fd);
	sqlite3 *dst = NULL;
	int r = IPW_OK;
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		r = store_fail_db(dst, dest, rc, 0, err);
	if (r == IPW_OK)
		r = copy_pages(st, dst, err);
	if (r == IPW_OK)
		r = finish_copy(dst, dest, err);
	if (sqlite3_close(dst) != SQLITE_OK && r == IPW_OK)
		r = ipw_error_set(err, IPW_EENV, _("Cannot finish the copy %s."), dest);
	if (r == IPW_OK && rename(tmp, dest) != 0)
		r = ipw_error_set(err, IPW_EENV, _("Cannot write the copy %s: %s."), dest,
				  strerror(errno));
	if (r != IPW_OK)
		unlink(tmp);
	free(tmp);
	return r;
}
