/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_check.c — the checks that need the whole flow: unique names, and
 * every expression, template and field name pointing at something real. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "expr/expr.h"
#include "template/template.h"
#include "catalog.h"
#include "flow_internal.h"

/* Names the templates and expressions already give a meaning to. */
static const char *const reserved[] = {"today", "case", "flow",	 "deadline", "evidence",
				       "index", "true", "false", "null",     "not",
				       "and",	"or",	"in",	 NULL};

static void check_ids(struct flow_builder *b, const struct flow *f)
{
	for (size_t s = 0; s < f->nsteps; s++) {
		const struct flow_step *st = &f->steps[s];
		for (size_t t = 0; t < s; t++)
			if (strcmp(f->steps[t].id, st->id) == 0)
				ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, st->pos.line,
					      st->pos.column, _("a second step is called “%s”"),
					      st->id);
		for (size_t i = 0; i < st->nfields; i++) {
			const struct flow_field *fl = &st->fields[i];
			if (flow_find_field(f, fl->id) != fl)
				ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, fl->pos.line,
					      fl->pos.column,
					      _("a second field is called “%s”; field names are "
						"unique in a flow"),
					      fl->id);
			for (const char *const *r = reserved; *r; r++)
				if (strcmp(*r, fl->id) == 0)
					ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file,
						      fl->pos.line, fl->pos.column,
						      _("“%s” is a reserved word; give the field "
							"another name"),
						      fl->id);
			for (size_t k = 0; k < fl->nitems; k++)
				for (size_t j = 0; j < k; j++)
					if (strcmp(fl->items[j].id, fl->items[k].id) == 0)
						ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file,
							      fl->items[k].pos.line,
							      fl->items[k].pos.column,
							      _("a second item field is called "
								"“%s”"),
							      fl->items[k].id);
		}
	}
	for (size_t d = 0; d < f->ndocuments; d++)
		if (flow_find_document(f, f->documents[d].id) != &f->documents[d])
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, f->documents[d].pos.line,
				      f->documents[d].pos.column,
				      _("a second document is called “%s”"), f->documents[d].id);
}

struct ref_ctx {
	struct flow_builder *b;
	const struct flow *f;
	const struct flow_expr_site *site;
};

static void check_expr_ref(const char *ref, int column, void *vctx)
{
	struct ref_ctx *c = vctx;
	int col = c->site->column + (column > 0 ? column - 1 : 0);
	if (strcmp(c->site->key, "refuse") == 0 && flow_refusal_names_owner(c->site->owner, ref))
		return; /* the answer being given */
	if (!flow_resolve_ref(c->f, ref)) {
		ipw_diags_add(c->b->diags, IPW_SEV_ERROR, c->b->file, c->site->line, col,
			      _("“%s” is not a field of this flow"), ref);
		return;
	}
	if (c->site->owner && strcmp(ref, c->site->owner) == 0)
		ipw_diags_add(c->b->diags, IPW_SEV_ERROR, c->b->file, c->site->line, col,
			      _("the condition of “%s” depends on its own answer"), ref);
}

static void check_expressions(struct flow_builder *b, const struct flow *f)
{
	for (size_t i = 0; i < b->nsites; i++) {
		struct ref_ctx c = {b, f, &b->sites[i]};
		expr_refs(b->sites[i].e, check_expr_ref, &c);
	}
}

/* Indentation of line `line` (1-based) of buf, for template positions. */
static int line_indent(const char *buf, size_t len, int line)
{
	size_t p = 0;
	for (int l = 1; l < line && p < len; p++)
		if (buf[p] == '\n')
			l++;
	int n = 0;
	while (p < len && buf[p] == ' ') {
		p++;
		n++;
	}
	return n;
}

struct tref_ctx {
	struct flow_builder *b;
	const struct flow *f;
	int line, indent; /* where the template text starts in the file */
};

static void check_template_ref(const char *ref, const char *list, int line, int column, void *vctx)
{
	struct tref_ctx *c = vctx;
	if (list && strcmp(list, "evidence") == 0)
		return; /* {{number}}, {{file}} … are the evidence index's own */
	if (list && *list) {
		char *inner = xasprintf("%s.%s", list, ref);
		const struct flow_field *fl = flow_resolve_ref(c->f, inner);
		free(inner);
		if (fl)
			return;
	}
	if (flow_resolve_ref(c->f, ref))
		return;
	ipw_diags_add(c->b->diags, IPW_SEV_ERROR, c->b->file, c->line + line - 1,
		      c->indent + column, _("“%s” in the template is not a field of this flow"),
		      ref);
}

/* The ids of the flow's packages, "registration, complaint, reply", for a
 * sentence that names them. */
static char *package_names(const struct flow *f)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < f->npackages; i++)
		strbuf_addf(&b, "%s%s", i ? ", " : "", f->packages[i].id);
	return strbuf_detach(&b);
}

/* {{#each evidence.P}} needs P to be a package of the flow. */
static void check_evidence_list(struct tref_ctx *c, const char *package, int line, int column)
{
	if (!package || flow_find_package(c->f, package))
		return;
	char *names = package_names(c->f);
	if (c->f->npackages)
		ipw_diags_add(
		    c->b->diags, IPW_SEV_ERROR, c->b->file, c->line + line - 1, c->indent + column,
		    _("“%s” is not a package of this flow, so {{#each evidence.%s}} lists "
		      "nothing; its packages are %s"),
		    package, package, names);
	else
		ipw_diags_add(c->b->diags, IPW_SEV_ERROR, c->b->file, c->line + line - 1,
			      c->indent + column,
			      _("{{#each evidence.%s}} names a package, but the flow declares no "
				"“packages”; write {{#each evidence}}"),
			      package);
	free(names);
}

/* {{#each x}} needs x to be a list field. */
static void check_template_list(const char *list, const char *outer, int line, int column,
				void *vctx)
{
	struct tref_ctx *c = vctx;
	const char *package;
	if (template_evidence_list(list, &package)) {
		check_evidence_list(c, package, line, column);
		return;
	}
	const struct flow_field *fl = flow_resolve_ref(c->f, list);
	if (!fl || fl->type == FIELD_LIST)
		return; /* unknown names are reported by check_template_ref */
	ipw_diags_add(c->b->diags, IPW_SEV_ERROR, c->b->file, c->line + line - 1,
		      c->indent + column,
		      _("“%s” is not a list, so {{#each %s}} has nothing to repeat; use {{%s}}"),
		      list, list, list);
}

static void check_templates(struct flow_builder *b, const struct flow *f, const char *buf,
			    size_t len)
{
	for (size_t d = 0; d < f->ndocuments; d++)
		for (size_t i = 0; i < f->documents[d].ntemplates; i++) {
			const struct flow_template *t = &f->documents[d].templates[i];
			struct tref_ctx c = {b, f, t->pos.line, line_indent(buf, len, t->pos.line)};
			struct ipw_error err = {0};
			struct template *tp = template_parse(t->text, &err);
			if (!tp) {
				ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file,
					      t->pos.line + (err.line > 0 ? err.line - 1 : 0),
					      c.indent + (err.column > 0 ? err.column : 1),
					      _("in the %s template: %s"), t->lang, err.msg);
				continue;
			}
			template_refs(tp, check_template_ref, &c);
			template_lists(tp, check_template_list, &c);
			template_free(tp);
		}
}

static bool is_choice_value(const struct flow *f, const char *value)
{
	for (size_t s = 0; s < f->nsteps; s++)
		for (size_t i = 0; i < f->steps[s].nfields; i++) {
			const struct flow_field *fl = &f->steps[s].fields[i];
			for (size_t c = 0; c < fl->nchoices; c++)
				if (strcmp(fl->choices[c].value, value) == 0)
					return true;
		}
	return false;
}

static void field_error(struct flow_builder *b, const struct flow_field *fl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void field_error(struct flow_builder *b, const struct flow_field *fl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, fl->pos.line, fl->pos.column, "%s", msg);
	free(msg);
}

/* A field a `reads:` entry names must exist and hold the right kind of
 * answer: a date to compare with a date, a number with a quantity, a text
 * with a mention. */
static void check_read_ref(struct flow_builder *b, const struct flow *f, const char *key,
			   const char *id, struct flow_pos at, bool want_text, enum field_type want)
{
	if (!id)
		return;
	const struct flow_field *r = flow_find_field(f, id);
	if (!r) {
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, at.line, at.column,
			      _("“%s: %s” is not a field of this flow"), key, id);
		return;
	}
	bool ok = want_text ? r->type == FIELD_TEXT || r->type == FIELD_TEXTAREA : r->type == want;
	if (ok)
		return;
	if (want_text)
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, at.line, at.column,
			      _("“%s: %s” must name a text field, but “%s” is a %s field"), key, id,
			      id, flow_field_type_name(r->type));
	else
		ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, at.line, at.column,
			      _("“%s: %s” must name a %s field, but “%s” is a %s field"), key, id,
			      flow_field_type_name(want), id, flow_field_type_name(r->type));
}

static void check_reads(struct flow_builder *b, const struct flow *f, const struct evidence_req *e)
{
	for (size_t i = 0; i < e->nreads; i++) {
		const struct flow_read *r = &e->reads[i];
		const char *key = flow_read_kind_name(r->kind);
		switch (r->kind) {
		case FLOW_READ_MENTION:
			check_read_ref(b, f, key, r->field, r->field_pos, true, FIELD_TEXT);
			break;
		case FLOW_READ_DATE:
			check_read_ref(b, f, key, r->field, r->field_pos, false, FIELD_DATE);
			check_read_ref(b, f, "within_months_before", r->before, r->before_pos,
				       false, FIELD_DATE);
			break;
		case FLOW_READ_QUANTITY:
			check_read_ref(b, f, key, r->field, r->field_pos, false, FIELD_NUMBER);
			break;
		case FLOW_READ_VALID_UNTIL:
			check_read_ref(b, f, key, r->field, r->field_pos, false, FIELD_DATE);
			check_read_ref(b, f, "on", r->on, r->on_pos, false, FIELD_DATE);
			break;
		case FLOW_READ_LANGUAGE:
			break;
		}
	}
}

/* With packages declared, every evidence field says which one it goes in:
 * a file of no package would be listed nowhere. Without, none may. */
static void check_package(struct flow_builder *b, const struct flow *f, const struct flow_field *fl)
{
	if (fl->type != FIELD_EVIDENCE)
		return;
	const char *p = fl->evidence.package;
	char *names = package_names(f);
	if (!f->npackages && p)
		field_error(b, fl,
			    _("“package: %s” names a package, but the flow declares no "
			      "“packages”"),
			    p);
	else if (f->npackages && !p)
		field_error(b, fl,
			    _("evidence “%s” needs “package”: which part of the upload it goes "
			      "in (%s)"),
			    fl->path, names);
	else if (p && !flow_find_package(f, p))
		field_error(b, fl,
			    _("“package: %s” is not a package of this flow; its packages are %s"),
			    p, names);
	free(names);
}

static void check_packages(struct flow_builder *b, const struct flow *f)
{
	for (size_t i = 0; i < f->npackages; i++)
		if (flow_find_package(f, f->packages[i].id) != &f->packages[i])
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, f->packages[i].pos.line,
				      f->packages[i].pos.column,
				      _("a second package is called “%s”"), f->packages[i].id);
}

static void check_field_names(struct flow_builder *b, const struct flow *f)
{
	for (size_t s = 0; s < f->nsteps; s++)
		for (size_t i = 0; i < f->steps[s].nfields; i++) {
			const struct flow_field *fl = &f->steps[s].fields[i];
			const struct evidence_req *r = &fl->evidence;
			for (size_t g = 0; g < r->ngrounds; g++)
				if (!is_choice_value(f, r->grounds[g]))
					field_error(b, fl,
						    _("the ground “%s” is not the value of "
						      "any choice in this flow"),
						    r->grounds[g]);
			if (r->date_field) {
				const struct flow_field *d = flow_find_field(f, r->date_field);
				if (!d || d->type != FIELD_DATE)
					field_error(b, fl,
						    _("“date_field: %s” must name a date "
						      "field"),
						    r->date_field);
			}
			check_reads(b, f, r);
			check_package(b, f, fl);
			if (fl->signature_matches) {
				const struct flow_field *m =
				    flow_find_field(f, fl->signature_matches);
				if (!m || (m->type != FIELD_TEXT && m->type != FIELD_TEXTAREA))
					field_error(
					    b, fl,
					    _("“signature_matches” names “%s”, which is not "
					      "a text field of this flow"),
					    fl->signature_matches);
			}
			for (size_t c = 0; c < fl->ncovers; c++)
				if (!flow_find_field(f, fl->covers[c]))
					field_error(b, fl,
						    _("“covers” names “%s”, which is not a "
						      "field of this flow"),
						    fl->covers[c]);
		}
}

static void check_deadlines(struct flow_builder *b, const struct flow *f)
{
	for (size_t i = 0; i < f->ndeadlines; i++) {
		const struct flow_deadline *d = &f->deadlines[i];
		const struct flow_field *from = flow_find_field(f, d->from);
		if (!from || from->type != FIELD_DATE)
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, d->pos.line, d->pos.column,
				      _("“from: %s” must name a date field"), d->from);
		if (!d->calendar)
			continue;
		char *path = xasprintf("%s/calendars/%s.yaml", install_data_dir(), d->calendar);
		bool found = strchr(d->calendar, '/') == NULL && access(path, R_OK) == 0;
		if (!found)
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, d->pos.line, d->pos.column,
				      _("there is no working-day calendar “%s” (looked for %s)"),
				      d->calendar, path);
		free(path);
	}
}

/* Conditions that wait on each other (a shown when b is answered, b shown
 * when a is answered) hide both for ever. The fields with a `when` are the
 * nodes, their references the edges; one depth-first walk with an explicit
 * stack finds every cycle in linear time, so even a hostile flow of
 * thousands of chained conditions is checked at once. */
struct cond_node {
	const struct flow_field *field;
	const struct flow_expr_site *site;
	size_t first_edge, nedges;
	unsigned char colour; /* 0 unseen, 1 on the walk's path, 2 done */
};

struct cond_graph {
	struct cond_node *v;
	size_t n;
	size_t *edges; /* node indices */
	size_t nedges, capedges;
	const struct flow *f;
};

static int node_cmp(const void *a, const void *b)
{
	const struct cond_node *x = a, *y = b;
	return (x->field > y->field) - (x->field < y->field);
}

static struct cond_node *node_of(const struct cond_graph *g, const struct flow_field *fl)
{
	struct cond_node key = {.field = fl};
	return bsearch(&key, g->v, g->n, sizeof *g->v, node_cmp);
}

static void add_edge(const char *ref, int column, void *vctx)
{
	struct cond_graph *g = vctx;
	const struct flow_field *to = flow_resolve_ref(g->f, ref);
	const struct cond_node *node = to ? node_of(g, to) : NULL;
	if (!node)
		return; /* a field without a condition ends every path */
	if (g->nedges == g->capedges) {
		g->capedges = g->capedges ? 2 * g->capedges : 64;
		g->edges = xreallocarray(g->edges, g->capedges, sizeof *g->edges);
	}
	g->edges[g->nedges++] = (size_t)(node - g->v);
}

static void build_graph(struct flow_builder *b, const struct flow *f, struct cond_graph *g)
{
	g->f = f;
	g->v = xcalloc(b->nsites ? b->nsites : 1, sizeof *g->v);
	for (size_t i = 0; i < b->nsites; i++) {
		const struct flow_expr_site *s = &b->sites[i];
		const struct flow_field *fl =
		    s->owner && strcmp(s->key, "when") == 0 ? flow_find_field(f, s->owner) : NULL;
		if (fl)
			g->v[g->n++] = (struct cond_node){.field = fl, .site = s};
	}
	qsort(g->v, g->n, sizeof *g->v, node_cmp);
	for (size_t i = 0; i < g->n; i++) {
		g->v[i].first_edge = g->nedges;
		expr_refs(g->v[i].site->e, add_edge, g);
		g->v[i].nedges = g->nedges - g->v[i].first_edge;
	}
}

static void report_cycle(struct flow_builder *b, const struct cond_node *n)
{
	ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, n->site->line, n->site->column,
		      _("the condition of “%s” depends, through other conditions, on its own "
			"answer; no order of answers can show it"),
		      n->site->owner);
}

/* Walk from start; a reference back to a node on the current path closes a
 * cycle, reported once at that node's condition. */
static void walk(struct flow_builder *b, struct cond_graph *g, size_t start, size_t *stack,
		 size_t *next)
{
	size_t depth = 0;
	stack[depth] = start;
	next[depth++] = 0;
	g->v[start].colour = 1;
	while (depth > 0) {
		struct cond_node *n = &g->v[stack[depth - 1]];
		size_t k = next[depth - 1]++;
		if (k == n->nedges) {
			n->colour = 2;
			depth--;
			continue;
		}
		size_t to = g->edges[n->first_edge + k];
		if (g->v[to].colour == 1)
			report_cycle(b, &g->v[to]);
		else if (g->v[to].colour == 0) {
			g->v[to].colour = 1;
			stack[depth] = to;
			next[depth++] = 0;
		}
	}
}

static int site_order(const void *a, const void *b)
{
	const struct ipw_diag *x = a, *y = b;
	return x->line != y->line ? x->line - y->line : x->column - y->column;
}

static void check_cycles(struct flow_builder *b, const struct flow *f)
{
	struct cond_graph g = {0};
	build_graph(b, f, &g);
	size_t *stack = xcalloc(g.n ? g.n : 1, sizeof *stack);
	size_t *next = xcalloc(g.n ? g.n : 1, sizeof *next);
	size_t before = b->diags->n;
	/* Start from the conditions in the order they are written, so the
	 * first report is the first condition of the cycle in the file. */
	for (size_t i = 0; i < b->nsites; i++) {
		const struct flow_expr_site *s = &b->sites[i];
		const struct flow_field *fl =
		    s->owner && strcmp(s->key, "when") == 0 ? flow_find_field(f, s->owner) : NULL;
		struct cond_node *n = fl ? node_of(&g, fl) : NULL;
		if (n && n->colour == 0)
			walk(b, &g, (size_t)(n - g.v), stack, next);
	}
	if (b->diags->n > before) /* v is NULL while nothing was reported */
		qsort(b->diags->v + before, b->diags->n - before, sizeof *b->diags->v, site_order);
	free(stack);
	free(next);
	free(g.edges);
	free(g.v);
}

void flow_check_refs(struct flow_builder *b, const struct flow *f, const char *buf, size_t len)
{
	size_t before = b->diags->nerrors;
	check_ids(b, f);
	check_expressions(b, f);
	if (b->diags->nerrors == before) /* cycles through unknown names mean nothing */
		check_cycles(b, f);
	check_templates(b, f, buf, len);
	check_field_names(b, f);
	check_deadlines(b, f);
	check_packages(b, f);
	flow_check_lifecycle(b, f);
}
