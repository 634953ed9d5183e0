/* SPDX-License-Identifier: GPL-3.0-or-later */
/* answers.h — a case's answers in memory: path → value, revision, draft flag,
 * kept sorted by path so lookups are O(log n) and "products.*" items are
 * contiguous. Owned by the session; filled from the store. */
#ifndef IPWIZ_ANSWERS_H
#define IPWIZ_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct answer {
	char *path;
	char *value;
	int64_t revision;
	int64_t updated;
	bool draft;
};

struct answers {
	struct answer *v;
	size_t n, cap;
};

void answers_clear(struct answers *a);
struct answer *answers_find(const struct answers *a, const char *path);
/* Insert or replace; value NULL removes the value but keeps the revision
 * (a cleared answer still has a history the next write must match). */
struct answer *answers_put(struct answers *a, const char *path, const char *value, int64_t revision,
			   int64_t updated, bool draft);
/* answers_put for strings the caller gives away (rows just read from the
 * store): no copies while loading thousands of cases. */
struct answer *answers_adopt(struct answers *a, char *path, char *value, int64_t revision,
			     int64_t updated, bool draft);

#endif
