/* SPDX-License-Identifier: GPL-3.0-or-later */
/* review.c — every answer by step, with what is missing or invalid marked
 * "!" and its reason; Enter jumps to the field, and F2 or Esc there comes
 * back here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "ui_internal.h"

struct review_line {
	size_t step;
	char *path; /* NULL for a step heading */
	char *text;
	bool bad;
};

struct review {
	struct review_line *v;
	size_t n, sel, top;
	size_t nissues;
};

static void add_line(struct review *rv, size_t step, const char *path, char *text, bool bad)
{
	rv->v = xreallocarray(rv->v, rv->n + 1, sizeof(*rv->v));
	rv->v[rv->n++] = (struct review_line){step, path ? xstrdup(path) : NULL, text, bad};
}

static const char *issue_for(const struct session_issue *is, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(is[i].path, path) == 0)
			return is[i].message;
	return NULL;
}

static void add_step(struct ui *ui, struct review *rv, size_t step, const struct session_issue *is,
		     size_t nis)
{
	const struct flow_step *st = &session_flow(ui->session)->steps[step];
	enum step_state state = session_step_state(ui->session, step);
	const char *mark = state == STEP_DONE	     ? ui_theme.done
			   : state == STEP_ATTENTION ? ui_theme.attention
						     : ui_theme.not_started;
	add_line(rv, step, NULL, xasprintf("%s %s", mark, flow_tr(st->title)), false);
	struct form_row *rows;
	size_t n;
	form_rows_build(ui->session, step, &rows, &n);
	for (size_t i = 0; i < n; i++) {
		const struct form_row *r = &rows[i];
		if (r->kind == ROW_ADD || r->kind == ROW_INFO)
			continue;
		const char *msg = issue_for(is, nis, r->path);
		char *sum = widget_summary(ui->session, r);
		/* "! Label — why", with the answer when there is one. */
		char *text = msg && *sum ? xasprintf("  %s %s: %s — %s", ui_theme.attention,
						     r->label, sum, msg)
			     : msg  ? xasprintf("  %s %s — %s", ui_theme.attention, r->label, msg)
			     : *sum ? xasprintf("    %s: %s", r->label, sum)
				    : xasprintf("    %s: —", r->label);
		add_line(rv, step, r->path, text, msg != NULL);
		free(sum);
	}
	form_rows_free(rows, n);
}

static void review_build(struct ui *ui, struct review *rv)
{
	struct session_issue *is;
	size_t nis = session_check(ui->session, &is);
	rv->nissues = nis;
	const struct flow *f = session_flow(ui->session);
	for (size_t i = 0; i < f->nsteps; i++)
		if (session_step_visible(ui->session, i))
			add_step(ui, rv, i, is, nis);
	session_issues_free(is, nis);
	/* Start on the first problem. */
	for (size_t i = 0; i < rv->n; i++)
		if (rv->v[i].bad) {
			rv->sel = i;
			break;
		}
}

static void review_free(struct review *rv)
{
	for (size_t i = 0; i < rv->n; i++) {
		free(rv->v[i].path);
		free(rv->v[i].text);
	}
	free(rv->v);
}

static void review_draw(struct ui *ui, void *state)
{
	struct review *rv = state;
	const struct ui_layout *l = &ui->lay;
	erase();
	if (ui_too_small(ui))
		return;
	ui_draw_case_title(ui, _("Review"));
	char *head = rv->nissues
			 ? xasprintf(ngettext("%zu answer missing or invalid, marked %s. Enter "
					      "goes to it.",
					      "%zu answers missing or invalid, marked %s. Enter "
					      "goes to one.",
					      rv->nissues),
				     rv->nissues, ui_theme.attention)
			 : xasprintf("%s %s", ui_theme.done, _("Everything required is answered."));
	draw_text(l->body_y, 1, l->cols - 2, A_BOLD, head, false);
	free(head);
	char *note = deadline_note(ui->session, true);
	if (note)
		draw_text_cut(l->body_y + 1, 1, l->cols - 2, A_NORMAL, note, false);
	free(note);
	int y0 = l->body_y + 2, h = l->body_h - 2;
	scroll_into_view(rv->sel, &rv->top, h);
	for (int i = 0; i < h && rv->top + (size_t)i < rv->n; i++) {
		const struct review_line *ln = &rv->v[rv->top + (size_t)i];
		attr_t a = ln->path ? (ln->bad ? ui_theme.error : A_NORMAL) : ui_theme.title;
		if (rv->top + (size_t)i == rv->sel)
			a = ui_theme.focus;
		draw_text_cut(y0 + i, 1, l->cols - 2, a, ln->text, rv->top + (size_t)i == rv->sel);
	}
	if (rv->top > 0)
		draw_text(y0, l->cols - 1, 1, A_BOLD, ui_theme.more_up, false);
	if (h > 0 && rv->top + (size_t)h < rv->n)
		draw_text(y0 + h - 1, l->cols - 1, 1, A_BOLD, ui_theme.more_down, false);
	ui_draw_status(ui);
	const struct ui_hint hints[] = {{"Enter", N_("edit")},
					{"F5", N_("submit")},
					{"Esc", N_("back")},
					{"F3", N_("cases")},
					{"q", N_("quit")}};
	draw_hints(l->hints_y, l->cols, hints, sizeof(hints) / sizeof(hints[0]));
}

static enum ui_next review_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct review *rv = state;
	if (rv->n == 0)
		return NEXT_STEP; /* nothing to review */
	switch (k->act) {
	case ACT_UP:
	case ACT_PREV:
		if (rv->sel > 0)
			rv->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (rv->sel + 1 < rv->n)
			rv->sel++;
		break;
	case ACT_CONFIRM: {
		const struct review_line *ln = &rv->v[rv->sel];
		struct ipw_error err = {0};
		if (session_goto_step(ui->session, ln->step, &err) != IPW_OK) {
			ui_status(ui, true, "%s", err.msg);
			break;
		}
		free(ui->jump_path);
		ui->jump_path = ln->path ? xstrdup(ln->path) : NULL;
		ui->from_review = true;
		return NEXT_STEP;
	}
	case ACT_CANCEL:
	case ACT_REVIEW:
	case ACT_PREV_STEP:
		ui->from_review = false;
		return NEXT_STEP;
	case ACT_HELP:
		help_show(ui, _("Review"),
			  _("Every answer of the case, step by step. Lines "
			    "marked ! are missing or invalid: Enter takes you "
			    "to the field, and F2 brings you back here."));
		break;
	case ACT_SUBMIT:
		return NEXT_SUBMIT;
	case ACT_CASES:
		return NEXT_HOME;
	default:
		break;
	}
	return NEXT_REVIEW;
}

enum ui_next review_run(struct ui *ui)
{
	struct review rv = {0};
	review_build(ui, &rv);
	enum ui_next next = ui_screen_loop(ui, NEXT_REVIEW, review_draw, review_key, &rv, NULL);
	review_free(&rv);
	return next;
}
