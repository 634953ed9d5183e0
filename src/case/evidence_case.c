/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_case.c — evidence_check in the context of a case: duplicates
 * within a field, and recording the verdict (rejected files included, so
 * the checklist shows them until they are replaced or removed). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "store/store.h"
#include "case_internal.h"
#include "evidence_case.h"

const struct evidence_row *evidence_case_find(const struct session *s, const char *field,
					      const char *path)
{
	size_t n;
	const struct evidence_row *v = session_evidence(s, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].field, field) == 0 && v[i].path && strcmp(v[i].path, path) == 0)
			return &v[i];
	return NULL;
}

/* Another usable file of this field with the same bytes. */
static const struct evidence_row *find_twin(const struct session *s, const char *field,
					    const char *path, const char *sha256)
{
	size_t n;
	const struct evidence_row *v = session_evidence(s, &n);
	for (size_t i = 0; i < n && sha256[0]; i++)
		if (strcmp(v[i].field, field) == 0 && v[i].sha256 &&
		    strcmp(v[i].sha256, sha256) == 0 && v[i].path && strcmp(v[i].path, path) != 0 &&
		    evidence_verdict_usable(v[i].verdict))
			return &v[i];
	return NULL;
}

/* What the worker found in a file is kept in the case database by the
 * file's SHA-256: every later check of the same bytes (`ipwiz check`, the
 * submission screen, export) is a hash and a lookup instead of a decode
 * and OCR. A store that cannot be written (a watcher's read-only copy, a
 * busy database) only means the file is read again next time. */
struct memory {
	const struct session *s;
	struct store *st;
	struct ack_row *acks; /* this case's acknowledged findings */
	size_t nacks;
};

static bool stored_get(void *ctx, const char *sha256, const char *reader, char **found, char **text)
{
	struct memory *m = ctx;
	struct ipw_error err = {0};
	return store_reading_get(m->st, sha256, reader, found, text, &err) == IPW_OK && *found;
}

static void stored_put(void *ctx, const char *sha256, const char *reader, const char *found,
		       const char *text)
{
	struct memory *m = ctx;
	struct ipw_error err = {0};
	(void)store_reading_put(m->st, sha256, reader, found, text, &err);
}

/* The hash of the file at path as this case last recorded it, at this
 * size and time (in any field). */
static bool recorded(void *ctx, const char *path, uint64_t size, int64_t mtime, char sha256[65])
{
	const struct memory *m = ctx;
	size_t n;
	const struct evidence_row *v = session_evidence(m->s, &n);
	for (size_t i = 0; i < n; i++)
		if (v[i].path && strcmp(v[i].path, path) == 0 && v[i].sha256 && v[i].sha256[0] &&
		    v[i].size >= 0 && (uint64_t)v[i].size == size && v[i].mtime == mtime) {
			snprintf(sha256, 65, "%s", v[i].sha256);
			return true;
		}
	return false;
}

static bool stored_ack(void *ctx, const char *sha256, const char *key, unsigned page)
{
	const struct memory *m = ctx;
	for (size_t i = 0; i < m->nacks; i++)
		if (m->acks[i].page == page && m->acks[i].sha256 && m->acks[i].finding &&
		    strcmp(m->acks[i].sha256, sha256) == 0 && strcmp(m->acks[i].finding, key) == 0)
			return true;
	return false;
}

/* The file judged under the field: the bytes of was again, from their
 * stored reading, when was is given and that reading suffices; else the
 * file as it is now. Then whether it duplicates another file of the field. */
static int judge(const struct session *s, const char *field, const char *path,
		 const struct evidence_result *was, struct evidence_result *res,
		 struct ipw_error *err)
{
	const struct flow_field *f = flow_find_field(session_flow(s), field);
	if (!f || f->type != FIELD_EVIDENCE)
		return ipw_error_set(err, IPW_EUSAGE,
				     _("This flow has no field for files named “%s”."), field);
	struct memory m = {.s = s, .st = session_store(s)};
	struct ipw_error ack_err = {0};
	if (store_acks_list(m.st, session_case_id(s), &m.acks, &m.nacks, &ack_err) != IPW_OK) {
		m.acks = NULL; /* none known: the findings stay open */
		m.nacks = 0;
	}
	const struct evidence_cache cache = {&m, stored_get, stored_put, stored_ack, recorded};
	int r = IPW_OK;
	if (!was || !evidence_check_again(path, &f->evidence, session_env(s), &cache, was, res))
		r = evidence_check_read(path, &f->evidence, session_env(s), &cache, res, err);
	ack_rows_free(m.acks, m.nacks);
	if (r != IPW_OK || (res->verdict != EVIDENCE_OK && res->verdict != EVIDENCE_WARN))
		return r;
	const struct evidence_row *twin = find_twin(s, field, path, res->sha256);
	if (!twin)
		return r;
	const char *slash = strrchr(twin->path, '/');
	char *name = utf8_sanitize(slash ? slash + 1 : twin->path);
	res->verdict = EVIDENCE_WARN;
	snprintf(res->key, sizeof(res->key), "duplicate");
	snprintf(res->message, sizeof(res->message),
		 _("This file has the same content as “%s”, already attached here."), name);
	snprintf(res->fix, sizeof(res->fix), "%s",
		 _("Nothing to do if that is on purpose; otherwise attach the document you "
		   "meant."));
	free(name);
	return r;
}

int evidence_case_check(const struct session *s, const char *field, const char *path,
			struct evidence_result *res, struct ipw_error *err)
{
	return judge(s, field, path, NULL, res, err);
}

enum evidence_recheck evidence_case_recheck(const struct session *s, const struct evidence_row *e,
					    struct evidence_result *res)
{
	memset(res, 0, sizeof(*res));
	if (!evidence_verdict_usable(e->verdict))
		return RECHECK_NOT_USABLE;
	struct ipw_error err = {0};
	if (evidence_rehash(e->path, e->size, res, &err) != IPW_OK)
		return RECHECK_GONE;
	if (!e->sha256 || strcmp(res->sha256, e->sha256) != 0)
		return RECHECK_CHANGED;
	char was[65];
	memcpy(was, res->sha256, sizeof(was));
	if (evidence_case_check(s, e->field, e->path, res, &err) != IPW_OK)
		return RECHECK_SAME; /* the checker could not run: what was recorded stands */
	if (strcmp(res->sha256, was) != 0)
		return RECHECK_CHANGED; /* it changed between the two reads */
	/* The first of two equal files is not the duplicate: only the later
	 * one was flagged when it was attached. */
	bool twin = strcmp(res->key, "duplicate") == 0;
	bool usable = evidence_verdict_usable(res->verdict);
	if (!usable || (!twin && strcmp(res->key, e->message_key ? e->message_key : "") != 0))
		return RECHECK_JUDGED;
	return RECHECK_SAME;
}

bool evidence_recheck_blocks(enum evidence_recheck r, const struct evidence_result *res)
{
	switch (r) {
	case RECHECK_NOT_USABLE:
	case RECHECK_CHANGED:
	case RECHECK_GONE:
		return true;
	case RECHECK_JUDGED:
		return !evidence_verdict_usable(res->verdict);
	case RECHECK_SAME:
		break;
	}
	return false;
}

int evidence_case_acknowledge(struct session *s, const struct evidence_row *e,
			      const struct evidence_finding *f, struct ipw_error *err)
{
	if (!e->sha256 || !*e->sha256)
		return ipw_error_set(err, IPW_EUSER, "%s",
				     _("This file has not been checked: attach it again first."));
	const char *slash = strrchr(e->path, '/');
	char *name = utf8_sanitize(slash ? slash + 1 : e->path);
	/* The audit row says which finding of which file, in words that do not
	 * depend on the language it was shown in. */
	char *what = f->page ? xasprintf("%s: %s, page %u, %s", e->field, f->key, f->page, name)
			     : xasprintf("%s: %s, %s", e->field, f->key, name);
	free(name);
	int r = store_ack_add(session_store(s), session_case_id(s), e->sha256, f->key, f->page,
			      what, err);
	free(what);
	if (r != IPW_OK)
		return r;
	/* The recorded verdict follows: with no finding left open the file is
	 * ok again. */
	char *field = xstrdup(e->field), *path = xstrdup(e->path);
	struct evidence_result res;
	struct ipw_error cerr = {0};
	if (evidence_case_check(s, field, path, &res, &cerr) == IPW_OK &&
	    evidence_verdict_usable(res.verdict))
		r = evidence_case_record(s, field, path, &res, err);
	free(field);
	free(path);
	return r;
}

/* The verdict in every language ipwiz speaks, so whoever reads the case
 * later (a coach in English, the case's Chinese manifest) reads it in their
 * own words, whoever attached the file. The bytes just judged are judged
 * again in each language from the reading stored under their hash — a
 * lookup: no decode, no OCR, and the file is not read again (hashing an A4
 * scan once per language cost more than the rest of recording it). A
 * reading that cannot give the whole judgement (none stored, a format whose
 * structure check reads the file) has the file judged as it is now. Left
 * out (its reader gets the words as recorded): a file that could not be
 * checked (nothing was stored, so it would be read again), and a language
 * whose judgement differs (the file changed meanwhile). */
static void said_everywhere(const struct session *s, const char *field, const char *path,
			    const struct evidence_result *res, struct evidence_row *e)
{
	size_t n;
	const char *const *langs = i18n_spoken(&n);
	e->said = xcalloc(n, sizeof(*e->said));
	for (size_t i = 0; i < n; i++) {
		struct evidence_said *one = &e->said[e->nsaid];
		if (strcmp(langs[i], i18n_language()) == 0) {
			one->message = xstrdup(res->message);
			one->fix = xstrdup(res->fix);
		} else if (res->verdict != EVIDENCE_ERROR) {
			struct evidence_result *again = xmalloc(sizeof(*again));
			struct ipw_error err = {0};
			char *saved = i18n_document_begin(langs[i]);
			int r = judge(s, field, path, res, again, &err);
			i18n_document_end(saved);
			if (r == IPW_OK && again->verdict == res->verdict &&
			    strcmp(again->key, res->key) == 0) {
				one->message = xstrdup(again->message);
				one->fix = xstrdup(again->fix);
			}
			free(again);
		}
		if (one->message) {
			snprintf(one->lang, sizeof(one->lang), "%s", langs[i]);
			e->nsaid++;
		}
	}
}

int evidence_case_record(struct session *s, const char *field, const char *path,
			 const struct evidence_result *res, struct ipw_error *err)
{
	const struct evidence_row *old = evidence_case_find(s, field, path);
	struct evidence_row e = {
	    .id = old ? old->id : 0,
	    .field = (char *)field,
	    .path = (char *)path,
	    .size = (int64_t)res->size,
	    .mtime = res->mtime,
	    .sha256 = (char *)res->sha256,
	    .mime = (char *)res->mime,
	    .verdict = res->verdict,
	    .message_key = (char *)res->key,
	    .message = (char *)res->message,
	    .fix = (char *)res->fix,
	    .ext = (char *)res->ext,
	    .checked_at = (int64_t)time(NULL),
	};
	said_everywhere(s, field, path, res, &e);
	struct store *st = session_store(s);
	int r = old ? store_evidence_update(st, session_case_id(s), &e, err)
		    : store_evidence_add(st, session_case_id(s), &e, NULL, err);
	evidence_said_free(e.said, e.nsaid);
	if (r == IPW_OK)
		r = session_reload_evidence(s, err);
	return r;
}

int evidence_case_remove(struct session *s, int64_t id, struct ipw_error *err)
{
	int r = store_evidence_remove(session_store(s), session_case_id(s), id, err);
	if (r == IPW_OK)
		r = session_reload_evidence(s, err);
	return r;
}
