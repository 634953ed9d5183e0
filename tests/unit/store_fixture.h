/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_fixture.h — a scratch directory with a case database in it, shared
 * by the store tests. */
#ifndef IPWIZ_TEST_STORE_FIXTURE_H
#define IPWIZ_TEST_STORE_FIXTURE_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "store/store.h"

struct fixture {
	char dir[64];
	char *db;
	struct store *st;
	int64_t case_id;
};

/* A fresh directory, a database in it and one case. */
static inline int fixture_setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ipwiz-store-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	fx->db = xasprintf("%s/cases.db", fx->dir);
	struct ipw_error err = {0};
	if (store_open(fx->db, STORE_CREATE, &fx->st, &err) != IPW_OK ||
	    store_case_create(fx->st, "core-test", "sha256:1", "Test", "en", &fx->case_id, &err) !=
		IPW_OK) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	*state = fx;
	return 0;
}

/* Only the directory: tests that open the database themselves. */
static inline int fixture_setup_empty(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/ipwiz-store-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	fx->db = xasprintf("%s/cases.db", fx->dir);
	*state = fx;
	return 0;
}

static inline int fixture_teardown(void **state)
{
	struct fixture *fx = *state;
	store_close(fx->st);
	char *cmd = xasprintf("rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(cmd);
	free(fx->db);
	free(fx);
	return rc == 0 ? 0 : -1;
}

/* One integer from a raw SQLite query on path (behind the store's back). */
static inline long long fixture_query_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	long long v = -1;
	sqlite3_stmt *s = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* Run SQL on path with a raw connection; SQLITE_OK or the error. */
static inline int fixture_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open(path, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

#endif
