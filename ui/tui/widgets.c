/* SPDX-License-Identifier: GPL-3.0-or-later */
/* widgets.c — how each kind of answer looks and what keys do to it. A row
 * draws its label, its help (when focused), its value and, when the saved
 * value does not pass, the reason with a "!" so it reads without colour. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

const char *widget_choice_label(const struct flow_field *f, const char *value)
{
	for (size_t i = 0; value && i < f->nchoices; i++)
		if (strcmp(f->choices[i].value, value) == 0)
			return flow_tr(f->choices[i].label);
	return value;
}

/* "Genuine goods, Authorised" from "genuine\nauthorised". */
static char *multi_labels(const struct flow_field *f, const char *value)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; value && i < f->nchoices; i++) {
		const char *v = f->choices[i].value;
		size_t n = strlen(v);
		for (const char *p = value; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			if (len == n && strncmp(p, v, n) == 0) {
				if (b.len)
					strbuf_add(&b, ", ");
				strbuf_add(&b, flow_tr(f->choices[i].label));
				break;
			}
			p += len + (nl ? 1 : 0);
		}
	}
	return strbuf_detach(&b);
}

char *widget_summary(const struct session *s, const struct form_row *r)
{
	const char *v = session_get(s, r->path);
	switch (r->kind) {
	case ROW_CHOICE:
		return xstrdup(v ? widget_choice_label(r->field, v) : "");
	case ROW_MULTI:
		return multi_labels(r->field, v);
	case ROW_YESNO:
		return xstrdup(!v ? "" : strcmp(v, "yes") == 0 ? _("Yes") : _("No"));
	case ROW_AFFIRM: {
		char *why = v ? session_affirmation_void(s, r->path) : NULL;
		char *text = xstrdup(why ? _("void") : v ? _("affirmed") : "");
		free(why);
		return text;
	}
	case ROW_LIST: {
		size_t n = session_list_count(s, r->path);
		return xasprintf(ngettext("%zu item", "%zu items", n), n);
	}
	case ROW_EVIDENCE: {
		size_t n = session_evidence_usable(s, r->path);
		return xasprintf(ngettext("%zu usable file", "%zu usable files", n), n);
	}
	default:
		break;
	}
	if (!v)
		return xstrdup("");
	/* One line: the first line of a textarea with a mark that more follows. */
	const char *nl = strchr(v, '\n');
	return nl ? xasprintf("%.*s%s", (int)(nl - v), v, ui_theme.ellipsis) : xstrdup(v);
}

static void draw_label(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	bool req =
	    session_field_required(ui->session, r->kind == ROW_ADD ? r->list->path : r->path);
	char *line = xasprintf("%s %s%s", focused ? ui_theme.current : " ", r->label,
			       req && r->kind != ROW_ADD ? " *" : "");
	canvas_text(c, 0, ui_theme.label | (focused ? A_UNDERLINE : 0), line);
	free(line);
	if (focused && r->field->help && r->kind != ROW_ADD)
		canvas_wrap(c, 2, ui_theme.help, flow_tr(r->field->help));
}

/* "[text   ]" at the canvas's next line; returns the screen row or -1. */
static int draw_input(struct canvas *c, attr_t a, const char *text, bool hint)
{
	int row = canvas_row(c);
	int w = c->width - 4;
	if (row >= 0 && w > 0) {
		draw_text(row, c->x + 2, 1, A_NORMAL, "[", false);
		draw_fill(row, c->x + 3, w, a);
		draw_text_cut(row, c->x + 3, w, a | (hint ? A_DIM : 0), text, false);
		draw_text(row, c->x + 3 + w, 1, A_NORMAL, "]", false);
	}
	c->y++;
	return row;
}

static void draw_text_row(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	struct form *fm = &ui->form;
	int w = c->width - 4;
	if (!focused) {
		const char *v = session_get(ui->session, r->path);
		const char *hint = NULL;
		if (!v && r->field->type == FIELD_DATE)
			hint = _("YYYY-MM-DD");
		else if (!v && r->field->default_value && !strchr(r->path, '.'))
			hint = r->field->default_value;
		else if (!v && r->field->placeholder)
			hint = flow_tr(r->field->placeholder);
		draw_input(c, ui_theme.input, v ? v : hint ? hint : "", !v);
		return;
	}
	size_t col = textfield_scroll_to_cursor(&fm->tf, w > 0 ? (size_t)w : 1);
	bool empty = fm->tf.len == 0;
	const char *hint = empty && r->field->type == FIELD_DATE ? _("YYYY-MM-DD")
			   : empty && r->field->placeholder	 ? flow_tr(r->field->placeholder)
								 : NULL;
	int row = draw_input(c, ui_theme.focus, hint ? hint : fm->tf.s + fm->tf.scroll, hint);
	if (row >= 0) {
		fm->cur_y = row;
		fm->cur_x = c->x + 3 + (int)col;
		/* Text scrolled off to the left: say so where the bracket was. */
		if (fm->tf.scroll > 0)
			draw_text(row, c->x + 2, 1, A_BOLD, ui_theme.more_left, false);
	}
}

enum { TEXTAREA_MIN = 3, TEXTAREA_MAX = 8 };

static void draw_textarea(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	struct form *fm = &ui->form;
	struct textfield shown;
	textfield_init(&shown, true);
	const struct textfield *tf = &fm->tf;
	if (!focused) {
		textfield_set(&shown, session_get(ui->session, r->path));
		tf = &shown;
	}
	int w = c->width - 4;
	struct textfield_line *v;
	size_t n = textfield_wrap(tf, w > 1 ? (size_t)w : 2, &v);
	size_t col = 0, line = focused ? textfield_cursor_line(tf, v, n, &col) : 0;
	size_t top = focused ? fm->tf.top : 0;
	if (line < top)
		top = line;
	if (line >= top + TEXTAREA_MAX)
		top = line + 1 - TEXTAREA_MAX;
	if (focused)
		fm->tf.top = top;
	size_t shown_n = n - top < TEXTAREA_MAX ? n - top : TEXTAREA_MAX;
	for (size_t i = 0; i < (shown_n > TEXTAREA_MIN ? shown_n : TEXTAREA_MIN); i++) {
		char *piece =
		    top + i < n ? xstrndup(tf->s + v[top + i].start, v[top + i].len) : xstrdup("");
		int row = draw_input(c, focused ? ui_theme.focus : ui_theme.input, piece, false);
		free(piece);
		if (focused && top + i == line && row >= 0) {
			fm->cur_y = row;
			fm->cur_x = c->x + 3 + (int)(col < (size_t)w ? col : (size_t)(w - 1));
		}
	}
	if (!focused && n > top + TEXTAREA_MAX)
		canvas_text(c, 3, ui_theme.help, ui_theme.ellipsis);
	free(v);
	textfield_free(&shown);
}

static void draw_choice(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	const char *v = session_get(ui->session, r->path);
	char *text = r->kind == ROW_MULTI ? multi_labels(r->field, v)
					  : xstrdup(v ? widget_choice_label(r->field, v) : "");
	bool empty = !*text;
	if (empty) {
		free(text);
		text = xstrdup(r->kind == ROW_MULTI ? _("(none: press Enter to choose)")
						    : _("(press Enter to choose)"));
	}
	draw_input(c, focused ? ui_theme.focus : ui_theme.input, text, empty);
	free(text);
}

static void draw_yesno(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	const char *v = session_get(ui->session, r->path);
	bool yes = v && strcmp(v, "yes") == 0, no = v && strcmp(v, "no") == 0;
	char *line = xasprintf("%s %s   %s %s", yes ? ui_theme.radio_on : ui_theme.radio_off,
			       _("Yes"), no ? ui_theme.radio_on : ui_theme.radio_off, _("No"));
	canvas_text(c, 2, focused ? ui_theme.focus : A_NORMAL, line);
	free(line);
}

static void draw_affirm(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	if (r->field->statement)
		canvas_wrap(c, 2, A_NORMAL, flow_tr(r->field->statement));
	const char *v = session_get(ui->session, r->path);
	/* A void affirmation is not shown ticked: one Space affirms it again. */
	char *why = v ? session_affirmation_void(ui->session, r->path) : NULL;
	char *line;
	if (why) {
		char *mark = xasprintf("[%s]", ui_theme.attention);
		line = xasprintf(_("%s I affirm this statement — void: %s"), mark, why);
		free(mark);
	} else {
		line = xasprintf("%s %s", v ? ui_theme.on : ui_theme.off,
				 _("I affirm this statement"));
	}
	canvas_wrap(c, 2, focused ? ui_theme.focus : why ? ui_theme.error : A_NORMAL, line);
	free(line);
	free(why);
}

static void draw_list_head(struct ui *ui, const struct form_row *r, struct canvas *c)
{
	size_t n = session_list_count(ui->session, r->path);
	bool req = session_field_required(ui->session, r->path);
	char *line = xasprintf("  %s%s", r->label, req ? " *" : "");
	canvas_text(c, 0, ui_theme.label, line);
	free(line);
	if (r->field->help)
		canvas_wrap(c, 2, ui_theme.help, flow_tr(r->field->help));
	char *count = r->field->max_items
			  ? xasprintf(ngettext("%zu of at most %u item", "%zu of at most %u items",
					       r->field->max_items),
				      n, r->field->max_items)
			  : xasprintf(ngettext("%zu item", "%zu items", n), n);
	canvas_text(c, 2, A_NORMAL, count);
	free(count);
}

/* The reason the saved answer does not pass, under the field. */
void widget_problem_refresh(struct ui *ui, struct form_row *r, uint64_t stamp)
{
	if (r->problem_read && r->problem_stamp == stamp)
		return;
	free(r->problem);
	r->problem = NULL;
	r->problem_read = true;
	r->problem_stamp = stamp;
	const char *v = session_get(ui->session, r->path);
	if (!v || r->kind == ROW_LIST || r->kind == ROW_ADD || r->kind == ROW_EVIDENCE)
		return;
	struct ipw_error err = {0};
	if (session_validate(ui->session, r->path, v, &err) != IPW_OK)
		r->problem = xstrdup(err.msg);
}

static void draw_problem(const struct form_row *r, struct canvas *c)
{
	if (!r->problem)
		return;
	char *line = xasprintf("%s %s", ui_theme.attention, r->problem);
	canvas_wrap(c, 2, ui_theme.error, line);
	free(line);
}

void widget_draw(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	switch (r->kind) {
	case ROW_LIST:
		draw_list_head(ui, r, c);
		return;
	case ROW_INFO:
		if (r->field->label)
			canvas_text(c, 2, ui_theme.label, r->label);
		canvas_wrap(c, 2, A_NORMAL, flow_tr(r->field->help));
		canvas_blank(c);
		return;
	case ROW_ADD: {
		char *line = xasprintf("%s [+] %s", focused ? ui_theme.current : " ", r->label);
		canvas_text(c, 0, focused ? ui_theme.focus : A_NORMAL, line);
		free(line);
		canvas_blank(c);
		return;
	}
	case ROW_EVIDENCE:
		evidence_row_draw(ui, r, focused, c);
		canvas_blank(c);
		return;
	default:
		break;
	}
	draw_label(ui, r, focused, c);
	switch (r->kind) {
	case ROW_TEXTAREA:
		draw_textarea(ui, r, focused, c);
		break;
	case ROW_CHOICE:
	case ROW_MULTI:
		draw_choice(ui, r, focused, c);
		break;
	case ROW_YESNO:
		draw_yesno(ui, r, focused, c);
		break;
	case ROW_AFFIRM:
		draw_affirm(ui, r, focused, c);
		break;
	default:
		draw_text_row(ui, r, focused, c);
	}
	draw_problem(r, c);
	canvas_blank(c);
}
