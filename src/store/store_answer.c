/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_answer.c — answers with compare-and-set on their revision, so two
 * people on one case never silently overwrite each other. A cleared answer
 * stays as a row with no value: its revision (and who cleared it) is what
 * the next writer must have seen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "store_internal.h"

static void read_answer(sqlite3_stmt *s, void *item)
{
	struct answer_row *a = item;
	a->path = store_column_text(s, 0);
	a->value = store_column_text(s, 1);
	a->revision = sqlite3_column_int64(s, 2);
	a->actor = store_column_text(s, 3);
	a->updated = sqlite3_column_int64(s, 4);
	a->draft = sqlite3_column_int(s, 5) != 0;
}

static void drop_answers(void *v, size_t n)
{
	answer_rows_free(v, n);
}

const struct store_rowset store_answer_rows = {sizeof(struct answer_row), read_answer,
					       drop_answers};

int store_answers_get(struct store *st, int64_t case_id, struct answer_row **v, size_t *n,
		      struct ipw_error *err)
{
	void *items;
	int r = store_case_rows(st,
				"SELECT " STORE_ANSWER_COLUMNS " FROM answers "
				"WHERE case_id = ? ORDER BY path",
				case_id, &store_answer_rows, &items, n, err);
	*v = items;
	return r;
}

/* The row as it is now, inside the write transaction. */
static int current(struct store *st, int64_t case_id, const char *path, struct answer_conflict *now,
		   struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r = store_prepare(st,
			      "SELECT value, revision, actor, updated FROM answers "
			      "WHERE case_id = ? AND path = ?",
			      &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, path);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		now->value = store_column_text(s, 0);
		now->revision = sqlite3_column_int64(s, 1);
		now->actor = store_column_text(s, 2);
		now->when = sqlite3_column_int64(s, 3);
	} else if (rc != SQLITE_DONE) {
		r = store_fail(st, rc, err);
	}
	store_release(st, s);
	return r;
}

/* Write one answer row and its audit row (inside a transaction). */
static int write_row(struct store *st, int64_t case_id, const char *path, const char *old,
		     const char *value, bool draft, int64_t rev, struct ipw_error *err)
{
	sqlite3_stmt *s = NULL;
	int r =
	    store_prepare(st,
			  "INSERT INTO answers (case_id, path, value, revision, actor, updated, "
			  "draft) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, path) DO "
			  "UPDATE SET value = excluded.value, revision = excluded.revision, "
			  "actor = excluded.actor, updated = excluded.updated, "
			  "draft = excluded.draft",
			  &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, path);
	store_bind_text(s, 3, value);
	sqlite3_bind_int64(s, 4, rev);
	store_bind_text(s, 5, st->actor);
	sqlite3_bind_int64(s, 6, store_now());
	sqlite3_bind_int(s, 7, draft && value);
	char *what = xasprintf("answer %s", path);
	r = store_step_audited(st, s, case_id, what, old, value, err);
	store_release(st, s);
	free(what);
	return r;
}

int store_answer_write(struct store *st, int64_t case_id, const char *path, const char *value,
		       struct ipw_error *err)
{
	struct answer_conflict now = {0};
	int r = current(st, case_id, path, &now, err);
	bool same = (!now.value && !value) || (now.value && value && strcmp(now.value, value) == 0);
	if (r == IPW_OK && !same)
		r = write_row(st, case_id, path, now.value, value, false, now.revision + 1, err);
	answer_conflict_clear(&now);
	return r;
}

static int conflict_error(const char *path, const struct answer_conflict *c, struct ipw_error *err)
{
	char when[32] = "?";
	time_t t = (time_t)c->when;
	struct tm tm;
	if (c->when && gmtime_r(&t, &tm))
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
	return ipw_error_set(err, IPW_ECONFLICT,
			     _("“%s” was changed by %s at %s while you were editing it; nothing "
			       "was overwritten."),
			     path, c->actor ? c->actor : "?", when);
}

int store_answer_put(struct store *st, int64_t case_id, const char *path, const char *value,
		     bool draft, int64_t expected_rev, int64_t *new_rev,
		     struct answer_conflict *conflict, struct ipw_error *err)
{
	struct answer_conflict now = {0};
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) != IPW_OK ||
	    (r = current(st, case_id, path, &now, err)) != IPW_OK)
		goto end;
	if (now.revision != expected_rev) {
		store_rollback(st);
		r = conflict_error(path, &now, err);
		if (conflict)
			*conflict = now; /* the caller owns it now */
		else
			answer_conflict_clear(&now);
		return r;
	}
	if ((r = write_row(st, case_id, path, now.value, value, draft, now.revision + 1, err)) ==
	    IPW_OK)
		r = store_case_touch(st, case_id, err);
end:
	if ((r = store_end(st, r, err)) == IPW_OK && new_rev)
		*new_rev = now.revision + 1;
	answer_conflict_clear(&now);
	return r;
}

int store_answers_put_all(struct store *st, int64_t case_id, const struct answer_write *w, size_t n,
			  int64_t *new_revs, struct answer_conflict *conflict,
			  struct ipw_error *err)
{
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	r = store_case_check(st, case_id, err);
	for (size_t i = 0; r == IPW_OK && i < n; i++) {
		struct answer_conflict now = {0};
		if ((r = current(st, case_id, w[i].path, &now, err)) != IPW_OK)
			break;
		if (now.revision != w[i].expected) {
			r = conflict_error(w[i].path, &now, err);
			if (conflict)
				*conflict = now; /* the caller owns it now */
			else
				answer_conflict_clear(&now);
			break;
		}
		r = write_row(st, case_id, w[i].path, now.value, w[i].value, w[i].draft,
			      now.revision + 1, err);
		if (r == IPW_OK && new_revs)
			new_revs[i] = now.revision + 1;
		answer_conflict_clear(&now);
	}
	if (r == IPW_OK)
		r = store_case_touch(st, case_id, err);
	return store_end(st, r, err);
}

/* ---- moving a list item's answers ---- */

struct row {
	char *suffix, *value;
	int64_t revision;
	bool draft;
};

static void rows_free(struct row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].suffix);
		free(v[i].value);
	}
	free(v);
}

static void read_row(sqlite3_stmt *s, void *item)
{
	struct row *w = item;
	w->suffix = store_column_text(s, 0);
	w->value = store_column_text(s, 1);
	w->revision = sqlite3_column_int64(s, 2);
	w->draft = sqlite3_column_int(s, 3) != 0;
}

static void drop_rows(void *v, size_t n)
{
	rows_free(v, n);
}

static const struct store_rowset moved_rows = {sizeof(struct row), read_row, drop_rows};

/* Every live answer under prefix, keyed by what follows the prefix. */
static int rows_under(struct store *st, int64_t case_id, const char *prefix, struct row **v,
		      size_t *n, struct ipw_error *err)
{
	*v = NULL;
	*n = 0;
	sqlite3_stmt *s = NULL;
	void *items;
	int r =
	    store_prepare(st,
			  "SELECT substr(path, length(?2) + 1), value, revision, draft "
			  "FROM answers WHERE case_id = ?1 AND substr(path, 1, length(?2)) = ?2 "
			  "AND value IS NOT NULL ORDER BY path",
			  &s, err);
	if (r != IPW_OK)
		return r;
	sqlite3_bind_int64(s, 1, case_id);
	store_bind_text(s, 2, prefix);
	r = store_rows(st, s, &moved_rows, &items, n, err);
	*v = items;
	return r;
}

static const struct row *find_row(const struct row *v, size_t n, const char *suffix)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].suffix, suffix) == 0)
			return &v[i];
	return NULL;
}

/* Set prefix+suffix to value, one revision past whatever is there. */
static int overwrite(struct store *st, int64_t case_id, const char *prefix, const char *suffix,
		     const char *value, bool draft, struct ipw_error *err)
{
	char *path = xasprintf("%s%s", prefix, suffix);
	struct answer_conflict now = {0};
	int r = current(st, case_id, path, &now, err);
	bool same = (!now.value && !value) || (now.value && value && strcmp(now.value, value) == 0);
	if (r == IPW_OK && !same)
		r = write_row(st, case_id, path, now.value, value, draft, now.revision + 1, err);
	answer_conflict_clear(&now);
	free(path);
	return r;
}

static int move_rows(struct store *st, int64_t case_id, const char *from, const char *to,
		     struct ipw_error *err)
{
	struct row *src = NULL, *dst = NULL;
	size_t nsrc = 0, ndst = 0;
	int r = rows_under(st, case_id, from, &src, &nsrc, err);
	if (r == IPW_OK && to)
		r = rows_under(st, case_id, to, &dst, &ndst, err);
	/* The destination ends up holding exactly what the source held. */
	for (size_t i = 0; r == IPW_OK && i < ndst; i++)
		if (!find_row(src, nsrc, dst[i].suffix))
			r = overwrite(st, case_id, to, dst[i].suffix, NULL, false, err);
	for (size_t i = 0; r == IPW_OK && to && i < nsrc; i++)
		r = overwrite(st, case_id, to, src[i].suffix, src[i].value, src[i].draft, err);
	for (size_t i = 0; r == IPW_OK && i < nsrc; i++)
		r = overwrite(st, case_id, from, src[i].suffix, NULL, false, err);
	rows_free(src, nsrc);
	rows_free(dst, ndst);
	return r;
}

int store_answers_rename_prefix(struct store *st, int64_t case_id, const char *from, const char *to,
				struct ipw_error *err)
{
	size_t nf = strlen(from), nt = to ? strlen(to) : 0;
	if (!nf || (to && (strncmp(from, to, nf < nt ? nf : nt) == 0)))
		return ipw_error_set(
		    err, IPW_EUSAGE,
		    _("Cannot move the answers under “%s” to “%s”: one lies inside "
		      "the other."),
		    from, to ? to : "");
	int r = store_begin(st, err);
	if (r != IPW_OK)
		return r;
	if ((r = store_case_check(st, case_id, err)) == IPW_OK &&
	    (r = move_rows(st, case_id, from, to, err)) == IPW_OK)
		r = store_case_touch(st, case_id, err);
	return store_end(st, r, err);
}
