/* SPDX-License-Identifier: GPL-3.0-or-later */
/* case_walk.h — the cases of a database with their answers, for the
 * listings (`ipwiz list`, the wizard's home). One snapshot, each flow
 * loaded once, the answers and evidence tables each read once: 10,000
 * cases list in tens of milliseconds instead of seconds. */
#ifndef IPWIZ_CASE_WALK_H
#define IPWIZ_CASE_WALK_H

#include <stddef.h>

#include "record/record.h"
#include "case_db.h"
#include "session.h"

/* Called for v[i]; s is NULL when the case's flow is not installed. The
 * session lives for the call only. */
typedef void (*case_walk_fn)(size_t i, const struct case_row *c, const struct session *s,
			     void *ctx);

/* Read the cases of db (case_db_list's after_id and limit) into *v, *n and
 * call fn for each, in id order, all in one snapshot. When a read fails
 * half-way, fn has seen the cases before it; the caller drops what it
 * gathered and reports err. The rows are the caller's (case_rows_free). */
int case_walk(struct case_db *db, int64_t after_id, size_t limit, struct case_row **v, size_t *n,
	      case_walk_fn fn, void *ctx, struct ipw_error *err);

#endif
