/* SPDX-License-Identifier: GPL-3.0-or-later */
/* answers_file.h — the preseed file of `ipwiz fill` (like debconf's):
 *
 *   complaint_number: AB-123          # a field id: its answer
 *   grounds: [genuine, authorised]    # multichoice: a sequence of values
 *   products:                         # list: a sequence of mappings
 *     - {url: "https://…", product_id: "1600"}
 *   truth: yes
 *   truth.name: Li Wei                # a signature
 *
 * Strict and safe on hostile input: at most 1 MiB, no anchors or aliases,
 * nothing nested deeper than the shapes above. */
#ifndef IPWIZ_ANSWERS_FILE_H
#define IPWIZ_ANSWERS_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"

#define ANSWERS_FILE_MAX_BYTES (1024 * 1024)

/* Called for every answer in file order. For a list, first with the list's
 * path and the item count as value ("3"), then each item's sub-answers as
 * "products.1.url". `values` is true when the answer was written as a
 * sequence of values (newline-joined): right for a multichoice, a mistake
 * for a one-line field. Return non-zero to stop. */
typedef int (*answers_file_fn)(const char *path, const char *value, bool values, int line,
			       int column, void *ctx);

/* Parse buf. Returns IPW_OK, or IPW_EUSER with file:line:column in err. */
int answers_file_parse(const char *name, const char *buf, size_t len, answers_file_fn fn, void *ctx,
		       struct ipw_error *err);

/* Read path (size-checked) into a buffer the caller frees. */
int answers_file_read(const char *path, char **buf, size_t *len, struct ipw_error *err);

#endif
