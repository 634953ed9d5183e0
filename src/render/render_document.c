/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render_document.c — answering the template engine's questions from a
 * session: which answer a {{field}} tag means inside its #each blocks, whether
 * an #if holds there, and how many items an #each walks. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "render.h"

struct rctx {
	const struct session *s;
	const struct flow *flow;
	enum doc_format fmt;
	struct render_evidence *ev;
	size_t nev;
	struct deadline_due *dl;
	size_t ndl;
};

/* The answer path ref means in scope: a sub-field of an enclosing list
 * ("url" inside {{#each products}} is products.<index>.url), else ref as a
 * path of its own. Lists of lists are not part of the flow model. */
static char *resolve(const struct rctx *r, const char *ref, const struct template_scope *scope)
{
	for (const struct template_scope *sc = scope; sc; sc = sc->outer) {
		if (template_evidence_list(sc->list, NULL))
			continue;
		char *model = xasprintf("%s.%s", sc->list, ref);
		bool sub = flow_find_field(r->flow, model) != NULL;
		free(model);
		if (sub)
			return xasprintf("%s.%zu.%s", sc->list, sc->index, ref);
	}
	return xstrdup(ref);
}

/* The file the innermost evidence index is at: its index-th in the
 * package it walks (every file for {{#each evidence}}), or NULL. */
static const struct render_evidence *evidence_at(const struct rctx *r,
						 const struct template_scope *scope)
{
	const char *package;
	for (const struct template_scope *sc = scope; sc; sc = sc->outer) {
		if (!template_evidence_list(sc->list, &package))
			continue;
		size_t k = 0;
		for (size_t i = 0; i < r->nev; i++)
			if (render_evidence_in(&r->ev[i], package) && ++k == sc->index)
				return &r->ev[i];
		return NULL;
	}
	return NULL;
}

/* {{number}} {{file}} {{proves}} {{date}} {{field}} {{mime}} {{sha256}}. */
static bool evidence_value(const struct rctx *r, const char *ref,
			   const struct template_scope *scope, struct strbuf *out)
{
	const struct render_evidence *e = evidence_at(r, scope);
	if (!e)
		return false;
	const struct flow_field *f = e->field;
	const char *text = NULL;
	char number[16];
	if (strcmp(ref, "number") == 0) {
		snprintf(number, sizeof(number), "%u", e->number);
		text = number;
	} else if (strcmp(ref, "file") == 0) {
		text = e->name;
	} else if (strcmp(ref, "proves") == 0) {
		text = f ? flow_tr(f->evidence.proves ? f->evidence.proves : f->label) : "";
	} else if (strcmp(ref, "date") == 0) {
		const char *df = f ? f->evidence.date_field : NULL;
		text = df ? session_get(r->s, df) : NULL;
	} else if (strcmp(ref, "field") == 0) {
		text = f ? flow_tr(f->label) : e->row->field;
	} else if (strcmp(ref, "mime") == 0) {
		text = e->row->mime;
	} else if (strcmp(ref, "sha256") == 0) {
		text = e->row->sha256;
	} else {
		return false;
	}
	escape_document(out, text ? text : "", r->fmt, false);
	return true;
}

static bool builtin_value(const struct rctx *r, const char *ref, struct strbuf *out)
{
	const struct case_row *c = session_case(r->s);
	char buf[32];
	const char *text = NULL;
	if (strcmp(ref, "today") == 0) {
		expr_format_date(session_env(r->s)->today, buf);
		text = buf;
	} else if (strcmp(ref, "case.title") == 0) {
		text = c && c->title ? c->title : "";
	} else if (strcmp(ref, "case.id") == 0) {
		snprintf(buf, sizeof(buf), "%lld", (long long)session_case_id(r->s));
		text = buf;
	} else if (strcmp(ref, "flow.title") == 0) {
		text = flow_tr(r->flow->title);
	} else if (strcmp(ref, "flow.platform") == 0) {
		text = r->flow->platform ? r->flow->platform : "";
	} else if (strncmp(ref, "deadline.", 9) == 0) {
		text = "";
		for (size_t i = 0; i < r->ndl; i++)
			if (r->dl[i].state == DEADLINE_DUE &&
			    strcmp(r->dl[i].def->id, ref + 9) == 0) {
				deadline_format(&r->dl[i], buf);
				text = buf;
			}
	} else {
		return false;
	}
	escape_document(out, text, r->fmt, false);
	return true;
}

/* Where the text of the line being written starts: after its leading
 * spaces and a list marker ("- ", "* ", "1. ", "2) "). A multi-line answer
 * continues there, so an item of a list stays one item. */
static size_t hanging_indent(const struct strbuf *out)
{
	size_t start = out->len;
	while (start > 0 && out->s[start - 1] != '\n')
		start--;
	const char *p = out->s + start, *end = out->s + out->len;
	while (p < end && *p == ' ')
		p++;
	const char *q = p;
	if (q < end && (*q == '-' || *q == '*'))
		q++;
	else {
		while (q < end && *q >= '0' && *q <= '9')
			q++;
		if (q > p && q < end && (*q == '.' || *q == ')'))
			q++;
		else
			q = p;
	}
	if (q > p && q < end && *q == ' ')
		p = q + 1;
	return (size_t)(p - (out->s + start));
}

/* A textarea's answer in a document: its line breaks kept, its trailing
 * ones dropped, each further line indented as the text of the line it
 * starts in. */
static void put_lines(struct strbuf *out, const char *text, enum doc_format fmt)
{
	struct strbuf b;
	strbuf_init(&b);
	escape_document(&b, text, fmt, true);
	size_t n = b.len;
	while (n > 0 && (b.s[n - 1] == '\n' || b.s[n - 1] == ' '))
		n--;
	size_t indent = hanging_indent(out);
	for (size_t i = 0; i < n; i++) {
		strbuf_addc(out, b.s[i]);
		if (b.s[i] == '\n' && i + 1 < n && b.s[i + 1] != '\n')
			for (size_t k = 0; k < indent; k++)
				strbuf_addc(out, ' ');
	}
	strbuf_free(&b);
}

static void put_value(void *ctx, const char *ref, const struct template_scope *scope,
		      struct strbuf *out)
{
	const struct rctx *r = ctx;
	if (scope && strcmp(ref, "index") == 0) {
		strbuf_addf(out, "%zu", scope->index);
		return;
	}
	if (evidence_value(r, ref, scope, out) || builtin_value(r, ref, out))
		return;
	size_t n = strlen(ref);
	bool raw = n > 6 && strcmp(ref + n - 6, ".value") == 0;
	char *base = raw ? xstrndup(ref, n - 6) : xstrdup(ref);
	char *path = resolve(r, base, scope);
	const struct flow_field *f = flow_find_field(r->flow, path);
	const char *value = session_get(r->s, path);
	/* A hidden field's answer is kept in the case but is not part of it. */
	if (value && (!f || session_field_visible(r->s, path))) {
		char *text = raw ? xstrdup(value) : render_answer(r->s, path, NULL);
		if (f && f->type == FIELD_TEXTAREA)
			put_lines(out, text, r->fmt);
		else
			escape_document(out, text, r->fmt, false);
		free(text);
	}
	free(path);
	free(base);
}

/* An expression environment that sees sub-fields of the enclosing lists
 * by their short names, as {{field}} tags do. */
struct scoped_env {
	struct expr_env env;
	const struct rctx *r;
	const struct template_scope *scope;
};

static const char *scoped_lookup(void *ctx, const char *path)
{
	struct scoped_env *se = ctx;
	/* The answer text belongs to the session; the path is ours. */
	char *p = resolve(se->r, path, se->scope);
	const char *v = session_env(se->r->s)->lookup(session_env(se->r->s)->ctx, p);
	free(p);
	return v;
}

static size_t scoped_count(void *ctx, const char *path)
{
	struct scoped_env *se = ctx;
	char *p = resolve(se->r, path, se->scope);
	size_t n = session_env(se->r->s)->count(session_env(se->r->s)->ctx, p);
	free(p);
	return n;
}

static enum value_type scoped_type(void *ctx, const char *path)
{
	struct scoped_env *se = ctx;
	char *p = resolve(se->r, path, se->scope);
	enum value_type t = session_env(se->r->s)->answer_type(session_env(se->r->s)->ctx, p);
	free(p);
	return t;
}

static bool test_cond(void *ctx, const struct expr *e, const struct template_scope *scope)
{
	const struct rctx *r = ctx;
	struct scoped_env se = {.r = r, .scope = scope};
	se.env.lookup = scoped_lookup;
	se.env.count = scoped_count;
	se.env.answer_type = scoped_type;
	se.env.ctx = &se;
	se.env.today = session_env(r->s)->today;
	return expr_true(e, &se.env);
}

static size_t count_items(void *ctx, const char *list, const struct template_scope *scope)
{
	const struct rctx *r = ctx;
	const char *package;
	if (template_evidence_list(list, &package)) {
		size_t k = 0;
		for (size_t i = 0; i < r->nev; i++)
			k += render_evidence_in(&r->ev[i], package);
		return k;
	}
	char *path = resolve(r, list, scope);
	size_t n = session_field_visible(r->s, path) ? session_list_count(r->s, path) : 0;
	free(path);
	return n;
}

int render_document(const struct session *s, const struct flow_document *d, const char *lang,
		    enum doc_format fmt, char **out, struct ipw_error *err)
{
	*out = NULL;
	const struct flow_template *tpl = flow_document_template(d, lang);
	if (!tpl || !tpl->text)
		return ipw_error_set(err, IPW_EUSER,
				     _("The document “%s” has no template in English: the flow "
				       "file needs one (ipwiz lint shows it)."),
				     d->id);
	struct ipw_error perr;
	ipw_error_clear(&perr);
	struct template *t = template_parse(tpl->text, &perr);
	if (!t)
		return ipw_error_set(err, IPW_EUSER,
				     _("The template of document “%s” (%s) is broken at its line "
				       "%d, column %d: %s"),
				     d->id, tpl->lang, perr.line, perr.column, perr.msg);
	struct rctx r = {.s = s, .flow = session_flow(s), .fmt = fmt};
	r.ev = render_evidence_list(s, &r.nev);
	r.ndl = deadline_list(s, &r.dl);
	struct template_ops ops = {put_value, test_cond, count_items, &r};
	struct strbuf b;
	strbuf_init(&b);
	char *saved = i18n_document_begin(tpl->lang);
	int rc = template_render(t, &ops, &b);
	i18n_document_end(saved);
	if (rc != IPW_OK)
		template_overflow_error(err); /* in the reader's language */
	template_free(t);
	render_evidence_free(r.ev, r.nev);
	free(r.dl);
	if (rc != IPW_OK) {
		strbuf_free(&b);
		return rc;
	}
	*out = strbuf_detach(&b);
	return IPW_OK;
}
