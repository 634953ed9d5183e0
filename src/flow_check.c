/* flow_check.c — the checks that need the whole flow: unique names, and
 * every expression, template and field name pointing at something real. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "expr.h"
#include "flow_internal.h"
#include "i18n.h"
#include "template.h"
#include "xalloc.h"

/* Names the templates and expressions already give a meaning to. */
static const char *const reserved[] = {"today", "case", "flow",  "deadline", "evidence",
                                       "index", "true", "false", "null",     "not",
                                       "and",   "or",   "in",    NULL};

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
		char *path = xasprintf("%s/calendars/%s.yaml", catalog_data_dir(), d->calendar);
		bool found = strchr(d->calendar, '/') == NULL && access(path, R_OK) == 0;
		if (!found)
			ipw_diags_add(b->diags, IPW_SEV_ERROR, b->file, d->pos.line, d->pos.column,
			              _("there is no working-day calendar “%s” (looked for %s)"),
			              d->calendar, path);
		free(path);
	}
}

/* Conditions that wait on each other (a shown when b is answered, b shown
 * when a is answered) hide both for ever: follow `when` references. */
struct cycle_ctx {
	const struct flow *f;
	const struct flow_builder *b;
	const struct flow_field *from;
	const struct flow_field **seen; /* the path being followed */
	size_t depth;
	bool found;
};

static void follow(struct cycle_ctx *c, const struct flow_field *fl);

static void follow_ref(const char *ref, int column, void *vctx)
{
	struct cycle_ctx *c = vctx;
	const struct flow_field *to = flow_resolve_ref(c->f, ref);
	if (to && !c->found)
		follow(c, to);
}

static void follow(struct cycle_ctx *c, const struct flow_field *fl)
{
	for (size_t i = 0; i < c->depth; i++)
		if (c->seen[i] == fl) {
			c->found = i == 0;
			return;
		}
	if (c->depth >= 64)
		return;
	c->seen[c->depth++] = fl;
	for (size_t i = 0; i < c->b->nsites && !c->found; i++) {
		const struct flow_expr_site *s = &c->b->sites[i];
		if (s->owner && strcmp(s->key, "when") == 0 && strcmp(s->owner, fl->path) == 0)
			expr_refs(s->e, follow_ref, c);
	}
	c->depth--;
}

static void check_cycles(struct flow_builder *b, const struct flow *f)
{
	const struct flow_field *seen[64];
	for (size_t i = 0; i < b->nsites; i++) {
		const struct flow_expr_site *s = &b->sites[i];
		if (!s->owner || strcmp(s->key, "when") != 0)
			continue;
		const struct flow_field *fl = flow_find_field(f, s->owner);
		struct cycle_ctx c = {f, b, fl, seen, 0, false};
		if (fl)
			follow(&c, fl);
		if (c.found)
			ipw_diags_add(
			    b->diags, IPW_SEV_ERROR, b->file, s->line, s->column,
			    _("the condition of “%s” depends, through other conditions, on "
			      "its own answer; no order of answers can show it"),
			    s->owner);
	}
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
}
