/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case_walk.c — see case_walk.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "store/store.h"
#include "case_internal.h"
#include "case_walk.h"

/* Flows by id, each loaded at its first case; a flow that is not installed
 * is remembered as missing, not looked for again. */
struct flow_cache_entry {
	char *id;
	struct flow *flow; /* NULL: not installed */
};

struct flow_cache {
	struct flow_cache_entry *v;
	size_t n;
};

static struct flow *cache_get(struct flow_cache *fc, const char *id)
{
	for (size_t i = 0; i < fc->n; i++)
		if (strcmp(fc->v[i].id, id) == 0)
			return fc->v[i].flow;
	struct ipw_error err = {0};
	struct flow *f = catalog_load_installed(id, &err);
	fc->v = xreallocarray(fc->v, fc->n + 1, sizeof(*fc->v));
	fc->v[fc->n++] = (struct flow_cache_entry){xstrdup(id), f};
	return f;
}

void flow_cache_free(struct flow_cache *fc)
{
	if (!fc)
		return;
	for (size_t i = 0; i < fc->n; i++) {
		free(fc->v[i].id);
		flow_free(fc->v[i].flow);
	}
	free(fc->v);
	free(fc);
}

/* The cases of v with their rows, each table read once in case order. */
static int walk_rows(struct store *st, struct flow_cache *fc, const struct case_row *v, size_t n,
		     case_walk_fn fn, void *ctx, struct ipw_error *err)
{
	struct store_scan *sc = NULL;
	int r = store_scan_begin(st, n ? v[0].id - 1 : 0, &sc, err);
	for (size_t i = 0; r == IPW_OK && i < n; i++) {
		struct answer_row *a = NULL;
		struct evidence_row *e = NULL;
		size_t na = 0, ne = 0;
		if ((r = store_scan_case(sc, v[i].id, &a, &na, &e, &ne, err)) != IPW_OK)
			break;
		struct flow *f = cache_get(fc, v[i].flow_id);
		if (!f) {
			answer_rows_free(a, na);
			evidence_rows_free(e, ne);
			fn(i, &v[i], NULL, ctx);
			continue;
		}
		struct session *s = session_from_rows(st, f, &v[i], a, na, e, ne);
		fn(i, &v[i], s, ctx);
		session_free(s);
	}
	store_scan_end(sc);
	return r;
}

int case_walk(struct case_db *db, int64_t after_id, size_t limit, struct case_row **v, size_t *n,
	      case_walk_fn fn, void *ctx, struct ipw_error *err)
{
	struct store *st = case_db_store(db);
	struct flow_cache **fc = case_db_flows(db);
	if (!*fc)
		*fc = xcalloc(1, sizeof(**fc));
	*v = NULL;
	*n = 0;
	int r = store_read_begin(st, err);
	if (r == IPW_OK && (r = store_case_page(st, after_id, limit, v, n, err)) == IPW_OK)
		r = walk_rows(st, *fc, *v, *n, fn, ctx, err);
	store_read_end(st);
	return r;
}
