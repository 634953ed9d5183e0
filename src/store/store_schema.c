/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_schema.c — what a database file must be before we touch it, and the
 * steps that bring any earlier ipwiz schema up to this one.
 *
 * A new database runs every step from 1, so the upgrade path is the path
 * every database takes. A step is never edited once released: a change is a
 * new step. tests/fixtures/store/ keeps a database of each earlier version. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"

/* 1: the first release. */
static const char schema_v1[] = "CREATE TABLE migrations ("
				"  version INTEGER PRIMARY KEY,"
				"  applied INTEGER NOT NULL,"
				"  actor TEXT);"
				"CREATE TABLE cases ("
				"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
				"  flow_id TEXT NOT NULL,"
				"  flow_hash TEXT NOT NULL DEFAULT '',"
				"  title TEXT NOT NULL DEFAULT '',"
				"  status TEXT NOT NULL DEFAULT 'draft',"
				"  current_step TEXT,"
				"  owner TEXT NOT NULL,"
				"  created INTEGER NOT NULL,"
				"  updated INTEGER NOT NULL);"
				"CREATE TABLE answers ("
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  path TEXT NOT NULL,"
				"  value TEXT,"
				"  revision INTEGER NOT NULL,"
				"  actor TEXT NOT NULL,"
				"  updated INTEGER NOT NULL,"
				"  PRIMARY KEY (case_id, path)) WITHOUT ROWID;"
				"CREATE TABLE evidence ("
				"  id INTEGER PRIMARY KEY,"
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  field TEXT NOT NULL,"
				"  path TEXT NOT NULL,"
				"  size INTEGER NOT NULL DEFAULT 0,"
				"  mtime INTEGER NOT NULL DEFAULT 0,"
				"  sha256 TEXT,"
				"  mime TEXT,"
				"  verdict TEXT,"
				"  message TEXT,"
				"  checked_at INTEGER NOT NULL DEFAULT 0);"
				/* No foreign key: the trail of a deleted case outlives it. */
				"CREATE TABLE audit ("
				"  id INTEGER PRIMARY KEY,"
				"  case_id INTEGER NOT NULL,"
				"  at INTEGER NOT NULL,"
				"  actor TEXT NOT NULL,"
				"  what TEXT NOT NULL,"
				"  old_value TEXT,"
				"  new_value TEXT);"
				"CREATE TABLE notes ("
				"  id INTEGER PRIMARY KEY,"
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  field TEXT NOT NULL,"
				"  author TEXT NOT NULL,"
				"  text TEXT NOT NULL,"
				"  created INTEGER NOT NULL);"
				"CREATE INDEX audit_case ON audit (case_id);";

/* 2: drafts kept but flagged, a language per case, the evidence verdict's
 * fix, extension and upload order, and where a change came from (SSH).
 * The audit trail is rebuilt clustered by case: a change then appends to
 * one leaf page instead of a table page and an index page, and a case's
 * history is one range; ids stay unique within a case. */
static const char schema_v2[] =
    "ALTER TABLE answers ADD COLUMN draft INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE cases ADD COLUMN lang TEXT;"
    "ALTER TABLE evidence ADD COLUMN message_key TEXT;"
    "ALTER TABLE evidence ADD COLUMN fix TEXT;"
    "ALTER TABLE evidence ADD COLUMN ext TEXT;"
    "ALTER TABLE evidence ADD COLUMN position INTEGER NOT NULL DEFAULT 0;"
    "UPDATE evidence SET position = id;"
    "CREATE INDEX evidence_case ON evidence (case_id, field, position);"
    "CREATE INDEX notes_case ON notes (case_id, id);"
    "CREATE TABLE audit_v2 ("
    "  case_id INTEGER NOT NULL,"
    "  id INTEGER NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  actor TEXT NOT NULL,"
    "  address TEXT,"
    "  what TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  PRIMARY KEY (case_id, id)) WITHOUT ROWID;"
    "INSERT INTO audit_v2 (case_id, id, at, actor, what, old_value, new_value)"
    "  SELECT case_id, id, at, actor, what, old_value, new_value FROM audit;"
    "DROP TABLE audit;"
    "ALTER TABLE audit_v2 RENAME TO audit;";

/* 3: presence (presence.h) — who has a case open right now, one row per
 * running program; rows older than a few seconds are people who left. */
static const char schema_v3[] = "CREATE TABLE presence ("
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  host TEXT NOT NULL,"
				"  pid INTEGER NOT NULL,"
				"  actor TEXT NOT NULL,"
				"  address TEXT,"
				"  mode TEXT NOT NULL,"
				"  step TEXT,"
				"  field TEXT,"
				"  updated INTEGER NOT NULL,"
				"  PRIMARY KEY (case_id, host, pid)) WITHOUT ROWID;";

/* 4: submissions and the platform's answers as rows, not text in the
 * audit trail to be parsed back: which chance, what came back and when.
 * The audit rows "submitted" ("2026-11-24 chance 1") and "reply"
 * ("rejected 2026-11-30") written before are carried over; a reply belongs
 * to the latest submission before it. The audit trail keeps its rows. */
static const char schema_v4[] =
    "CREATE TABLE submissions ("
    "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL,"
    "  day INTEGER NOT NULL,"
    "  chance INTEGER NOT NULL DEFAULT 0,"
    "  outcome TEXT,"
    "  reply_day INTEGER,"
    "  actor TEXT NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  PRIMARY KEY (case_id, seq)) WITHOUT ROWID;"
    "INSERT INTO submissions (case_id, seq, day, chance, actor, at)"
    "  SELECT a.case_id, a.id,"
    "         CAST(julianday(substr(a.new_value, 1, 10)) - 2440587.5 AS INTEGER),"
    "         CASE WHEN a.new_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] chance [1-9]*'"
    "              THEN CAST(substr(a.new_value, 19) AS INTEGER) ELSE 0 END,"
    "         a.actor, a.at"
    "  FROM audit a JOIN cases c ON c.id = a.case_id"
    "  WHERE a.what = 'submitted' AND julianday(substr(a.new_value, 1, 10)) IS NOT NULL;"
    "UPDATE submissions SET (outcome, reply_day) = ("
    "  SELECT substr(a.new_value, 1, instr(a.new_value, ' ') - 1),"
    "         CAST(julianday(substr(a.new_value, instr(a.new_value, ' ') + 1, 10))"
    "              - 2440587.5 AS INTEGER)"
    "  FROM audit a"
    "  WHERE a.case_id = submissions.case_id AND a.what = 'reply'"
    "    AND a.id > submissions.seq AND instr(a.new_value, ' ') > 1"
    "    AND a.id < coalesce((SELECT min(n.seq) FROM submissions n"
    "                         WHERE n.case_id = submissions.case_id"
    "                           AND n.seq > submissions.seq), 9223372036854775807)"
    "  ORDER BY a.id DESC LIMIT 1);";

/* What the deep evidence check read from a file, by the SHA-256 of its
 * bytes and the reader (decoders and OCR models) that read it: a re-check
 * or the export never decodes the same bytes twice, and a newer reader
 * reads again. Findings a seller acknowledged, per case, file and page.
 * Where each person last was in a case, so a coach moving around does not
 * move the step the owner's `open` resumes at. */
static const char schema_v5[] = "CREATE TABLE evidence_reads ("
				"  sha256 TEXT NOT NULL,"
				"  reader TEXT NOT NULL,"
				"  found TEXT NOT NULL,"
				"  text TEXT NOT NULL,"
				"  at INTEGER NOT NULL,"
				"  PRIMARY KEY (sha256, reader)) WITHOUT ROWID;"
				"CREATE TABLE evidence_acks ("
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  sha256 TEXT NOT NULL,"
				"  finding TEXT NOT NULL,"
				"  page INTEGER NOT NULL,"
				"  actor TEXT NOT NULL,"
				"  at INTEGER NOT NULL,"
				"  PRIMARY KEY (case_id, sha256, finding, page)) WITHOUT ROWID;"
				"CREATE TABLE positions ("
				"  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
				"  actor TEXT NOT NULL,"
				"  step TEXT NOT NULL,"
				"  at INTEGER NOT NULL,"
				"  PRIMARY KEY (case_id, actor)) WITHOUT ROWID;";

/* 6: the evidence verdict's sentence in every language ipwiz speaks
 * (struct evidence_said), so it is read in the reader's language. */
static const char schema_v6[] = "ALTER TABLE evidence ADD COLUMN words TEXT;";

struct migration {
	int version;
	const char *sql;
};

static const struct migration migrations[] = {
    {1, schema_v1}, {2, schema_v2}, {3, schema_v3}, {4, schema_v4}, {5, schema_v5}, {6, schema_v6},
};

static int pragma_int(struct store *st, const char *sql, int64_t *out, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st, sql, &s, err);
	if (r != IPW_OK)
		return r;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else
		r = store_fail(st, rc, err);
	store_release(st, s);
	return r;
}

struct identity {
	int64_t app_id, version, objects;
};

static int identify(struct store *st, struct identity *id, struct ipw_error *err)
{
	int r = pragma_int(st, "PRAGMA application_id", &id->app_id, err);
	if (r == IPW_OK)
		r = pragma_int(st, "PRAGMA user_version", &id->version, err);
	if (r == IPW_OK)
		r = pragma_int(st, "SELECT count(*) FROM sqlite_schema", &id->objects, err);
	return r;
}

/* An empty file (or a fresh SQLite database) becomes ours; anything else
 * must carry our application id and a version we know. */
static int check_identity(struct store *st, const struct identity *id, struct ipw_error *err)
{
	bool empty = id->app_id == 0 && id->version == 0 && id->objects == 0;
	if (!empty && id->app_id != STORE_APPLICATION_ID)
		return ipw_error_set(err, IPW_EENV,
				     _("%s is an SQLite database of another program, not an ipwiz "
				       "case database; nothing was changed. Pick the right file "
				       "with --db PATH."),
				     st->path);
	if (id->version > STORE_SCHEMA_VERSION)
		return ipw_error_set(
		    err, IPW_EENV,
		    _("%s was made by a newer ipwiz (database version %lld; this "
		      "ipwiz knows up to %d); nothing was changed. Update ipwiz to "
		      "open it."),
		    st->path, (long long)id->version, STORE_SCHEMA_VERSION);
	return IPW_OK;
}

static int record_step(struct store *st, int version, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(
	    st, "INSERT INTO migrations (version, applied, actor) VALUES (?, ?, ?)", &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int(s, 1, version);
	sqlite3_bind_int64(s, 2, store_now());
	store_bind_text(s, 3, st->actor);
	r = store_step_done(st, s, err);
	store_release(st, s);
	return r;
}

/* Inside BEGIN IMMEDIATE: whoever migrates first wins, the others see the
 * new version when their turn comes and do nothing. */
static int migrate(struct store *st, struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	struct identity id;
	if ((r = identify(st, &id, err)) != IPW_OK || (r = check_identity(st, &id, err)) != IPW_OK)
		goto fail;
	for (size_t i = 0; i < sizeof(migrations) / sizeof(migrations[0]); i++) {
		if (migrations[i].version <= id.version)
			continue;
		if ((r = store_exec(st, migrations[i].sql, err)) != IPW_OK ||
		    (r = record_step(st, migrations[i].version, err)) != IPW_OK)
			goto fail;
	}
	/* PRAGMA takes no bound values; these are our own constants. */
	char sql[128];
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = %d",
		 STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
	if ((r = store_exec(st, sql, err)) != IPW_OK)
		goto fail;
	return store_commit(st, err);
fail:
	store_rollback(st);
	return r;
}

/* A read-only connection cannot upgrade: a short read-write one does, when
 * the file allows it. */
static int migrate_aside(struct store *st, struct ipw_error *err)
{
	struct store rw = *st;
	rw.db = NULL;
	rw.ncache = 0; /* st's statements belong to st's connection */
	int rc = sqlite3_open_v2(st->real_path, &rw.db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	int r = IPW_OK;
	if (rc != SQLITE_OK) {
		r = ipw_error_set(err, IPW_EENV,
				  _("%s was made by an earlier ipwiz and must be upgraded once by "
				    "someone who may write it; run `ipwiz list` as its owner."),
				  st->path);
	} else {
		sqlite3_extended_result_codes(rw.db, 1);
		sqlite3_busy_timeout(rw.db, rw.busy_ms);
		r = store_exec(&rw, "PRAGMA journal_mode = WAL", err);
		if (r == IPW_OK)
			r = migrate(&rw, err);
	}
	store_cache_clear(&rw);
	sqlite3_close(rw.db);
	return r;
}

int store_schema_prepare(struct store *st, struct ipw_error *err)
{
	struct identity id;
	int r = identify(st, &id, err);
	if (r == IPW_OK)
		r = check_identity(st, &id, err);
	if (r != IPW_OK || id.version == STORE_SCHEMA_VERSION) {
		if (r == IPW_OK && !st->readonly)
			r = store_exec(st, "PRAGMA journal_mode = WAL", err);
		return r;
	}
	if (st->readonly)
		return migrate_aside(st, err);
	/* WAL is a property of the file: set it before the first table. */
	r = store_exec(st, "PRAGMA journal_mode = WAL", err);
	return r == IPW_OK ? migrate(st, err) : r;
}
