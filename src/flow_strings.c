/* flow_strings.c — the translatable words of a flow, so translators see
 * them in po/ next to the program's own messages. Templates are not here:
 * each language writes its own. */
#include "config.h"

#include "flow.h"

typedef void (*string_fn)(const char *s, int line, void *ctx);

static void emit(string_fn fn, void *ctx, const char *s, int line)
{
	if (s && *s)
		fn(s, line, ctx);
}

static void field_strings(const struct flow_field *fl, string_fn fn, void *ctx)
{
	int line = fl->pos.line;
	emit(fn, ctx, fl->label, line);
	emit(fn, ctx, fl->help, line);
	emit(fn, ctx, fl->placeholder, line);
	emit(fn, ctx, fl->message, line);
	emit(fn, ctx, fl->statement, line);
	emit(fn, ctx, fl->evidence.proves, line);
	for (size_t i = 0; i < fl->nchoices; i++) {
		emit(fn, ctx, fl->choices[i].label, line);
		emit(fn, ctx, fl->choices[i].help, line);
	}
	for (size_t i = 0; i < fl->nitems; i++)
		field_strings(&fl->items[i], fn, ctx);
}

void flow_strings(const struct flow *f, string_fn fn, void *ctx)
{
	emit(fn, ctx, f->title, 1);
	emit(fn, ctx, f->description, 1);
	for (size_t s = 0; s < f->nsteps; s++) {
		const struct flow_step *st = &f->steps[s];
		emit(fn, ctx, st->title, st->pos.line);
		emit(fn, ctx, st->intro, st->pos.line);
		emit(fn, ctx, st->help, st->pos.line);
		for (size_t i = 0; i < st->nfields; i++)
			field_strings(&st->fields[i], fn, ctx);
	}
	for (size_t i = 0; i < f->ndocuments; i++) {
		emit(fn, ctx, f->documents[i].title, f->documents[i].pos.line);
		emit(fn, ctx, f->documents[i].form_field, f->documents[i].pos.line);
	}
	for (size_t i = 0; i < f->ndeadlines; i++) {
		emit(fn, ctx, f->deadlines[i].label, f->deadlines[i].pos.line);
		emit(fn, ctx, f->deadlines[i].note, f->deadlines[i].pos.line);
	}
}
