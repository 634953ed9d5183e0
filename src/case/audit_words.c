/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit_words.c — the audit trail in its reader's words. The trail stores
 * ids ("answer platform", "alibaba_com", "rejected 2026-11-23") so that it
 * reads the same whoever wrote it and in whatever language; this is the one
 * place that turns them into what a seller reads in `ipwiz history`. The
 * vocabulary of `what` is the store's and the session's (store_*.c,
 * deadline_submission.c, evidence_case.c, case_db.c, export.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "audit_words.h"
#include "case_db.h"

/* The rest of what after "prefix " ("answer " → the path), or NULL. */
static const char *after(const char *what, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(what, prefix, n) == 0 && what[n] == ' ' && what[n + 1] ? what + n + 1 : NULL;
}

/* A field as a reader finds it: its label, and the path `ipwiz set` takes. */
static char *field_words(const struct flow *flow, const char *path)
{
	const struct flow_field *f = flow ? flow_find_field(flow, path) : NULL;
	if (!f || !f->label)
		return xstrdup(path);
	/* TRANSLATORS: a field in the history: its label, then the field id
	 * `ipwiz set` takes, as in “Complaint number” (complaint_number). */
	return xasprintf(_("“%s” (%s)"), flow_tr(f->label), path);
}

static char *step_words(const struct flow *flow, const char *id)
{
	const struct flow_step *st = flow && id ? flow_find_step(flow, id) : NULL;
	return st && st->title ? xstrdup(flow_tr(st->title)) : id ? xstrdup(id) : NULL;
}

static char *status_words(const char *status)
{
	return status ? xstrdup(case_status_name(status)) : NULL;
}

/* "DATE chance N" or "DATE" (deadline_submission.c). */
static char *submitted_words(const char *v)
{
	int chance = 0;
	char date[11];
	if (v && sscanf(v, "%10s chance %d", date, &chance) == 2 && chance > 0)
		/* TRANSLATORS: a submission in the history: its date and chance. */
		return xasprintf(_("%s, chance %d"), date, chance);
	return v ? xstrdup(v) : NULL;
}

/* "OUTCOME DATE" (deadline_submission.c): the outcome by its label. */
static char *reply_words(const struct flow *flow, const char *v)
{
	const char *sp = v ? strrchr(v, ' ') : NULL;
	if (!sp || !flow)
		return v ? xstrdup(v) : NULL;
	char *id = xstrndup(v, (size_t)(sp - v));
	const struct flow_outcome *o = flow_find_outcome(flow, id);
	char *out = o && o->label ? xasprintf("%s, %s", flow_tr(o->label), sp + 1) : xstrdup(v);
	free(id);
	return out;
}

/* "FILE: VERDICT" (store_evidence.c): the verdict in words. The file
 * name may hold ": " itself, so the verdict is what follows the last. */
static char *evidence_words(const char *v)
{
	const char *colon = NULL;
	for (const char *p = v; p && (p = strstr(p, ": ")); p += 2)
		colon = p;
	if (!colon)
		return v ? xstrdup(v) : NULL;
	enum evidence_verdict verdict = evidence_verdict_parse(colon + 2);
	if (strcmp(evidence_verdict_name(verdict), colon + 2) != 0)
		return xstrdup(v);
	return xasprintf("%.*s: %s", (int)(colon - v), v, evidence_verdict_word(verdict));
}

/* How someone else read the case ("show", "check" …: case_db_record_read). */
static char *read_words(const char *how)
{
	/* TRANSLATORS: how a case was read, as in "with `ipwiz show`". */
	return how ? xasprintf(_("with `ipwiz %s`"), how) : NULL;
}

/* An answer's value: a choice by its label, yes and no as words. */
static char *answer_words(const struct flow *flow, const char *path, const char *v)
{
	const struct flow_field *f = flow ? flow_find_field(flow, path) : NULL;
	return flow_answer_text(f, v, ANSWER_ON_SCREEN);
}

static char *copy(const char *v)
{
	return v ? xstrdup(v) : NULL;
}

void audit_words_of(const struct flow *flow, const struct audit_row *a, struct audit_words *out)
{
	const char *what = a->what ? a->what : "";
	const char *old = a->old_value, *new = a->new_value, *rest;
	*out = (struct audit_words){0};
	if ((rest = after(what, "answer"))) {
		char *field = field_words(flow, rest);
		/* TRANSLATORS: an answer changed, as in answer “Title” (title). */
		out->what = xasprintf(_("answer %s"), field);
		free(field);
		out->old_value = answer_words(flow, rest, old);
		out->new_value = answer_words(flow, rest, new);
		out->change = true;
	} else if ((rest = after(what, "evidence"))) {
		char *field = field_words(flow, rest);
		out->what = xasprintf(_("evidence %s"), field);
		free(field);
		out->old_value = evidence_words(old);
		out->new_value = evidence_words(new);
		out->change = true;
	} else if ((rest = after(what, "note"))) {
		if (strcmp(rest, "-") == 0) { /* `ipwiz note CASE - TEXT` */
			out->what = xstrdup(_("note on the whole case"));
		} else {
			char *field = field_words(flow, rest);
			out->what = xasprintf(_("note on %s"), field);
			free(field);
		}
		out->new_value = copy(new);
	} else if (strcmp(what, "case created") == 0) {
		out->what = xstrdup(_("case created"));
		out->new_value = flow && new &&strcmp(new, flow->id) == 0
				     ? xasprintf(_("%s (%s)"), flow_tr(flow->title), new)
				     : copy(new);
	} else if (strcmp(what, "case copied") == 0) {
		/* TRANSLATORS: followed by the case it was copied from, "#12". */
		out->what = xasprintf(_("case copied from %s"), old ? old : "?");
	} else if (strcmp(what, "case deleted") == 0) {
		out->what = xstrdup(_("case deleted"));
	} else if (strcmp(what, "step") == 0) {
		out->what = xstrdup(_("step"));
		out->old_value = step_words(flow, old);
		out->new_value = step_words(flow, new);
		out->change = true;
	} else if (strcmp(what, "title") == 0) {
		out->what = xstrdup(_("title"));
		out->old_value = copy(old);
		out->new_value = copy(new);
		out->change = true;
	} else if (strcmp(what, "status") == 0) {
		out->what = xstrdup(_("status"));
		out->old_value = status_words(old);
		out->new_value = status_words(new);
		out->change = true;
	} else if (strcmp(what, "submitted") == 0) {
		out->what = xstrdup(_("submitted"));
		out->new_value = submitted_words(new);
	} else if (strcmp(what, "reply") == 0) {
		out->what = xstrdup(_("the platform replied"));
		out->new_value = reply_words(flow, new);
	} else if (strcmp(what, "read") == 0) {
		out->what = xstrdup(_("read the case"));
		out->new_value = read_words(new);
	} else if (strcmp(what, "acknowledged") == 0) {
		out->what = xstrdup(_("finding acknowledged"));
		out->new_value = copy(new);
	} else if (strcmp(what, "export") == 0) {
		out->what = xstrdup(_("exported to"));
		out->new_value = copy(new);
	} else if (strcmp(what, "export --force") == 0) {
		out->what = xstrdup(_("exported despite these problems (--force)"));
		out->new_value = copy(new);
	} else {
		/* Written by a newer version: as it is. */
		out->what = xstrdup(what);
		out->old_value = copy(old);
		out->new_value = copy(new);
		out->change = old || new;
	}
}

void audit_words_clear(struct audit_words *w)
{
	free(w->what);
	free(w->old_value);
	free(w->new_value);
	*w = (struct audit_words){0};
}
