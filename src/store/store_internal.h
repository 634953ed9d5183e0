/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_internal.h — what the store_*.c files share: the connection, the
 * statement helpers, the transaction discipline and the error sentences.
 * Nothing outside the store includes this, except its tests. */
#ifndef IPWIZ_STORE_INTERNAL_H
#define IPWIZ_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "store.h"

/* "IPWZ": PRAGMA application_id of every ipwiz database. */
#define STORE_APPLICATION_ID 0x4950575a
/* The schema this program writes; store_schema.c has every step up to it. */
#define STORE_SCHEMA_VERSION 6
/* How long a write waits for another program's transaction to end. */
#define STORE_BUSY_MS 5000

/* Statements are prepared once per connection and reused: parsing SQL
 * would otherwise cost more CPU than the rest of saving an answer. */
#define STORE_CACHE_SIZE 48

struct store_cached {
	char *sql;
	sqlite3_stmt *stmt;
	bool busy; /* handed out and not yet released */
};

struct store {
	sqlite3 *db;
	char *path;	 /* as the user gave it, for sentences */
	char *real_path; /* its folders resolved: what SQLite opens */
	char *actor;
	char *address; /* NULL when not over SSH */
	bool readonly;
	int64_t data_version;
	int busy_ms;
	bool reading; /* inside store_read_begin */
	struct store_cached cache[STORE_CACHE_SIZE];
	size_t ncache;
};

/* Tests shorten the wait for a locked database with this. */
void store_set_busy_timeout(struct store *st, int ms);

/* ---- store_sql.c ---- */

/* Turn a failed SQLite call into a sentence (IPW_EENV unless said
 * otherwise); returns the status. */
int store_fail(struct store *st, int rc, struct ipw_error *err);
/* The same for a bare handle, before a struct store exists. */
int store_fail_db(sqlite3 *db, const char *path, int rc, int busy_ms, struct ipw_error *err);

/* A ready statement for sql (from the cache when one is free); give it
 * back with store_release, never sqlite3_finalize. */
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **out, struct ipw_error *err);
void store_release(struct store *st, sqlite3_stmt *s); /* NULL allowed */
/* Finalize every cached statement (before closing the connection). */
void store_cache_clear(struct store *st);
/* Run SQL without results (several statements allowed). */
int store_exec(struct store *st, const char *sql, struct ipw_error *err);

/* Every write: store_begin (BEGIN IMMEDIATE), the changes and their audit
 * rows, then store_commit — or store_rollback on any failure. */
int store_begin(struct store *st, struct ipw_error *err);
int store_commit(struct store *st, struct ipw_error *err);
void store_rollback(struct store *st);

/* End the transaction a write began: commit when r is IPW_OK, roll back
 * otherwise; returns the outcome. */
int store_end(struct store *st, int r, struct ipw_error *err);

/* Step a statement that returns no row; SQLITE_DONE → IPW_OK. */
int store_step_done(struct store *st, sqlite3_stmt *s, struct ipw_error *err);
/* Inside a transaction: store_step_done, then the audit row of the change. */
int store_step_audited(struct store *st, sqlite3_stmt *s, int64_t case_id, const char *what,
		       const char *old_value, const char *new_value, struct ipw_error *err);

/* How store_rows turns each row of a query into one item of an array. */
struct store_rowset {
	size_t size;				   /* of one item */
	void (*read)(sqlite3_stmt *s, void *item); /* fill a zeroed item from the row */
	void (*drop)(void *items, size_t n);	   /* free the items read so far */
};

/* Step s (prepared and bound by the caller) to its end, one item per row,
 * then release it. On failure nothing is kept: *items NULL, *n 0. */
int store_rows(struct store *st, sqlite3_stmt *s, const struct store_rowset *set, void **items,
	       size_t *n, struct ipw_error *err);
/* The rows of an answer (store_answer.c) and of an evidence file
 * (store_evidence.c), read from the columns their queries select first. */
#define STORE_ANSWER_COLUMNS "path, value, revision, actor, updated, draft"
#define STORE_EVIDENCE_COLUMNS                                                                     \
	"id, field, path, size, mtime, sha256, mime, verdict, message_key, message, fix, ext, "    \
	"checked_at, position, words"
extern const struct store_rowset store_answer_rows;
extern const struct store_rowset store_evidence_rows;

/* store_rows over sql, whose one parameter is the case id. */
int store_case_rows(struct store *st, const char *sql, int64_t case_id,
		    const struct store_rowset *set, void **items, size_t *n, struct ipw_error *err);

void store_bind_text(sqlite3_stmt *s, int idx, const char *v); /* NULL binds NULL */
char *store_column_text(sqlite3_stmt *s, int col);	       /* copy, or NULL */

int64_t store_now(void);

/* Inside a transaction: fail with a sentence unless case id exists. */
int store_case_check(struct store *st, int64_t id, struct ipw_error *err);
/* Inside a transaction: mark the case as changed now. */
int store_case_touch(struct store *st, int64_t id, struct ipw_error *err);
/* Inside a transaction: one audit row by this connection's actor. */
int store_audit_write(struct store *st, int64_t case_id, const char *what, const char *old_value,
		      const char *new_value, struct ipw_error *err);

/* Inside a transaction: set the answer at path (a new revision, with its
 * audit row), whatever its revision was — for a change the program makes
 * itself as part of a larger one. */
int store_answer_write(struct store *st, int64_t case_id, const char *path, const char *value,
		       struct ipw_error *err);

/* ---- store_access.c ---- */

/* Fill err with why path cannot be reached (a team group the user is not
 * in, say) and what to do; returns IPW_EENV. */
int store_no_access(const char *path, struct ipw_error *err);
/* The name of user uid, safe to show ("uid 1002" when it has none); free it. */
char *store_user_name(uid_t uid);
/* The current user's name, safe to show; free it. */
char *store_my_name(void);

/* ---- store_place.c ---- */

/* path with its folders resolved (realpath) and its last part as it is, or
 * NULL with errno set. */
char *store_real_path(const char *path);
/* Refuse a database in a folder every user may write. */
int store_check_folder(const char *path, struct ipw_error *err);
/* Refuse a WAL, shared-memory or journal file beside the database (db is
 * its stat) that is not a plain file, not the user's or a team member's,
 * or open to every user. */
struct stat;
int store_check_beside(const char *path, const struct stat *db, struct ipw_error *err);

/* ---- store_schema.c ---- */

/* Identify the database and bring its schema up to date (one transaction). */
int store_schema_prepare(struct store *st, struct ipw_error *err);

#endif
