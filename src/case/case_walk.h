/* case_walk.h — every case of the database with its answers, for the
 * listings (`ipwiz list`, the wizard's home). One snapshot, each flow
 * loaded once, the answers and evidence tables each read once: 10,000
 * cases list in tens of milliseconds instead of seconds. */
#ifndef IPWIZ_CASE_WALK_H
#define IPWIZ_CASE_WALK_H

#include <stddef.h>

#include "store/store.h"
#include "session.h"

/* Called for v[i]; s is NULL when the case's flow is not installed. The
 * session lives for the call only. */
typedef void (*case_walk_fn)(size_t i, const struct case_row *c, const struct session *s,
			     void *ctx);

/* Call fn for each of the n cases of v, in order. v is store_case_list's
 * (cases in id order), read in the same snapshot as the walk: call both
 * between store_read_begin and store_read_end (store_read.h). When a read
 * fails half-way, fn has seen the cases before it; the caller drops
 * what it gathered and reports err. */
int case_walk(struct store *st, const struct case_row *v, size_t n, case_walk_fn fn, void *ctx,
	      struct ipw_error *err);

#endif
