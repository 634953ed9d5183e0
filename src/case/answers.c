/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "answers.h"

void answers_clear(struct answers *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].path);
		free(a->v[i].value);
	}
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/* Index of path, or of where it would be inserted (*found false). */
static size_t answers_search(const struct answers *a, const char *path, bool *found)
{
	size_t lo = 0, hi = a->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->v[mid].path, path);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

struct answer *answers_find(const struct answers *a, const char *path)
{
	bool found;
	size_t i = answers_search(a, path, &found);
	return found ? &a->v[i] : NULL;
}

/* The answer at path, made empty when new; *fresh says which. */
static struct answer *slot(struct answers *a, const char *path, bool *fresh)
{
	bool found;
	size_t i = answers_search(a, path, &found);
	*fresh = !found;
	if (!found) {
		if (a->n == a->cap) {
			a->cap = a->cap ? a->cap * 2 : 32;
			a->v = xreallocarray(a->v, a->cap, sizeof(*a->v));
		}
		memmove(&a->v[i + 1], &a->v[i], (a->n - i) * sizeof(*a->v));
		a->n++;
		memset(&a->v[i], 0, sizeof(a->v[i]));
	}
	return &a->v[i];
}

static void set_meta(struct answer *ans, int64_t revision, int64_t updated, bool draft)
{
	ans->revision = revision;
	ans->updated = updated;
	ans->draft = draft;
}

struct answer *answers_put(struct answers *a, const char *path, const char *value, int64_t revision,
			   int64_t updated, bool draft)
{
	bool fresh;
	struct answer *ans = slot(a, path, &fresh);
	if (fresh)
		ans->path = xstrdup(path);
	xstrset(&ans->value, value);
	set_meta(ans, revision, updated, draft);
	return ans;
}

struct answer *answers_adopt(struct answers *a, char *path, char *value, int64_t revision,
			     int64_t updated, bool draft)
{
	bool fresh;
	struct answer *ans = slot(a, path, &fresh);
	if (fresh)
		ans->path = path;
	else
		free(path);
	free(ans->value);
	ans->value = value;
	set_meta(ans, revision, updated, draft);
	return ans;
}
