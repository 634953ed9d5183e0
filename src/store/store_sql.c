/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_sql.c — statement helpers, transactions, and the sentences a person
 * reads when SQLite says no. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"
#include "store_read.h"

/* SQLite cannot open the file or the WAL files beside it: say which. */
static int cantopen(const char *path, const char *detail, struct ipw_error *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		xstrset(&dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	int r;
	if (access(path, W_OK) != 0 && errno == EROFS)
		r = ipw_error_set(err, IPW_EENV,
				  _("The case database %s is on a read-only disk; remount it "
				    "read-write, or copy the file somewhere you can write and use "
				    "--db PATH."),
				  path);
	else if (access(dir, W_OK | X_OK) != 0)
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("ipwiz must write its journal beside %s, but may not write in "
		      "%s (%s); ask the folder's owner for access, or use --db PATH."),
		    path, dir, strerror(errno));
	else
		r = ipw_error_set(err, IPW_EENV,
				  _("Cannot open the case database %s (%s); check that it exists "
				    "and that you may read and write it."),
				  path, detail);
	free(dir);
	return r;
}

int store_fail_db(sqlite3 *db, const char *path, int rc, int busy_ms, struct ipw_error *err)
{
	const char *detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ipw_error_set(
		    err, IPW_EENV,
		    ngettext("The case database is in use by another program (%s "
			     "stayed locked for %d second); try again in a moment.",
			     "The case database is in use by another program (%s "
			     "stayed locked for %d seconds); try again in a moment.",
			     (unsigned long)((busy_ms + 999) / 1000)),
		    path, (busy_ms + 999) / 1000);
	case SQLITE_FULL:
		return ipw_error_set(err, IPW_EENV,
				     _("The disk holding %s is full, so nothing was saved; your "
				       "earlier answers are safe. Free some space and try again."),
				     path);
	case SQLITE_READONLY:
		return ipw_error_set(
		    err, IPW_EENV,
		    _("The case database %s is read-only here, so nothing was saved. "
		      "Ask its owner for write access, or use --db to pick another."),
		    path);
	case SQLITE_NOTADB:
		return ipw_error_set(err, IPW_EENV,
				     _("%s is not an ipwiz case database; pick the right file with "
				       "--db PATH."),
				     path);
	case SQLITE_CORRUPT:
		return ipw_error_set(err, IPW_EENV,
				     _("The case database %s is damaged (%s); restore it from a "
				       "backup or an export."),
				     path, detail);
	case SQLITE_CANTOPEN:
		return cantopen(path, detail, err);
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return ipw_error_set(
		    err, IPW_EENV,
		    _("Cannot open the case database %s (%s); check that it exists "
		      "and that you may read and write it."),
		    path, detail);
	case SQLITE_IOERR:
		/* A full disk often surfaces as an I/O error of the WAL write. */
		if (db && sqlite3_system_errno(db) == ENOSPC)
			return store_fail_db(db, path, SQLITE_FULL, busy_ms, err);
		if (db && sqlite3_system_errno(db) == EROFS)
			return store_fail_db(db, path, SQLITE_READONLY, busy_ms, err);
		return ipw_error_set(err, IPW_EENV,
				     _("Reading or writing %s failed (%s), so nothing was saved; "
				       "check the disk and try again."),
				     path, detail);
	case SQLITE_NOMEM:
		return ipw_error_set(err, IPW_EENV,
				     _("Out of memory while using %s; close other programs and try "
				       "again."),
				     path);
	default:
		/* A table or column gone: somebody changed the file by hand. */
		return ipw_error_set(err, IPW_EENV,
				     _("The case database %s is damaged (%s); restore it from a "
				       "backup or an export, or pick another with --db PATH."),
				     path, detail);
	}
}

int store_fail(struct store *st, int rc, struct ipw_error *err)
{
	return store_fail_db(st->db, st->path, rc, st->busy_ms, err);
}

int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out, struct ipw_error *err)
{
	for (size_t i = 0; i < st->ncache; i++) {
		struct store_cached *c = &st->cache[i];
		if (!c->busy && strcmp(c->sql, sql) == 0) {
			c->busy = true;
			*out = c->stmt;
			return IPW_OK;
		}
	}
	bool keep = st->ncache < STORE_CACHE_SIZE;
	int rc =
	    sqlite3_prepare_v3(st->db, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, out, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(*out);
		*out = NULL;
		return store_fail(st, rc, err);
	}
	if (keep)
		st->cache[st->ncache++] = (struct store_cached){xstrdup(sql), *out, true};
	return IPW_OK;
}

void store_release(struct store *st, sqlite3_stmt *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < st->ncache; i++) {
		if (st->cache[i].stmt == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			st->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(s);
}

void store_cache_clear(struct store *st)
{
	for (size_t i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	st->ncache = 0;
}

/* One statement without bound values, from the cache. */
static int run(struct store *st, const char *sql, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, sql, &s, err);
	if (r != IPW_OK)
		return r;
	int rc = sqlite3_step(s);
	store_release(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? IPW_OK : store_fail(st, rc, err);
}

int store_exec(struct store *st, const char *sql, struct ipw_error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? IPW_OK : store_fail(st, rc, err);
}

int store_begin(struct store *st, struct ipw_error *err)
{
	store_read_end(st);
	return run(st, "BEGIN IMMEDIATE", err);
}

int store_read_begin(struct store *st, struct ipw_error *err)
{
	if (st->reading)
		return IPW_OK;
	int r = run(st, "BEGIN", err);
	st->reading = r == IPW_OK;
	return r;
}

void store_read_end(struct store *st)
{
	if (!st->reading)
		return;
	st->reading = false;
	store_rollback(st);
}

int store_commit(struct store *st, struct ipw_error *err)
{
	int r = run(st, "COMMIT", err);
	/* A failed COMMIT (disk full) may leave the transaction open: end it,
	 * so the database holds exactly what it held before. */
	if (r != IPW_OK)
		store_rollback(st);
	return r;
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		run(st, "ROLLBACK", NULL);
}

int store_end(struct store *st, int r, struct ipw_error *err)
{
	if (r == IPW_OK)
		return store_commit(st, err);
	store_rollback(st);
	return r;
}

int store_step_done(struct store *st, sqlite3_stmt *s, struct ipw_error *err)
{
	int rc = sqlite3_step(s);
	return rc == SQLITE_DONE ? IPW_OK : store_fail(st, rc, err);
}

int store_step_audited(struct store *st, sqlite3_stmt *s, int64_t case_id, const char *what,
		       const char *old_value, const char *new_value, struct ipw_error *err)
{
	int r = store_step_done(st, s, err);
	return r == IPW_OK ? store_audit_write(st, case_id, what, old_value, new_value, err) : r;
}

int store_rows(struct store *st, sqlite3_stmt *s, const struct store_rowset *set, void **items,
	       size_t *n, struct ipw_error *err)
{
	char *v = NULL;
	size_t cap = 0;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, cap, set->size);
		}
		void *item = v + (*n)++ * set->size;
		memset(item, 0, set->size);
		set->read(s, item);
	}
	store_release(st, s);
	if (rc != SQLITE_DONE) {
		set->drop(v, *n);
		*items = NULL;
		*n = 0;
		return store_fail(st, rc, err);
	}
	*items = v;
	return IPW_OK;
}

int store_case_rows(struct store *st, const char *sql, int64_t case_id,
		    const struct store_rowset *set, void **items, size_t *n, struct ipw_error *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, sql, &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	return store_rows(st, s, set, items, n, err);
}

void store_bind_text(sqlite3_stmt *s, int idx, const char *v)
{
	if (v)
		sqlite3_bind_text(s, idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, idx);
}

char *store_column_text(sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	return t ? xstrdup((const char *)t) : NULL;
}

int64_t store_now(void)
{
	return (int64_t)time(NULL);
}

int store_case_check(struct store *st, int64_t id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, "SELECT 1 FROM cases WHERE id = ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	store_release(st, s);
	if (rc == SQLITE_ROW)
		return IPW_OK;
	if (rc == SQLITE_DONE)
		return ipw_error_set(err, IPW_EUSAGE,
				     _("There is no case #%lld; `ipwiz list` shows them."),
				     (long long)id);
	return store_fail(st, rc, err);
}

int store_case_touch(struct store *st, int64_t id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	/* Within the same second the row stays as it is: one page fewer to
	 * write when answers come in a burst (fill, list moves). */
	int r = store_prepare(st, "UPDATE cases SET updated = ?1 WHERE id = ?2 AND updated < ?1",
			      &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, store_now());
	sqlite3_bind_int64(s, 2, id);
	r = store_step_done(st, s, err);
	store_release(st, s);
	return r;
}

int store_audit_write(struct store *st, int64_t case_id, const char *what, const char *old_value,
		      const char *new_value, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r =
	    store_prepare(st,
			  "INSERT INTO audit (case_id, id, at, actor, address, what, old_value, "
			  "new_value) VALUES (?1, (SELECT coalesce(max(id), 0) + 1 FROM audit "
			  "WHERE case_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)",
			  &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int64(s, 2, store_now());
	store_bind_text(s, 3, st->actor);
	store_bind_text(s, 4, st->address);
	store_bind_text(s, 5, what);
	store_bind_text(s, 6, old_value);
	store_bind_text(s, 7, new_value);
	r = store_step_done(st, s, err);
	store_release(st, s);
	return r;
}
