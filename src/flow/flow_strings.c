/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow_strings.c — the translatable words of a flow, so translators see
 * them in po/ next to the program's own messages, each with a note of what
 * it is. Templates are not here: each language writes its own. */
#include "config.h"

#include <stdio.h>

#include "flow.h"

typedef void (*string_fn)(const char *s, int line, const char *where, void *ctx);

struct strings {
	const struct flow *f;
	string_fn fn;
	void *ctx;
};

/* "flow alibaba-counter-notice, field invoice: help" for the translator. */
static void emit(const struct strings *w, const char *s, int line, const char *kind, const char *id,
		 const char *what)
{
	if (!s || !*s)
		return;
	char where[256];
	if (id)
		snprintf(where, sizeof where, "flow %s, %s %s: %s", w->f->id, kind, id, what);
	else
		snprintf(where, sizeof where, "flow %s: %s", w->f->id, what);
	w->fn(s, line, where, w->ctx);
}

static void field_strings(const struct strings *w, const struct flow_field *fl)
{
	int line = fl->pos.line;
	const char *id = fl->path;
	emit(w, fl->label, line, "field", id, "label");
	emit(w, fl->help, line, "field", id, "help");
	emit(w, fl->placeholder, line, "field", id, "placeholder (an example answer)");
	emit(w, fl->message, line, "field", id, "message when the answer is invalid");
	emit(w, fl->statement, line, "field", id, "statement the seller affirms");
	emit(w, fl->evidence.proves, line, "field", id, "what the evidence proves");
	for (size_t i = 0; i < fl->nrefusals; i++)
		emit(w, fl->refusals[i].message, line, "field", id,
		     "why an answer is refused, given the other answers");
	for (size_t i = 0; i < fl->nchoices; i++) {
		emit(w, fl->choices[i].label, line, "field", id, "a choice");
		emit(w, fl->choices[i].help, line, "field", id, "a choice's help");
		emit(w, fl->choices[i].stop, line, "field", id,
		     "why a case with this choice cannot be exported, and what to do instead");
	}
	for (size_t i = 0; i < fl->nitems; i++)
		field_strings(w, &fl->items[i]);
}

void flow_strings(const struct flow *f, string_fn fn, void *ctx)
{
	struct strings w = {f, fn, ctx};
	emit(&w, f->title, 1, NULL, NULL, "title");
	emit(&w, f->description, 1, NULL, NULL, "description");
	for (size_t s = 0; s < f->nsteps; s++) {
		const struct flow_step *st = &f->steps[s];
		emit(&w, st->title, st->pos.line, "step", st->id, "title");
		emit(&w, st->intro, st->pos.line, "step", st->id, "introduction");
		emit(&w, st->help, st->pos.line, "step", st->id, "help");
		for (size_t i = 0; i < st->nfields; i++)
			field_strings(&w, &st->fields[i]);
	}
	for (size_t i = 0; i < f->ndocuments; i++) {
		const struct flow_document *d = &f->documents[i];
		emit(&w, d->title, d->pos.line, "document", d->id, "title");
		emit(&w, d->form_field, d->pos.line, "document", d->id,
		     "the platform's name of the form box (use the platform's own words)");
	}
	for (size_t i = 0; i < f->ndeadlines; i++) {
		const struct flow_deadline *d = &f->deadlines[i];
		emit(&w, d->label, d->pos.line, "deadline", d->id, "label");
		emit(&w, d->note, d->pos.line, "deadline", d->id, "note");
	}
	for (size_t i = 0; i < f->npackages; i++) {
		const struct flow_package *p = &f->packages[i];
		emit(&w, p->label, p->pos.line, "package", p->id,
		     "heading of a part of the evidence to upload");
		emit(&w, p->where, p->pos.line, "package", p->id,
		     "where on the platform this part is uploaded, and when");
	}
	const struct flow_lifecycle *l = &f->lifecycle;
	emit(&w, l->no_chance_left, l->pos.line, NULL, NULL,
	     "what to do when the last chance failed");
	for (size_t i = 0; i < l->noutcomes; i++) {
		const struct flow_outcome *o = &l->outcomes[i];
		emit(&w, o->label, o->pos.line, "outcome", o->id, "label");
		emit(&w, o->text, o->pos.line, "outcome", o->id,
		     "what the platform's answer means and what to do now");
	}
}
