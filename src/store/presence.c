/* SPDX-License-Identifier: GPL-3.0-or-later */
/* presence.c — the presence rows (presence.h). One row per running program,
 * keyed by host and process id, so the same Unix user in two terminals
 * shows twice and a killed program's row simply goes stale. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "presence.h"
#include "store_internal.h"

static char *host_name(void)
{
	char buf[256];
	if (gethostname(buf, sizeof buf) != 0)
		return xstrdup("?");
	buf[sizeof buf - 1] = '\0';
	return xstrdup(buf);
}

/* A program of this host that no longer runs (killed, or its terminal
 * went away before it could leave). Another user's process answers EPERM,
 * which means it is alive. */
static bool gone_here(const char *row_host, const char *host, int64_t pid)
{
	return row_host && strcmp(row_host, host) == 0 && pid > 0 && kill((pid_t)pid, 0) != 0 &&
	       errno == ESRCH;
}

/* Inside the announcement's transaction, the one place presence rows are
 * purged: rows of dead programs of this host, and rows nobody renewed for
 * PRESENCE_STALE_SECONDS (a crashed program whose process cannot be asked:
 * another host's, another PID namespace's, a reused pid), go. The list
 * below shows neither, so a row is gone from the header and, at the next
 * heartbeat of anybody on the case, from the database. */
static int purge(struct store *st, int64_t case_id, const char *host, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r =
	    store_prepare(st, "SELECT pid FROM presence WHERE case_id = ? AND host = ?", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, host);
	int64_t dead[16];
	size_t ndead = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (ndead < sizeof dead / sizeof dead[0] &&
		    gone_here(host, host, sqlite3_column_int64(s, 0)))
			dead[ndead++] = sqlite3_column_int64(s, 0);
	store_release(st, s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, err);
	for (size_t i = 0; i <= ndead && r == IPW_OK; i++) {
		bool old = i == ndead;
		r = store_prepare(st,
				  old ? "DELETE FROM presence WHERE case_id = ?1 AND updated < ?2"
				      : "DELETE FROM presence WHERE case_id = ?1 AND host = ?3 "
					"AND pid = ?4",
				  &s, err);
		if (r != IPW_OK)
			break;
		sqlite3_bind_int64(s, 1, case_id);
		if (old) {
			sqlite3_bind_int64(s, 2, store_now() - PRESENCE_STALE_SECONDS);
		} else {
			store_bind_text(s, 3, host);
			sqlite3_bind_int64(s, 4, dead[i]);
		}
		r = store_step_done(st, s, err);
		store_release(st, s);
	}
	return r;
}

/* One statement in its own transaction: release it, then commit or roll
 * back by how it went. */
static int end_write(struct store *st, sqlite3_stmt *s, int r, struct ipw_error *err)
{
	store_release(st, s);
	if (r != IPW_OK) {
		store_rollback(st);
		return r;
	}
	return store_commit(st, err);
}

/* This program's key: the case, the host and the process. */
static void bind_self(sqlite3_stmt *s, int64_t case_id, const char *host)
{
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, host);
	sqlite3_bind_int64(s, 3, (sqlite3_int64)getpid());
}

int presence_announce(struct store *st, int64_t case_id, enum presence_mode mode, const char *step,
		      const char *field, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	char *host = host_name();
	r = purge(st, case_id, host, err);
	if (r == IPW_OK)
		r = store_prepare(
		    st,
		    "INSERT INTO presence (case_id, host, pid, actor, address, mode, step, "
		    "field, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
		    "ON CONFLICT (case_id, host, pid) DO UPDATE SET mode = excluded.mode, "
		    "step = excluded.step, field = excluded.field, updated = excluded.updated",
		    &s, err);
	if (r == IPW_OK) {
		bind_self(s, case_id, host);
		store_bind_text(s, 4, store_actor(st));
		store_bind_text(s, 5, store_actor_address(st));
		store_bind_text(s, 6, mode == PRESENCE_WATCHING ? "watching" : "editing");
		store_bind_text(s, 7, step);
		store_bind_text(s, 8, field);
		sqlite3_bind_int64(s, 9, store_now());
		r = store_step_done(st, s, err);
	}
	free(host);
	return end_write(st, s, r, err);
}

int presence_leave(struct store *st, int64_t case_id, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	r = store_prepare(st, "DELETE FROM presence WHERE case_id = ? AND host = ? AND pid = ?", &s,
			  err);
	if (r == IPW_OK) {
		char *host = host_name();
		bind_self(s, case_id, host);
		r = store_step_done(st, s, err);
		free(host);
	}
	return end_write(st, s, r, err);
}

int presence_list(struct store *st, int64_t case_id, struct presence_row **v, size_t *n,
		  struct ipw_error *err)
{
	*v = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	int r = store_prepare(
	    st,
	    "SELECT actor, address, mode, step, field, updated, host, pid FROM presence "
	    "WHERE case_id = ? AND updated >= ? AND NOT (host = ? AND pid = ?) "
	    "ORDER BY actor, updated",
	    &s, err);
	if (r != IPW_OK)
		return r;
	char *host = host_name();
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_int64(s, 2, store_now() - PRESENCE_STALE_SECONDS);
	store_bind_text(s, 3, host);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)getpid());
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (gone_here((const char *)sqlite3_column_text(s, 6), host,
			      sqlite3_column_int64(s, 7)))
			continue; /* killed: not here, whatever the row says */
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		struct presence_row *p = &(*v)[(*n)++];
		p->actor = store_column_text(s, 0);
		p->address = store_column_text(s, 1);
		const char *mode = (const char *)sqlite3_column_text(s, 2);
		p->mode =
		    mode && strcmp(mode, "watching") == 0 ? PRESENCE_WATCHING : PRESENCE_EDITING;
		p->step = store_column_text(s, 3);
		p->field = store_column_text(s, 4);
		p->updated = sqlite3_column_int64(s, 5);
	}
	store_release(st, s);
	free(host);
	if (rc != SQLITE_DONE) {
		presence_rows_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_fail(st, rc, err);
	}
	return IPW_OK;
}
