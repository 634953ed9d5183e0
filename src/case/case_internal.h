/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case_internal.h — what the case folder's files share with each other (and
 * the unit tests, which build sessions over a store of their own): the
 * session over a store, and the store behind a case_db. Front ends use
 * case_db.h and session.h instead. */
#ifndef IPWIZ_CASE_INTERNAL_H
#define IPWIZ_CASE_INTERNAL_H

#include "flow/flow.h"
#include "store/store.h"
#include "case_db.h"
#include "session.h"

struct store *case_db_store(const struct case_db *db);
/* The flows the listings have loaded (case_walk.c), kept while db is open:
 * `ipwiz list` reads 10,000 cases a page at a time, and loading the flow
 * again for every page cost more than reading the answers. */
struct flow_cache;
struct flow_cache **case_db_flows(struct case_db *db);
void flow_cache_free(struct flow_cache *fc);

struct session *session_new(struct store *st, const struct flow *flow, int64_t case_id);
/* Create a case for flow and open it (flow stays the caller's). */
int session_create(struct store *st, const struct flow *flow, const char *title, const char *lang,
		   struct session **out, struct ipw_error *err);
/* Open an existing case (loads its answers; flow stays the caller's). */
int session_open(struct store *st, const struct flow *flow, int64_t case_id, struct session **out,
		 struct ipw_error *err);
/* A case whose row, answers and evidence were already read (a listing of
 * many cases: store_scan); takes the answer and evidence rows, copies the case. */
struct session *session_from_rows(struct store *st, const struct flow *flow,
				  const struct case_row *c, struct answer_row *a, size_t na,
				  struct evidence_row *e, size_t ne);
/* From now on the session frees flow with itself. */
void session_own_flow(struct session *s, struct flow *flow);
struct store *session_store(const struct session *s);

#endif
