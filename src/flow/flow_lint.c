/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_lint.c — `ipwiz lint`'s advice beyond what the loader refuses: things
 * that load fine but leave a seller stuck or a question asked for nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "template/template.h"
#include "flow_internal.h"

struct used {
	const struct flow *f;
	const struct flow_field **v;
	size_t n, cap;
};

static void mark(struct used *u, const struct flow_field *fl)
{
	if (!fl)
		return;
	if (u->n == u->cap) {
		u->cap = u->cap ? 2 * u->cap : 32;
		u->v = xreallocarray(u->v, u->cap, sizeof *u->v);
	}
	u->v[u->n++] = fl;
}

static void mark_template_ref(const char *ref, const char *list, int line, int column, void *ctx)
{
	struct used *u = ctx;
	if (list && *list) {
		char *inner = xasprintf("%s.%s", list, ref);
		const struct flow_field *fl = flow_resolve_ref(u->f, inner);
		free(inner);
		if (fl) {
			mark(u, fl);
			return;
		}
	}
	mark(u, flow_resolve_ref(u->f, ref));
}

static bool is_used(const struct used *u, const struct flow_field *fl)
{
	for (size_t i = 0; i < u->n; i++)
		if (u->v[i] == fl)
			return true;
	return false;
}

static void collect_used(const struct flow *f, struct used *u)
{
	for (size_t d = 0; d < f->ndocuments; d++)
		for (size_t i = 0; i < f->documents[d].ntemplates; i++) {
			struct template *t =
			    template_parse(f->documents[d].templates[i].text, NULL);
			if (!t)
				continue;
			template_refs(t, mark_template_ref, u);
			template_free(t);
		}
	/* A date_field's answer is shown in the evidence index. */
	for (size_t s = 0; s < f->nsteps; s++)
		for (size_t i = 0; i < f->steps[s].nfields; i++) {
			const struct flow_field *fl = &f->steps[s].fields[i];
			if (fl->type == FIELD_EVIDENCE && fl->evidence.date_field)
				mark(u, flow_resolve_ref(f, fl->evidence.date_field));
		}
}

/* The length of what an evidence field proves as a file name (render.c's
 * words joined by dashes). */
static size_t slug_length(const char *s)
{
	size_t n = 0;
	bool word = false;
	for (; s && *s; s++) {
		char c = *s;
		if (c == '\'')
			continue;
		bool alnum =
		    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (alnum)
			n += word || n == 0 ? 1 : 2;
		word = alnum;
	}
	return n;
}

static void warn_field(struct ipw_diags *d, const struct flow *f, const struct flow_field *fl,
		       const struct used *u)
{
	if (!fl->help && fl->type != FIELD_INFO)
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("“%s” has no help: say in plain words where the seller finds "
				"the answer"),
			      fl->path);
	bool answer = fl->type != FIELD_EVIDENCE && fl->type != FIELD_DECLARATION &&
		      fl->type != FIELD_INFO && fl->type != FIELD_LIST;
	if (answer && f->ndocuments > 0 && !is_used(u, fl))
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("no document uses the answer to “%s”; ask only what is needed"),
			      fl->path);
	if (fl->type == FIELD_EVIDENCE && fl->evidence.ngrounds == 0 && !fl->required)
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("evidence “%s” is required by no ground and is never required; "
				"say which ground needs it (grounds:) or mark it required"),
			      fl->path);
	if (fl->type == FIELD_EVIDENCE && !fl->evidence.file_name &&
	    slug_length(fl->evidence.proves) > FLOW_FILE_NAME_MAX)
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("what “%s” proves is too long for a file name, so its copies "
				"are named after the field id; give it a short “file_name”"),
			      fl->path);
}

/* A field of a package that takes more than the package does: the platform
 * would refuse what ipwiz accepted. */
static void warn_package_limits(struct ipw_diags *d, const struct flow *f,
				const struct flow_field *fl)
{
	const struct flow_package *p = flow_field_package(f, fl);
	if (!p)
		return;
	const struct evidence_req *r = &fl->evidence;
	if (p->max_size && (!r->max_size || r->max_size > p->max_size))
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("evidence “%s” takes larger files than its package “%s” does; give "
				"it a “max_size” no larger than the package's"),
			      fl->path, p->id);
	if (p->max_files && (!r->max_files || r->max_files > p->max_files))
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, fl->pos.line, fl->pos.column,
			      _("evidence “%s” takes more files than its package “%s” does; give "
				"it a “max_files” no larger than the package's"),
			      fl->path, p->id);
}

struct evidence_each_ctx {
	struct ipw_diags *d;
	const struct flow *f;
	const struct flow_document *doc;
	const struct flow_template *t;
};

/* In a flow of packages, {{#each evidence}} lists the files of every
 * part together: the very mix packages are there to prevent. */
static void warn_evidence_each(const char *list, const char *outer, int line, int column,
			       void *vctx)
{
	(void)outer;
	struct evidence_each_ctx *c = vctx;
	const char *package;
	if (!template_evidence_list(list, &package) || package)
		return;
	ipw_diags_add(c->d, IPW_SEV_WARNING, c->f->file, c->t->pos.line + line - 1, column,
		      _("the %s template of document “%s” lists the files of every package "
			"together; name one: {{#each evidence.%s}}"),
		      c->t->lang, c->doc->id, c->f->packages[0].id);
}

static void warn_templates(struct ipw_diags *d, const struct flow *f)
{
	if (!f->npackages)
		return;
	for (size_t i = 0; i < f->ndocuments; i++)
		for (size_t k = 0; k < f->documents[i].ntemplates; k++) {
			const struct flow_template *t = &f->documents[i].templates[k];
			struct template *tp = template_parse(t->text, NULL);
			if (!tp)
				continue;
			struct evidence_each_ctx c = {d, f, &f->documents[i], t};
			template_lists(tp, warn_evidence_each, &c);
			template_free(tp);
		}
}

struct later_ctx {
	const struct flow *f;
	size_t step;
	bool any_earlier;
};

static void ref_step(const char *ref, int column, void *vctx)
{
	struct later_ctx *c = vctx;
	const struct flow_field *fl = flow_resolve_ref(c->f, ref);
	const struct flow_step *st = fl ? flow_field_step(c->f, fl) : NULL;
	if (st && (size_t)(st - c->f->steps) < c->step)
		c->any_earlier = true;
}

static void warn_step(struct ipw_diags *d, const struct flow *f, size_t s)
{
	const struct flow_step *st = &f->steps[s];
	if (!st->when)
		return;
	struct later_ctx c = {f, s, false};
	expr_refs(st->when, ref_step, &c);
	if (!c.any_earlier)
		ipw_diags_add(d, IPW_SEV_WARNING, f->file, st->pos.line, st->pos.column,
			      _("step “%s” depends only on answers given at or after it, so the "
				"seller can never reach it"),
			      st->id);
}

static bool has_template(const struct flow_document *doc, const char *lang)
{
	for (size_t i = 0; i < doc->ntemplates; i++)
		if (strcmp(doc->templates[i].lang, lang) == 0)
			return true;
	return false;
}

void flow_lint(const struct flow *f, struct ipw_diags *d)
{
	struct used u = {.f = f};
	collect_used(f, &u);
	for (size_t s = 0; s < f->nsteps; s++) {
		warn_step(d, f, s);
		for (size_t i = 0; i < f->steps[s].nfields; i++) {
			const struct flow_field *fl = &f->steps[s].fields[i];
			warn_field(d, f, fl, &u);
			warn_package_limits(d, f, fl);
			for (size_t k = 0; k < fl->nitems; k++)
				warn_field(d, f, &fl->items[k], &u);
		}
	}
	for (size_t i = 0; i < f->ndocuments; i++)
		for (size_t l = 0; l < f->nlanguages; l++)
			if (!has_template(&f->documents[i], f->languages[l]))
				ipw_diags_add(
				    d, IPW_SEV_WARNING, f->file, f->documents[i].pos.line,
				    f->documents[i].pos.column,
				    _("document “%s” has no %s template although the flow "
				      "lists that language"),
				    f->documents[i].id, f->languages[l]);
	warn_templates(d, f);
	free(u.v);
}
