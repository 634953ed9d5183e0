/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_scan.c — the answers and evidence of every case, read in one pass
 * of each table. A listing of 10,000 cases would otherwise run 20,000
 * queries; here two queries walk their tables in case order alongside the
 * cases (a merge join), so each row is read once and nothing is held
 * beyond the case at hand. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "store_internal.h"
#include "store_read.h"

/* One query in case order, the case id as its last column; the row it
 * stands on has not been handed out yet. */
struct scan_cursor {
	sqlite3_stmt *s;
	const struct store_rowset *set;
	int case_col;
	int rc; /* of the last sqlite3_step; 0 before the first */
};

struct store_scan {
	struct store *st;
	struct scan_cursor answers, evidence;
};

static int cursor_open(struct store *st, struct scan_cursor *c, const char *sql,
		       const struct store_rowset *set, int case_col, int64_t after_id,
		       struct ipw_error *err)
{
	*c = (struct scan_cursor){.set = set, .case_col = case_col};
	int r = store_prepare(st, sql, &c->s, err);
	if (r == IPW_OK)
		sqlite3_bind_int64(c->s, 1, after_id);
	return r;
}

static void cursor_step(struct scan_cursor *c)
{
	c->rc = sqlite3_step(c->s);
}

/* The rows of case_id: skip rows of earlier cases, collect those of this
 * one, stop at the first row of a later case. */
static int cursor_take(struct store *st, struct scan_cursor *c, int64_t case_id, void **items,
		       size_t *n, struct ipw_error *err)
{
	char *v = NULL;
	size_t cap = 0;
	*items = NULL;
	*n = 0;
	if (c->rc == 0)
		cursor_step(c);
	while (c->rc == SQLITE_ROW && sqlite3_column_int64(c->s, c->case_col) < case_id)
		cursor_step(c);
	while (c->rc == SQLITE_ROW && sqlite3_column_int64(c->s, c->case_col) == case_id) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, cap, c->set->size);
		}
		void *item = v + (*n)++ * c->set->size;
		memset(item, 0, c->set->size);
		c->set->read(c->s, item);
		cursor_step(c);
	}
	if (c->rc != SQLITE_ROW && c->rc != SQLITE_DONE) {
		c->set->drop(v, *n);
		*n = 0;
		return store_fail(st, c->rc, err);
	}
	*items = v;
	return IPW_OK;
}

int store_scan_begin(struct store *st, int64_t after_id, struct store_scan **out,
		     struct ipw_error *err)
{
	struct store_scan *sc = xcalloc(1, sizeof(*sc));
	sc->st = st;
	/* Who wrote each answer is left out (NULL): a listing never shows it,
	 * and copying it was a sixth of the scan. */
	int r = cursor_open(st, &sc->answers,
			    "SELECT path, value, revision, NULL, updated, draft, case_id "
			    "FROM answers WHERE case_id > ?1 ORDER BY case_id, path",
			    &store_answer_rows, 6, after_id, err);
	if (r == IPW_OK)
		r = cursor_open(st, &sc->evidence,
				"SELECT " STORE_EVIDENCE_COLUMNS ", case_id FROM evidence "
				"WHERE case_id > ?1 ORDER BY case_id, field, position, id",
				&store_evidence_rows, 15, after_id, err);
	if (r != IPW_OK) {
		store_scan_end(sc);
		sc = NULL;
	}
	*out = sc;
	return r;
}

int store_scan_case(struct store_scan *sc, int64_t case_id, struct answer_row **a, size_t *na,
		    struct evidence_row **e, size_t *ne, struct ipw_error *err)
{
	void *av = NULL, *ev = NULL;
	int r = cursor_take(sc->st, &sc->answers, case_id, &av, na, err);
	if (r == IPW_OK &&
	    (r = cursor_take(sc->st, &sc->evidence, case_id, &ev, ne, err)) != IPW_OK) {
		answer_rows_free(av, *na);
		av = NULL;
		*na = 0;
	}
	*a = av;
	*e = ev;
	return r;
}

void store_scan_end(struct store_scan *sc)
{
	if (!sc)
		return;
	store_release(sc->st, sc->answers.s);
	store_release(sc->st, sc->evidence.s);
	free(sc);
}
