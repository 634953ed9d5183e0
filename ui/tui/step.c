/* SPDX-License-Identifier: GPL-3.0-or-later */
/* step.c — the step screen: title bar, the step list (folded away on narrow
 * terminals), the step's fields in a scrolled pane, the message line and
 * the key hints. Moving between steps saves the field being left first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "ui_internal.h"

static const enum step_state *step_marks(struct ui *ui);

static void draw_bar(struct ui *ui)
{
	const struct case_row *c = session_case(ui->session);
	const struct flow *f = session_flow(ui->session);
	step_marks(ui); /* which steps are shown, read once while the case is unchanged */
	size_t total, nth = step_number_among(ui->marks.shown, ui->marks.n, ui->form.step, &total);
	/* Whoever else is on the case takes the place of the titles: nobody
	 * is watched unseen, even on a narrow terminal. */
	bool others = ui_case_others(ui) != NULL;
	/* The flow's title only when the case has a title of its own, and never
	 * on a narrow terminal, where the step count matters more. */
	const char *ft = flow_tr(f->title);
	bool flow_too =
	    !others && ui->lay.cols >= UI_SIDEBAR_COLS && c->title && strcmp(c->title, ft) != 0;
	char *step = xasprintf(_("step %zu of %zu"), nth, total);
	char *right = xasprintf("%s%s%s%s", flow_too ? ft : "", flow_too ? " · " : "", step,
				ui->saved && ui->lay.cols >= UI_SIDEBAR_COLS ? _(" · saved") : "");
	free(step);
	char *left = ui_case_title_others(ui, right);
	if (!left)
		left = xasprintf("ipwiz · #%lld %s", (long long)c->id, c->title ? c->title : "");
	draw_title_bar(ui->lay.cols, left, right);
	free(left);
	free(right);
}

/* The next deadline at the foot of the step list, when there is room. */
static void draw_deadline(struct ui *ui, int below)
{
	const struct ui_layout *l = &ui->lay;
	const char *note = ui->marks.deadline; /* step_marks read it */
	if (!note)
		return;
	struct canvas m = {.width = l->side_w - 1};
	canvas_wrap(&m, 0, 0, note);
	int top = l->body_y + l->body_h - m.y;
	if (top > below) {
		struct canvas c = {
		    .draw = true, .scr_y = top, .height = m.y, .x = 1, .width = l->side_w - 1};
		canvas_wrap(&c, 0, A_BOLD, note);
	}
}

/* The mark of every step, read again only when the case changed. */
static const enum step_state *step_marks(struct ui *ui)
{
	struct step_marks *m = &ui->marks;
	const struct flow *f = session_flow(ui->session);
	uint64_t stamp = m->frame;
	if (m->session == ui->session && m->stamp == stamp && m->n == f->nsteps)
		return m->v;
	free(m->v);
	free(m->shown);
	free(m->deadline);
	m->deadline = deadline_note(ui->session, true);
	m->v = xcalloc(f->nsteps ? f->nsteps : 1, sizeof(*m->v));
	m->shown = xcalloc(f->nsteps ? f->nsteps : 1, sizeof(*m->shown));
	m->n = f->nsteps;
	for (size_t i = 0; i < f->nsteps; i++)
		if ((m->shown[i] = session_step_visible(ui->session, i)))
			m->v[i] = session_step_state(ui->session, i);
	m->session = ui->session;
	m->stamp = stamp;
	return m->v;
}

static void draw_steps(struct ui *ui)
{
	const struct ui_layout *l = &ui->lay;
	if (!l->side_w)
		return;
	const struct flow *f = session_flow(ui->session);
	const enum step_state *marks = step_marks(ui);
	int y = l->body_y;
	for (size_t i = 0; i < f->nsteps && y < l->body_y + l->body_h; i++) {
		if (!ui->marks.shown[i])
			continue;
		enum step_state st = marks[i];
		const char *mark = st == STEP_DONE	  ? ui_theme.done
				   : st == STEP_ATTENTION ? ui_theme.attention
							  : ui_theme.not_started;
		bool cur = i == ui->form.step;
		char *line = xasprintf("%s %s %s", cur ? ui_theme.current : " ", mark,
				       flow_tr(f->steps[i].title));
		draw_text_cut(y++, l->side_x, l->side_w, cur ? ui_theme.focus : A_NORMAL, line,
			      true);
		free(line);
	}
	draw_deadline(ui, y);
	for (int r = l->body_y; r < l->body_y + l->body_h; r++)
		draw_text(r, l->side_w, 1, A_NORMAL, ui_theme.vline, false);
}

/* The step's title, intro and rows; fills each row's y and h. */
static int lay_rows(struct ui *ui, struct canvas *c)
{
	struct form *fm = &ui->form;
	const struct flow_step *st = &session_flow(ui->session)->steps[fm->step];
	canvas_text(c, 0, ui_theme.title, flow_tr(st->title));
	if (st->intro)
		canvas_wrap(c, 0, ui_theme.help, flow_tr(st->intro));
	canvas_blank(c);
	uint64_t stamp = ui->marks.frame;
	for (size_t i = 0; i < fm->nrows; i++) {
		widget_problem_refresh(ui, &fm->rows[i], stamp);
		fm->rows[i].y = c->y;
		widget_draw(ui, &fm->rows[i], i == fm->focus, c);
		fm->rows[i].h = c->y - fm->rows[i].y;
	}
	return c->y;
}

/* "▲" / "▼" at the pane's right edge when it scrolls further. */
static void draw_more_marks(struct ui *ui)
{
	const struct ui_layout *l = &ui->lay;
	const struct form *fm = &ui->form;
	if (fm->scroll > 0)
		draw_text(l->body_y, l->cols - 1, 1, A_BOLD, ui_theme.more_up, false);
	if (fm->total > fm->scroll + l->body_h)
		draw_text(l->body_y + l->body_h - 1, l->cols - 1, 1, A_BOLD, ui_theme.more_down,
			  false);
}

static void draw_pane(struct ui *ui)
{
	const struct ui_layout *l = &ui->lay;
	struct form *fm = &ui->form;
	struct canvas c = {.draw = false, .height = l->body_h, .x = l->main_x, .width = l->main_w};
	int total = lay_rows(ui, &c);
	if (fm->focus < fm->nrows) {
		const struct form_row *r = &fm->rows[fm->focus];
		bool first = true;
		for (size_t i = 0; i < fm->focus; i++)
			first = first && !row_focusable(&fm->rows[i]);
		if (first)
			fm->scroll = 0; /* keep the step's title in view */
		if (r->y < fm->scroll)
			fm->scroll = r->y;
		if (r->y + r->h > fm->scroll + l->body_h)
			fm->scroll = r->y + r->h - l->body_h;
		if (r->h > l->body_h)
			fm->scroll = r->y;
	}
	/* No empty space below the last line (after a resize to larger). */
	if (fm->scroll > total - l->body_h)
		fm->scroll = total - l->body_h;
	if (fm->scroll < 0)
		fm->scroll = 0;
	c = (struct canvas){.draw = true,
			    .top = fm->scroll,
			    .scr_y = l->body_y,
			    .height = l->body_h,
			    .x = l->main_x,
			    .width = l->main_w};
	fm->cur_y = fm->cur_x = -1;
	lay_rows(ui, &c);
	fm->total = total;
	draw_more_marks(ui);
}

/* A key that only edited the text being typed changes nothing but the
 * focused row: its height, the layout and every other row stay as they are.
 * So the row alone is drawn over the last frame, and the frame's layout
 * and ncurses' comparison of the whole screen are skipped — most keys are
 * typing. False (the caller draws the whole frame) when the row's height
 * came out different after all. */
static bool step_draw_typing(struct ui *ui)
{
	const struct ui_layout *l = &ui->lay;
	struct form *fm = &ui->form;
	if (l->too_small || fm->focus >= fm->nrows)
		return false;
	struct form_row *r = &fm->rows[fm->focus];
	struct canvas c = {.draw = true,
			   .top = fm->scroll,
			   .y = r->y,
			   .scr_y = l->body_y,
			   .height = l->body_h,
			   .x = l->main_x,
			   .width = l->main_w};
	fm->cur_y = fm->cur_x = -1;
	widget_draw(ui, r, true, &c);
	if (c.y - r->y != r->h)
		return false;
	draw_more_marks(ui);
	ui_draw_status(ui);
	return true;
}

static void draw_step_hints(struct ui *ui)
{
	const struct form *fm = &ui->form;
	bool typing = fm->focus < fm->nrows && row_typing(&fm->rows[fm->focus]);
	if (ui->coach.watching) { /* only reading: no keys that would change anything */
		const struct ui_hint w[] = {{"Tab", N_("next")},
					    {typing ? ui_quit_key() : "q", N_("leave")},
					    {"F1", N_("help")}};
		draw_hints(ui->lay.hints_y, ui->lay.cols, w, sizeof(w) / sizeof(w[0]));
		return;
	}
	/* Most needed first: narrow terminals drop the hints at the end. */
	const struct ui_hint h[] = {
	    {"Tab", N_("next")},
	    {"PgDn", N_("next step")},
	    {typing ? ui_quit_key() : "q", N_("quit")},
	    {"F1", N_("help")},
	    {"PgUp", N_("back")},
	    {"F2", ui->from_review ? N_("back to review") : N_("review")},
	};
	draw_hints(ui->lay.hints_y, ui->lay.cols, h, sizeof(h) / sizeof(h[0]));
}

/* The step's state is the form in struct ui (the open case's). */
static void step_draw(struct ui *ui, void *state)
{
	(void)state;
	erase();
	if (ui_too_small(ui))
		return;
	/* One digest of the case a frame: what is read again only when the
	 * case changed (the marks, each row's problem) compares with it. */
	ui->marks.frame = session_stamp(ui->session);
	draw_bar(ui);
	draw_steps(ui);
	draw_pane(ui);
	ui_draw_status(ui);
	draw_step_hints(ui);
}

static void show_cursor(struct ui *ui)
{
	const struct form *fm = &ui->form;
	if (!ui->lay.too_small && fm->cur_y >= 0) {
		move(fm->cur_y, fm->cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

/* Focus the next (dir > 0) or previous focusable row; false when there is
 * none that way. */
static bool move_focus(struct ui *ui, int dir)
{
	struct form *fm = &ui->form;
	size_t i = fm->focus;
	for (;;) {
		if (dir > 0 ? i + 1 >= fm->nrows : i == 0 || i > fm->nrows)
			return false;
		i = dir > 0 ? i + 1 : i - 1;
		if (row_focusable(&fm->rows[i]))
			break;
	}
	form_focus(ui, i);
	return true;
}

static void go_step(struct ui *ui, size_t step)
{
	struct ipw_error err = {0};
	if (session_goto_step(ui->session, step, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	ui->form.step = step;
	ui->form.scroll = 0;
	form_rebuild(ui, NULL);
}

static void step_enter(struct ui *ui)
{
	ui->form.step = session_current_step(ui->session);
	ui->form.scroll = 0;
	if (!session_step_visible(ui->session, ui->form.step))
		ui->form.step = session_next_step(ui->session, ui->form.step);
	form_rebuild(ui, ui->jump_path);
	free(ui->jump_path);
	ui->jump_path = NULL;
}

static void show_help(struct ui *ui)
{
	const struct form *fm = &ui->form;
	const struct flow_step *st = &session_flow(ui->session)->steps[fm->step];
	if (fm->focus < fm->nrows && fm->rows[fm->focus].field->help)
		help_show(ui, fm->rows[fm->focus].label, flow_tr(fm->rows[fm->focus].field->help));
	else
		help_show(ui, flow_tr(st->title), st->help ? flow_tr(st->help) : NULL);
}

/* A key the focused row did not use. Returns NEXT_STEP to stay; *unused
 * when the key did nothing at all (the screen stays as it is). */
static enum ui_next step_key(struct ui *ui, const struct ui_key *k, bool *unused)
{
	size_t step = ui->form.step;
	switch (k->act) {
	case ACT_NEXT:
	case ACT_DOWN:
		if (!move_focus(ui, 1))
			ui_status(ui, false, "%s",
				  _("This is the last field of the step: Enter or PgDn goes on."));
		break;
	case ACT_CONFIRM:
		/* Enter confirms: the next field, and after the last one the next step. */
		if (move_focus(ui, 1))
			break;
		/* fall through */
	case ACT_NEXT_STEP:
		if (!form_commit(ui))
			break; /* not saved: the text stays where it is */
		if (session_next_step(ui->session, step) == step)
			return NEXT_REVIEW; /* past the last step: what is left to do */
		go_step(ui, session_next_step(ui->session, step));
		break;
	case ACT_PREV:
	case ACT_UP:
		move_focus(ui, -1);
		break;
	case ACT_PREV_STEP:
		if (!form_commit(ui))
			break;
		go_step(ui, session_prev_step(ui->session, step));
		break;
	case ACT_HELP:
		show_help(ui);
		break;
	case ACT_REVIEW:
		if (!form_commit(ui))
			break;
		return NEXT_REVIEW;
	case ACT_SUBMIT:
		if (!form_commit(ui))
			break;
		return NEXT_SUBMIT;
	case ACT_CASES:
		if (!form_commit(ui))
			break;
		return NEXT_HOME;
	case ACT_QUIT:
		form_commit(ui);
		return NEXT_QUIT;
	case ACT_SIGNAL:
		form_keep_draft(ui); /* typed, never confirmed: a draft */
		return NEXT_QUIT;
	case ACT_CANCEL:
		if (ui->from_review) {
			form_commit(ui);
			return NEXT_REVIEW;
		}
		break;
	case ACT_RESIZE:
		ui_relayout(ui);
		break;
	default:
		*unused = true;
		break;
	}
	return NEXT_STEP;
}

bool step_screen_shown(const struct ui *ui)
{
	return ui->redraw == step_draw;
}

enum ui_next step_run(struct ui *ui)
{
	step_enter(ui);
	ui->redraw = step_draw;
	ui->redraw_state = NULL;
	bool typed = false; /* the last key only edited the text being typed */
	bool idle = false;  /* the last key did nothing */
	for (;;) {
		if (idle && !ui->lay.too_small)
			ui_draw_status(ui);
		else if (!typed || !step_draw_typing(ui))
			step_draw(ui, NULL);
		typed = idle = false;
		show_cursor(ui);
		struct form *fm = &ui->form;
		struct form_row *r = fm->focus < fm->nrows ? &fm->rows[fm->focus] : NULL;
		bool typing = r && row_typing(r);
		struct ui_key k;
		ui_read_key(ui, &k, typing, r && r->kind == ROW_TEXTAREA);
		/* While waiting, a watcher may have followed to another step: the
		 * rows r pointed into are gone. Look the focused row up again. */
		r = fm->focus < fm->nrows ? &fm->rows[fm->focus] : NULL;
		typing = r && row_typing(r);
		if (k.act != ACT_RESIZE && k.act != ACT_SIGNAL && k.act != ACT_HELP &&
		    k.act != ACT_REFRESH)
			ui_status(ui, false, "%s", "");
		if (coach_refuses(ui, k.act))
			continue;
		if (k.act == ACT_REFRESH) {
			/* Their change may show or hide fields; what is being typed stays. */
			if (!typing && r) {
				char *p = xstrdup(r->path);
				form_rebuild(ui, p);
				free(p);
			}
			continue;
		}
		size_t focus = fm->focus;
		/* Typing in a text, a long text or a file's path changes that
		 * row alone (step_draw_typing checks its height). */
		bool in_text = typing && (r->kind == ROW_TEXT || r->kind == ROW_TEXTAREA ||
					  r->kind == ROW_EVIDENCE);
		if (r && widget_key(ui, r, &k)) {
			/* r may be stale now (a paste rebuilds the form) */
			typed = in_text && fm->focus == focus &&
				(k.act == ACT_CHAR || k.act == ACT_EDIT || k.act == ACT_NEWLINE);
			/* A choice can show or hide fields: lay the step out again. */
			if (!typing && fm->focus < fm->nrows) {
				char *p = xstrdup(fm->rows[fm->focus].path);
				form_rebuild(ui, p);
				free(p);
			}
			continue;
		}
		bool unused = false;
		enum ui_next next = step_key(ui, &k, &unused);
		/* Nothing changed but the message line, which the key cleared. */
		idle = unused;
		if (next != NEXT_STEP) {
			ui->redraw = NULL;
			if (next != NEXT_REVIEW)
				ui->from_review = false;
			if (k.act == ACT_SIGNAL)
				ui->exit_status = 128 + ui_signal_number();
			return next;
		}
	}
}
