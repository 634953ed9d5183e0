/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c — a flow document for one case: {{field}} tags resolved against the
 * session's answers (list items by #each scope, choices by label, built-ins),
 * every answer escaped for the output so no control character from a
 * seller's typing or a pasted web page reaches a document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "render.h"

char *render_answer(const struct session *s, const char *path, const char *lang)
{
	const char *value = session_get(s, path);
	if (!value)
		return NULL;
	char *saved = i18n_document_begin(lang);
	/* Labels follow the language in effect: the document's, for now. */
	char *text =
	    flow_answer_text(flow_find_field(session_flow(s), path), value, ANSWER_IN_SENTENCE);
	i18n_document_end(saved);
	return text;
}

/* Only files the checker let through are uploaded. */
static bool usable(const struct evidence_row *e)
{
	return evidence_verdict_usable(e->verdict);
}

void render_safe_name(struct strbuf *b, const char *s, size_t max)
{
	for (size_t i = 0; s[i] && i < max; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '_' || c == '-';
		strbuf_addc(b, ok ? c : '-');
	}
}

/* What a copy is called after its number, so the seller sees in the
 * upload dialog what each file is for: the flow's `file_name`; else what
 * it proves (the flow's own words, which are English) as lowercase words
 * joined by dashes, when that is short enough to be whole; else the field
 * id. Never a cut sentence: "genuine-goods-bought-from-the-owner" for goods
 * bought from a distributor says something else. ASCII only: platform
 * forms mangle other names. */
static bool add_slug(struct strbuf *b, const char *proves)
{
	size_t start = b->len;
	bool dash = false;
	for (const char *p = proves ? proves : ""; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == '\'') /* "supplier's" is one word */
			continue;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len > start)
				strbuf_addc(b, '-');
			dash = false;
			strbuf_addc(b, c);
		} else {
			dash = true;
		}
	}
	if (b->len > start && b->len - start <= FLOW_FILE_NAME_MAX)
		return true;
	strbuf_truncate(b, start);
	return false;
}

static void add_copy_name(struct strbuf *b, const struct flow_field *f)
{
	if (f->evidence.file_name) {
		render_safe_name(b, f->evidence.file_name, FLOW_FILE_NAME_MAX);
		return;
	}
	if (add_slug(b, f->evidence.proves))
		return;
	size_t start = b->len;
	render_safe_name(b, f->id, 64);
	for (size_t i = start; i < b->len; i++)
		if (b->s[i] == '_')
			b->s[i] = '-';
}

struct evlist {
	struct render_evidence *v;
	size_t n;
	const struct flow_package *package; /* being taken */
	unsigned number;		    /* the last number given in it */
	const struct evidence_row *rows;
	size_t nrows;
	bool *taken;
};

static void take_field(struct evlist *l, const struct flow_field *f)
{
	/* Rows of one field in their upload position order (few rows: a
	 * selection of the smallest remaining position each time). */
	for (;;) {
		size_t best = l->nrows;
		for (size_t i = 0; i < l->nrows; i++)
			if (!l->taken[i] && strcmp(l->rows[i].field, f->path) == 0 &&
			    usable(&l->rows[i]) &&
			    (best == l->nrows || l->rows[i].position < l->rows[best].position))
				best = i;
		if (best == l->nrows)
			return;
		l->taken[best] = true;
		const struct evidence_row *row = &l->rows[best];
		struct render_evidence *e = &l->v[l->n++];
		e->row = row;
		e->field = f;
		e->package = l->package;
		e->number = ++l->number;
		struct strbuf b;
		strbuf_init(&b);
		if (e->package) {
			render_safe_name(&b, e->package->id, 32);
			strbuf_addc(&b, '-');
		}
		strbuf_addf(&b, "%02u-", e->number);
		add_copy_name(&b, f);
		strbuf_addc(&b, '.');
		render_safe_name(&b, row->ext && *row->ext ? row->ext : "bin", 10);
		e->name = strbuf_detach(&b);
	}
}

/* The fields of the package being taken, in flow order. */
static void take_package(struct evlist *l, const struct session *s, const struct flow *flow)
{
	for (size_t i = 0; i < flow->nsteps; i++) {
		if (!session_step_visible(s, i))
			continue;
		for (size_t j = 0; j < flow->steps[i].nfields; j++) {
			const struct flow_field *f = &flow->steps[i].fields[j];
			/* Evidence is never inside a list (the loader refuses it). */
			if (f->type == FIELD_EVIDENCE && session_field_visible(s, f->path) &&
			    flow_field_package(flow, f) == l->package)
				take_field(l, f);
		}
	}
}

bool render_evidence_in(const struct render_evidence *e, const char *id)
{
	return !id || (e->package && strcmp(e->package->id, id) == 0);
}

struct render_evidence *render_evidence_list(const struct session *s, size_t *n)
{
	const struct flow *flow = session_flow(s);
	struct evlist l = {0};
	l.rows = session_evidence(s, &l.nrows);
	*n = 0;
	if (!l.nrows)
		return NULL;
	l.v = xcalloc(l.nrows, sizeof(*l.v));
	l.taken = xcalloc(l.nrows, sizeof(*l.taken));
	/* No packages: one pass, over every field (packages[0] is not read). */
	size_t npackages = flow->npackages ? flow->npackages : 1;
	for (size_t p = 0; p < npackages; p++) {
		l.package = flow->npackages ? &flow->packages[p] : NULL;
		l.number = 0;
		take_package(&l, s, flow);
	}
	free(l.taken);
	*n = l.n;
	if (!l.n) {
		free(l.v);
		return NULL;
	}
	return l.v;
}

void render_evidence_free(struct render_evidence *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

bool render_document_applies(const struct session *s, const struct flow_document *d)
{
	return !d->when || expr_true(d->when, session_env(s));
}

size_t render_languages(const struct session *s, const char *langs[2])
{
	const struct case_row *c = session_case(s);
	const struct flow *f = session_flow(s);
	const char *own = c && c->lang && *c->lang ? c->lang : "en";
	for (size_t i = 0; i < f->nreview_languages; i++)
		if (strcmp(f->review_languages[i], own) == 0)
			break;
		else if (i + 1 == f->nreview_languages) {
			/* The reviewers' copy is the one to paste: it comes first. */
			langs[0] = f->review_languages[0];
			langs[1] = own;
			return 2;
		}
	langs[0] = own;
	return 1;
}
