/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_read.h — several reads as one snapshot. Each store read is its own
 * read transaction, which costs a few lock system calls; a listing that
 * reads every case (`ipwiz list` on 10,000 cases reads 30,000 times) does it
 * once instead. Never hold a snapshot while waiting for a person: it shows
 * old data and keeps the WAL file growing. A write ends the snapshot. */
#ifndef IPWIZ_STORE_READ_H
#define IPWIZ_STORE_READ_H

#include "store.h"

int store_read_begin(struct store *st, struct ipw_error *err);
void store_read_end(struct store *st);

/* Inside a snapshot: the answers and evidence rows of many cases, each
 * table read once in case order, from the first case after after_id (a
 * page of a listing starts at its own cases, not at the database's first).
 * Ask for cases in increasing id order (store_case_page's); a case with no
 * rows gets empty arrays. An answer's
 * actor is not read (NULL). The rows are the caller's (answer_rows_free,
 * evidence_rows_free). */
struct store_scan;
int store_scan_begin(struct store *st, int64_t after_id, struct store_scan **out,
		     struct ipw_error *err);
int store_scan_case(struct store_scan *sc, int64_t case_id, struct answer_row **a, size_t *na,
		    struct evidence_row **e, size_t *ne, struct ipw_error *err);
void store_scan_end(struct store_scan *sc);

#endif
