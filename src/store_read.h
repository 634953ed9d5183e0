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

#endif
