/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow.c — looking things up in a loaded flow, and freeing it. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "expr/expr.h"
#include "flow_internal.h"

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void step_clear(struct flow_step *s)
{
	free(s->id);
	free(s->title);
	free(s->intro);
	free(s->help);
	expr_free(s->when);
	for (size_t i = 0; i < s->nfields; i++)
		flow_field_clear(&s->fields[i]);
	free(s->fields);
}

static void document_clear(struct flow_document *d)
{
	free(d->id);
	free(d->title);
	free(d->form_field);
	free(d->purpose);
	expr_free(d->when);
	for (size_t i = 0; i < d->ntemplates; i++) {
		free(d->templates[i].lang);
		free(d->templates[i].text);
	}
	free(d->templates);
}

static void deadline_clear(struct flow_deadline *d)
{
	free(d->id);
	free(d->label);
	free(d->from);
	free(d->calendar);
	free(d->note);
	expr_free(d->when);
}

void flow_free(struct flow *f)
{
	if (!f)
		return;
	free(f->id);
	free(f->version);
	free(f->title);
	free(f->description);
	free(f->platform);
	free(f->checked);
	strv_free(f->languages, f->nlanguages);
	strv_free(f->review_languages, f->nreview_languages);
	for (size_t i = 0; i < f->nsteps; i++)
		step_clear(&f->steps[i]);
	free(f->steps);
	for (size_t i = 0; i < f->ndocuments; i++)
		document_clear(&f->documents[i]);
	free(f->documents);
	for (size_t i = 0; i < f->ndeadlines; i++)
		deadline_clear(&f->deadlines[i]);
	free(f->deadlines);
	free(f->timezone);
	for (size_t i = 0; i < f->npackages; i++) {
		free(f->packages[i].id);
		free(f->packages[i].label);
		free(f->packages[i].where);
	}
	free(f->packages);
	flow_lifecycle_clear(&f->lifecycle);
	free(f->index);
	free(f->file);
	free(f);
}

/* Order of the index: by id, then by place in the flow (fields are laid
 * out in step order, and each step's array in flow order). */
static int index_cmp(const void *a, const void *b)
{
	const struct flow_field *x = *(const struct flow_field *const *)a;
	const struct flow_field *y = *(const struct flow_field *const *)b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	return x->pos.line != y->pos.line
		   ? (x->pos.line < y->pos.line ? -1 : 1)
		   : (x->pos.column > y->pos.column) - (x->pos.column < y->pos.column);
}

void flow_build_index(struct flow *f)
{
	size_t n = 0;
	for (size_t s = 0; s < f->nsteps; s++)
		n += f->steps[s].nfields;
	free(f->index);
	f->index = xcalloc(n ? n : 1, sizeof *f->index);
	f->nindex = 0;
	for (size_t s = 0; s < f->nsteps; s++)
		for (size_t i = 0; i < f->steps[s].nfields; i++) {
			struct flow_field *fl = &f->steps[s].fields[i];
			f->index[f->nindex++] = fl;
			fl->step = s;
			for (size_t k = 0; k < fl->nitems; k++)
				fl->items[k].step = s;
		}
	qsort(f->index, f->nindex, sizeof *f->index, index_cmp);
}

/* The first field (in flow order) whose id is id[0..n). */
static const struct flow_field *top_field(const struct flow *f, const char *id, size_t n)
{
	size_t lo = 0, hi = f->nindex;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *mid_id = f->index[mid]->id;
		int c = strncmp(mid_id, id, n);
		if (c == 0 && mid_id[n] != '\0')
			c = 1; /* mid_id is longer: it sorts after id */
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->nindex && strncmp(f->index[lo]->id, id, n) == 0 && f->index[lo]->id[n] == '\0')
		return f->index[lo];
	return NULL;
}

static bool all_digits(const char *s, size_t n)
{
	if (n == 0 || n > 6 || s[0] == '0')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

const struct flow_field *flow_find_field(const struct flow *f, const char *path)
{
	const char *dot = strchr(path, '.');
	size_t n = dot ? (size_t)(dot - path) : strlen(path);
	const struct flow_field *top = top_field(f, path, n);
	if (!top || !dot)
		return top;
	if (top->type != FIELD_LIST)
		return NULL;
	const char *rest = dot + 1;
	const char *dot2 = strchr(rest, '.');
	if (dot2 && all_digits(rest, (size_t)(dot2 - rest)))
		rest = dot2 + 1; /* "list.N.sub" */
	else if (!dot2 && all_digits(rest, strlen(rest)))
		return NULL; /* "list.N" is an item, not a field */
	for (size_t i = 0; i < top->nitems; i++)
		if (strcmp(top->items[i].id, rest) == 0)
			return &top->items[i];
	return NULL;
}

const struct flow_step *flow_find_step(const struct flow *f, const char *id)
{
	int i = flow_step_index(f, id);
	return i < 0 ? NULL : &f->steps[i];
}

int flow_step_index(const struct flow *f, const char *id)
{
	if (!id)
		return -1;
	for (size_t i = 0; i < f->nsteps; i++)
		if (strcmp(f->steps[i].id, id) == 0)
			return (int)i;
	return -1;
}

static bool field_within(const struct flow_field *field, const struct flow_field *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (&v[i] == field)
			return true;
		if (v[i].nitems && field >= v[i].items && field < v[i].items + v[i].nitems)
			return true;
	}
	return false;
}

const struct flow_step *flow_field_step(const struct flow *f, const struct flow_field *field)
{
	/* field->step is set with the index; the check keeps a field of
	 * another flow from naming a step of this one. */
	if (field->step < f->nsteps &&
	    field_within(field, f->steps[field->step].fields, f->steps[field->step].nfields))
		return &f->steps[field->step];
	return NULL;
}

const struct flow_document *flow_find_document(const struct flow *f, const char *id)
{
	for (size_t i = 0; i < f->ndocuments; i++)
		if (strcmp(f->documents[i].id, id) == 0)
			return &f->documents[i];
	return NULL;
}

const struct flow_package *flow_find_package(const struct flow *f, const char *id)
{
	for (size_t i = 0; id && i < f->npackages; i++)
		if (strcmp(f->packages[i].id, id) == 0)
			return &f->packages[i];
	return NULL;
}

const struct flow_package *flow_field_package(const struct flow *f, const struct flow_field *fl)
{
	return fl ? flow_find_package(f, fl->evidence.package) : NULL;
}

const struct flow_template *flow_document_template(const struct flow_document *d, const char *lang)
{
	const struct flow_template *en = NULL;
	for (size_t i = 0; i < d->ntemplates; i++) {
		if (lang && strcmp(d->templates[i].lang, lang) == 0)
			return &d->templates[i];
		if (strcmp(d->templates[i].lang, "en") == 0)
			en = &d->templates[i];
	}
	return en;
}

const char *flow_tr(const char *s)
{
	return s && *s ? i18n_gettext(s) : s;
}

bool flow_refusal_names_owner(const char *path, const char *ref)
{
	if (!path || !ref)
		return false;
	const char *id = strrchr(path, '.');
	return strcmp(ref, path) == 0 || (id && strcmp(ref, id + 1) == 0);
}

const struct flow_field *flow_resolve_ref(const struct flow *f, const char *ref)
{
	const struct flow_field *fl = flow_find_field(f, ref);
	if (fl)
		return fl;
	/* "truth.name": the typed signature of a declaration; "ip_type.value":
	 * a choice's stored value instead of its label. */
	const char *dot = strrchr(ref, '.');
	if (!dot)
		return NULL;
	char *base = xstrndup(ref, (size_t)(dot - ref));
	fl = flow_find_field(f, base);
	free(base);
	if (fl && strcmp(dot, ".name") == 0 && fl->type == FIELD_DECLARATION && fl->signature)
		return fl;
	if (fl && strcmp(dot, ".value") == 0 &&
	    (fl->type == FIELD_CHOICE || fl->type == FIELD_MULTICHOICE || fl->type == FIELD_YESNO))
		return fl;
	return NULL;
}
