/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form.c — the focusable parts of one step and moving between them. Each
 * answer is saved (in draft mode, so nothing typed is refused) the moment
 * the focus leaves it; the rows are rebuilt afterwards because an answer can
 * show or hide other fields. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

bool row_focusable(const struct form_row *r)
{
	return r->kind != ROW_LIST && r->kind != ROW_INFO;
}

bool row_typing(const struct form_row *r)
{
	return r->kind == ROW_TEXT || r->kind == ROW_TEXTAREA || r->kind == ROW_EVIDENCE;
}

static enum row_kind kind_of(enum field_type t)
{
	switch (flow_field_shape(t)) {
	case FIELD_SHAPE_TEXTAREA:
		return ROW_TEXTAREA;
	case FIELD_SHAPE_CHOICE:
		return ROW_CHOICE;
	case FIELD_SHAPE_MULTICHOICE:
		return ROW_MULTI;
	case FIELD_SHAPE_YESNO:
		return ROW_YESNO;
	case FIELD_SHAPE_DECLARATION:
		return ROW_AFFIRM;
	case FIELD_SHAPE_LIST:
		return ROW_LIST;
	case FIELD_SHAPE_EVIDENCE:
		return ROW_EVIDENCE;
	case FIELD_SHAPE_INFO:
		return ROW_INFO;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
		return ROW_TEXT;
	}
	return ROW_TEXT; /* no case default: -Wswitch names a new shape here */
}

struct rows {
	struct form_row *v;
	size_t n;
};

static void add_row(struct rows *rs, enum row_kind kind, const struct flow_field *f,
		    const struct flow_field *list, size_t item, char *path, char *label)
{
	rs->v = xreallocarray(rs->v, rs->n + 1, sizeof(*rs->v));
	rs->v[rs->n] = (struct form_row){
	    .kind = kind, .field = f, .list = list, .item = item, .path = path, .label = label};
	rs->n++;
}

static void add_list(const struct session *s, const struct flow_field *f, struct rows *rs)
{
	add_row(rs, ROW_LIST, f, f, 0, xstrdup(f->path), xstrdup(flow_tr(f->label)));
	size_t count = session_list_count(s, f->path);
	for (size_t i = 1; i <= count; i++)
		for (size_t j = 0; j < f->nitems; j++) {
			const struct flow_field *sub = &f->items[j];
			char *path = xasprintf("%s.%zu.%s", f->path, i, sub->id);
			if (!session_field_visible(s, path)) {
				free(path);
				continue;
			}
			add_row(rs, kind_of(sub->type), sub, f, i, path,
				xasprintf("%zu. %s", i, flow_tr(sub->label)));
		}
	if (!f->max_items || count < f->max_items)
		add_row(rs, ROW_ADD, f, f, 0, xasprintf("%s.+", f->path),
			xasprintf(_("Add an item to “%s”"), flow_tr(f->label)));
}

void form_rows_build(const struct session *s, size_t step, struct form_row **rows, size_t *n)
{
	struct rows rs = {0};
	const struct flow_step *st = &session_flow(s)->steps[step];
	for (size_t i = 0; i < st->nfields; i++) {
		const struct flow_field *f = &st->fields[i];
		if (!session_field_visible(s, f->path))
			continue;
		enum row_kind k = kind_of(f->type);
		if (k == ROW_LIST) {
			add_list(s, f, &rs);
			continue;
		}
		add_row(&rs, k, f, NULL, 0, xstrdup(f->path), xstrdup(flow_tr(f->label)));
		if (f->type == FIELD_DECLARATION && f->signature)
			add_row(&rs, ROW_TEXT, f, NULL, 0, xasprintf("%s.name", f->path),
				xstrdup(_("Your full name, as your signature")));
	}
	*rows = rs.v;
	*n = rs.n;
}

void form_rows_free(struct form_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].path);
		free(rows[i].label);
		free(rows[i].problem);
	}
	free(rows);
}

void form_clear(struct form *f)
{
	form_rows_free(f->rows, f->nrows);
	f->rows = NULL;
	f->nrows = 0;
	textfield_free(&f->tf);
	free(f->orig);
	f->orig = NULL;
}

/* Give row i the focus without saving anything: load its text input. */
static void take_focus(struct ui *ui, size_t i)
{
	struct form *fm = &ui->form;
	fm->focus = i;
	free(fm->orig);
	fm->orig = NULL;
	if (i >= fm->nrows)
		return;
	const struct form_row *r = &fm->rows[i];
	textfield_free(&fm->tf);
	textfield_init(&fm->tf, r->kind == ROW_TEXTAREA);
	if (r->kind == ROW_TEXT || r->kind == ROW_TEXTAREA) {
		const char *v = session_get(ui->session, r->path);
		fm->orig = v ? xstrdup(v) : NULL;
		/* An unanswered field offers the flow's default; leaving keeps it. */
		if (!v && !strchr(r->path, '.'))
			v = r->field->default_value;
		textfield_set(&fm->tf, v);
	}
}

void form_rebuild(struct ui *ui, const char *focus_path)
{
	struct form *fm = &ui->form;
	char *want = focus_path ? xstrdup(focus_path) : NULL;
	form_rows_free(fm->rows, fm->nrows);
	form_rows_build(ui->session, fm->step, &fm->rows, &fm->nrows);
	size_t at = fm->nrows;
	for (size_t i = 0; i < fm->nrows && want; i++)
		if (row_focusable(&fm->rows[i]) && strcmp(fm->rows[i].path, want) == 0)
			at = i;
	for (size_t i = 0; i < fm->nrows && at == fm->nrows; i++)
		if (row_focusable(&fm->rows[i]))
			at = i;
	free(want);
	take_focus(ui, at);
}

static void settle_conflict(struct ui *ui, const char *path, const char *value,
			    struct answer_conflict *c)
{
	char *theirs = c->value ? xstrdup(c->value) : xstrdup(_("(empty)"));
	char *q = xasprintf(_("%s changed this answer to “%s” meanwhile. Keep yours?"),
			    c->actor ? c->actor : "?", theirs);
	struct ipw_error err = {0};
	int yes = ui_ask(ui, q);
	if (yes < 0) {
		/* Hung up before the question was answered: ours is kept as a
		 * draft (theirs stays in the history), decided by nobody. */
		if (session_keep_draft(ui->session, path, value, &err) != IPW_OK)
			ui_status(ui, true, "%s", err.msg);
	} else if (yes) {
		if (session_set_force(ui->session, path, value, SESSION_DRAFT, &err) == IPW_EENV)
			ui_status(ui, true, "%s", err.msg);
		else
			ui_status(ui, false, "%s", _("Your answer was kept."));
	} else {
		session_reload(ui->session, &err);
		ui_status(ui, false, "%s", _("Their answer was taken."));
	}
	coach_settled(ui, path);
	free(q);
	free(theirs);
}

bool form_save(struct ui *ui, const char *path, const char *value)
{
	struct ipw_error err = {0};
	struct answer_conflict c = {0};
	if (coach_changed_under(ui, path, value, &c)) {
		settle_conflict(ui, path, value, &c);
		answer_conflict_clear(&c);
		return true;
	}
	int r = session_set(ui->session, path, value, SESSION_DRAFT, &c, &err);
	switch (r) {
	case IPW_OK:
		ui->saved = true;
		coach_settled(ui, path);
		ui_status(ui, false, "%s", "");
		break;
	case IPW_ECONFLICT:
		settle_conflict(ui, path, value, &c);
		answer_conflict_clear(&c);
		break;
	case IPW_EUSER:
		/* Kept as a draft: the message shows under the field too. */
		ui->saved = session_get(ui->session, path) != NULL || !value;
		coach_settled(ui, path);
		ui_status(ui, true, "%s", err.msg);
		break;
	default:
		ui->saved = false;
		ui_status(ui, true, "%s", err.msg);
		return false;
	}
	return true;
}

bool form_commit(struct ui *ui)
{
	struct form *fm = &ui->form;
	if (fm->focus >= fm->nrows)
		return true;
	const struct form_row *r = &fm->rows[fm->focus];
	if (r->kind == ROW_EVIDENCE) {
		/* A typed path is attached when leaving too: nothing typed is lost. */
		if (fm->tf.len)
			evidence_row_attach(ui, r, fm->tf.s);
		textfield_set(&fm->tf, NULL);
		return true;
	}
	if (r->kind != ROW_TEXT && r->kind != ROW_TEXTAREA)
		return true;
	const char *old = session_get(ui->session, r->path);
	/* Unchanged is saved already — unless it is a draft kept from a
	 * hang-up: leaving its field is the user taking it. */
	if (strcmp(old ? old : "", fm->tf.s) == 0 && !session_is_draft(ui->session, r->path))
		return true;
	/* The database refused (locked, disk full, read-only): the text stays
	 * in its field, with the focus, until a save succeeds. */
	if (!form_save(ui, r->path, fm->tf.s))
		return false;
	free(fm->orig);
	fm->orig = xstrdup(fm->tf.s);
	return true;
}

void form_keep_draft(struct ui *ui)
{
	struct form *fm = &ui->form;
	if (fm->focus >= fm->nrows)
		return;
	const struct form_row *r = &fm->rows[fm->focus];
	if (r->kind != ROW_TEXT && r->kind != ROW_TEXTAREA)
		return;
	const char *old = session_get(ui->session, r->path);
	if (strcmp(old ? old : "", fm->tf.s) == 0)
		return;
	struct ipw_error err = {0};
	session_keep_draft(ui->session, r->path, fm->tf.s, &err);
}

void form_focus(struct ui *ui, size_t i)
{
	struct form *fm = &ui->form;
	if (i >= fm->nrows)
		return;
	if (!form_commit(ui))
		return; /* not saved: stay, with the text */
	char *path = xstrdup(fm->rows[i].path);
	form_rebuild(ui, path);
	free(path);
}
