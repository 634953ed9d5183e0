/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench_store.c — time N answer saves, each one durable transaction as the
 * wizard makes them, three ways: through the session (validation, CAS,
 * audit row), through the store alone, and as a bare SQLite upsert with the
 * same pragmas. Prints "MODE N SECONDS". Built by bench/store/run. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flow/flow.h"
#include "case/case_internal.h"
#include "case/session.h"
#include "store/store.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int die(const char *what, const char *msg)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, msg);
	return 1;
}

/* The reference: what any program saving one value durably must do. */
static int bare(const char *path, long n)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db,
			 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
			 "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;"
			 "CREATE TABLE answers (case_id INTEGER, path TEXT, value TEXT,"
			 " PRIMARY KEY (case_id, path)) WITHOUT ROWID",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "INSERT INTO answers VALUES (1, 'complaint_number', ?) ON CONFLICT "
			       "DO UPDATE SET value = excluded.value",
			       -1, &s, NULL) != SQLITE_OK)
		return die(path, sqlite3_errmsg(db));
	char value[32];
	double t0 = now();
	for (long i = 0; i < n; i++) {
		snprintf(value, sizeof(value), "AB-%ld", i);
		sqlite3_bind_text(s, 1, value, -1, SQLITE_TRANSIENT);
		if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
		    sqlite3_step(s) != SQLITE_DONE ||
		    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
			return die(path, sqlite3_errmsg(db));
		sqlite3_reset(s);
	}
	printf("bare %ld %.6f\n", n, now() - t0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return 0;
}

static int store(const char *path, long n)
{
	struct store *st;
	struct ipw_error err = {0};
	int64_t id, rev = 0;
	if (store_open(path, STORE_CREATE, &st, &err) != IPW_OK ||
	    store_case_create(st, "core-test", "h", "bench", "en", &id, &err) != IPW_OK)
		return die(path, err.msg);
	char value[32];
	double t0 = now();
	for (long i = 0; i < n; i++) {
		snprintf(value, sizeof(value), "AB-%ld", i);
		if (store_answer_put(st, id, "complaint_number", value, false, rev, &rev, NULL,
				     &err) != IPW_OK)
			return die(path, err.msg);
	}
	printf("store %ld %.6f\n", n, now() - t0);
	store_close(st);
	return 0;
}

static int via_session(const char *path, long n, const char *flow_file)
{
	struct ipw_diags d = {0};
	struct flow *flow = flow_load_file(flow_file, &d);
	if (!flow)
		return die(flow_file, d.n ? d.v[0].msg : "cannot load");
	struct store *st;
	struct session *s;
	struct ipw_error err = {0};
	if (store_open(path, STORE_CREATE, &st, &err) != IPW_OK ||
	    session_create(st, flow, "bench", "en", &s, &err) != IPW_OK)
		return die(path, err.msg);
	char value[32];
	double t0 = now();
	for (long i = 0; i < n; i++) {
		snprintf(value, sizeof(value), "AB-%ld", i);
		if (session_set(s, "complaint_number", value, SESSION_STRICT, NULL, &err) != IPW_OK)
			return die(path, err.msg);
	}
	printf("session %ld %.6f\n", n, now() - t0);
	session_free(s);
	store_close(st);
	flow_free(flow);
	ipw_diags_free(&d);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return die("usage", "bench_store bare|store|session DB N [FLOW.yaml]");
	long n = strtol(argv[3], NULL, 10);
	if (strcmp(argv[1], "bare") == 0)
		return bare(argv[2], n);
	if (strcmp(argv[1], "store") == 0)
		return store(argv[2], n);
	if (strcmp(argv[1], "session") == 0 && argc == 5)
		return via_session(argv[2], n, argv[4]);
	return die("usage", "bench_store bare|store|session DB N [FLOW.yaml]");
}
