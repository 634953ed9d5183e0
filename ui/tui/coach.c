/* SPDX-License-Identifier: GPL-3.0-or-later */
/* coach.c — live updates, presence and watch mode (coach.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "base/base.h"
#include "coach.h"
#include "ui_internal.h"

/* A saved change must show on the other screen within a second, on a busy
 * shared host too: PRAGMA data_version is a read of shared memory, so it is
 * asked often. Who is here changes slowly and costs a query. */
#define CHANGE_POLL_MS	 150
#define PRESENCE_POLL_MS 500

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void coach_clear(struct coach_state *c)
{
	free(c->edit_path);
	free(c->others);
	free(c->following);
	free(c->follow_wanted);
	memset(c, 0, sizeof *c);
}

static const char *focused_path(const struct ui *ui)
{
	const struct form *fm = &ui->form;
	return fm->focus < fm->nrows ? fm->rows[fm->focus].path : NULL;
}

static const char *step_id(const struct ui *ui)
{
	const struct flow *f = session_flow(ui->session);
	return ui->form.step < f->nsteps ? f->steps[ui->form.step].id : NULL;
}

/* "li — editing, step 3\nwang — watching", one person a line, each step
 * numbered as the steps are shown (its place among the visible ones). */
static char *describe_others(struct ui *ui, const struct presence_row *v, size_t n)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < n; i++) {
		int step = flow_step_index(session_flow(ui->session), v[i].step);
		size_t nth = step >= 0 ? session_step_number(ui->session, (size_t)step, NULL) : 0;
		char *d = session_presence_describe(&v[i], (int)nth);
		/* one line each: a name cannot break the list */
		for (char *p = d; *p; p++)
			if (*p == '\n')
				*p = ' ';
		if (b.len)
			strbuf_add(&b, "\n");
		strbuf_add(&b, d);
		free(d);
	}
	return strbuf_detach(&b);
}

static bool here(const struct presence_row *v, size_t n, const char *who)
{
	for (size_t i = 0; who && i < n; i++)
		if (v[i].actor && strcmp(v[i].actor, who) == 0)
			return true;
	return false;
}

/* Whom a watcher follows among the others here: the person asked for
 * (`watch --follow`), else the case's owner, else the first person editing
 * (the list is sorted by name). NULL when nobody is here to follow. */
static const struct presence_row *whom_to_follow(struct ui *ui, const struct presence_row *v,
						 size_t n)
{
	const char *wanted[] = {ui->coach.follow_wanted, session_case(ui->session)->owner};
	for (size_t w = 0; w < sizeof wanted / sizeof *wanted; w++)
		for (size_t i = 0; wanted[w] && i < n; i++)
			if (v[i].actor && strcmp(v[i].actor, wanted[w]) == 0)
				return &v[i];
	for (size_t i = 0; i < n; i++)
		if (v[i].mode == PRESENCE_EDITING && v[i].actor)
			return &v[i];
	return NULL;
}

/* The person followed changed: say so on the status line. */
static void say_following(struct ui *ui, const struct presence_row *v, size_t n, const char *who)
{
	const char *was = ui->coach.following;
	const char *wanted = ui->coach.follow_wanted;
	if (was && !here(v, n, was)) {
		if (who)
			ui_status(ui, false, _("%s left the case; following %s now."), was, who);
		else
			ui_status(ui, false, _("%s left the case; nobody is here to follow."), was);
	} else if (who && !was && wanted && strcmp(wanted, who) != 0) {
		ui_status(ui, false, _("%s is not on this case; following %s meanwhile."), wanted,
			  who);
	} else if (who) {
		ui_status(ui, false, _("Following %s."), who);
	}
}

/* Watching: go where the person followed is. The rows of the form are
 * rebuilt for the new step: whoever held one must look it up again. */
static bool follow(struct ui *ui, const struct presence_row *v, size_t n)
{
	const struct presence_row *p = whom_to_follow(ui, v, n);
	const char *who = p ? p->actor : NULL;
	const char *was = ui->coach.following;
	bool changed = false;
	if (who ? !was || strcmp(was, who) != 0 : was != NULL) {
		say_following(ui, v, n, who);
		xstrset(&ui->coach.following, who);
		changed = true;
	}
	if (!p)
		return changed;
	int step = flow_step_index(session_flow(ui->session), p->step);
	if (step < 0 || (size_t)step == ui->form.step)
		return changed;
	ui->form.step = (size_t)step;
	ui->form.scroll = 0;
	form_rebuild(ui, p->field);
	return true;
}

static bool refresh_presence(struct ui *ui, int64_t now)
{
	struct ipw_error err = {0};
	int64_t id = session_case_id(ui->session);
	char where[sizeof ui->coach.announced];
	snprintf(where, sizeof where, "%s/%s", step_id(ui) ? step_id(ui) : "",
		 focused_path(ui) ? focused_path(ui) : "");
	if (now - ui->coach.last_announce_ms >= PRESENCE_HEARTBEAT_SECONDS * 1000 ||
	    ui->coach.case_id != id || strcmp(where, ui->coach.announced) != 0) {
		memcpy(ui->coach.announced, where, sizeof where);
		/* A watcher the others can no longer see stops watching. */
		if (ui->coach.watching) {
			if (session_watch_announce(ui->session, step_id(ui), focused_path(ui),
						   &ui->fatal) != IPW_OK)
				return true;
		} else {
			session_presence_announce(ui->session, PRESENCE_EDITING, step_id(ui),
						  focused_path(ui), &err);
		}
		ui->coach.last_announce_ms = now;
		ui->coach.case_id = id;
	}
	struct presence_row *v = NULL;
	size_t n = 0;
	if (session_presence_list(ui->session, &v, &n, &err) != IPW_OK)
		return false;
	char *now_text = describe_others(ui, v, n);
	bool changed = strcmp(now_text, ui->coach.others ? ui->coach.others : "") != 0;
	free(ui->coach.others);
	ui->coach.others = now_text;
	if (ui->coach.watching)
		changed |= follow(ui, v, n);
	presence_rows_free(v, n);
	return changed;
}

/* Would the screen show anything new if drawn now? It is drawn over a copy
 * of what shows, compared cell by cell, and put back (the caller draws it
 * for real). On the step screen the rows are laid out again afterwards,
 * so a field the change shows or hides counts too. */
static bool screen_would_change(struct ui *ui)
{
	if (!ui->redraw)
		return true;
	if (step_screen_shown(ui) && ui->form.step < session_flow(ui->session)->nsteps) {
		struct form_row *v = NULL;
		size_t n = 0;
		form_rows_build(ui->session, ui->form.step, &v, &n);
		bool differ = n != ui->form.nrows;
		for (size_t i = 0; i < n && !differ; i++)
			differ = strcmp(v[i].path, ui->form.rows[i].path) != 0;
		form_rows_free(v, n);
		if (differ)
			return true;
	}
	WINDOW *shown = dupwin(stdscr);
	if (!shown)
		return true;
	int cy, cx, rows, cols;
	getyx(stdscr, cy, cx);
	getmaxyx(stdscr, rows, cols);
	ui->redraw(ui, ui->redraw_state);
	bool changed = false;
	for (int y = 0; y < rows && !changed; y++)
		for (int x = 0; x < cols && !changed; x++) {
			cchar_t a, b;
			wchar_t wa[CCHARW_MAX + 1] = {0}, wb[CCHARW_MAX + 1] = {0};
			attr_t aa = 0, ab = 0;
			short pa = 0, pb = 0;
			if (mvwin_wch(stdscr, y, x, &a) == ERR || mvwin_wch(shown, y, x, &b) == ERR)
				continue;
			getcchar(&a, wa, &aa, &pa, NULL);
			getcchar(&b, wb, &ab, &pb, NULL);
			changed = wcscmp(wa, wb) != 0 || aa != ab || pa != pb;
		}
	overwrite(shown, stdscr);
	delwin(shown);
	move(cy, cx);
	return changed;
}

/* The database changed: read the case again, keeping what is being typed
 * (the form's text input is not touched) and remembering the revision the
 * typing started from. True when something a person would see changed —
 * not when somebody only opened the case or moved to another field. own:
 * the change is this wizard's own (a file read in the background,
 * attach_job.h), so it is not announced as someone else's. */
static bool reload(struct ui *ui, bool own)
{
	const char *path = focused_path(ui);
	if (path && (!ui->coach.edit_path || strcmp(ui->coach.edit_path, path) != 0)) {
		xstrset(&ui->coach.edit_path, path);
		ui->coach.edit_rev = session_revision(ui->session, path);
	}
	uint64_t before = session_stamp(ui->session);
	struct ipw_error err = {0};
	if (session_reload(ui->session, &err) != IPW_OK ||
	    session_reload_evidence(ui->session, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return true;
	}
	if (session_stamp(ui->session) == before)
		return false;
	/* A focused input the user has not touched simply shows the new value;
	 * one with edits of their own keeps them (the save asks whose to keep). */
	struct form *fm = &ui->form;
	if (path && fm->focus < fm->nrows &&
	    (fm->rows[fm->focus].kind == ROW_TEXT || fm->rows[fm->focus].kind == ROW_TEXTAREA) &&
	    strcmp(fm->tf.s, fm->orig ? fm->orig : "") == 0) {
		const char *now = session_get(ui->session, path);
		textfield_set(&fm->tf, now ? now : "");
		xstrset(&fm->orig, now ? now : "");
		ui->coach.edit_rev = session_revision(ui->session, path);
	}
	/* Said only when it is true: an answer kept under the user's own
	 * typing, or one on another step, shows nothing new here. */
	if (!own && !ui->coach.watching && screen_would_change(ui))
		ui_status(ui, false, "%s",
			  _("Someone else on this case saved a change; it is shown."));
	return true;
}

void coach_reload_own(struct ui *ui)
{
	if (ui->session)
		reload(ui, true);
}

bool coach_tick(struct ui *ui)
{
	if (!ui || !ui->session)
		return false;
	int64_t now = now_ms();
	if (now - ui->coach.last_poll_ms < CHANGE_POLL_MS)
		return false;
	ui->coach.last_poll_ms = now;
	/* Our own writes also bump data_version on other connections only, so
	 * a change seen here is somebody else's. */
	bool redraw = case_db_changed(ui->db) && reload(ui, attach_job_writing(ui));
	if (now - ui->coach.last_presence_ms >= PRESENCE_POLL_MS) {
		ui->coach.last_presence_ms = now;
		redraw |= refresh_presence(ui, now);
	}
	return redraw;
}

void coach_leave(struct ui *ui)
{
	struct ipw_error err = {0};
	/* The case is still open here (ui_close_case leaves before it frees). */
	if (ui->coach.case_id && ui->session)
		session_presence_leave(ui->session, &err);
	coach_clear(&ui->coach);
}

bool coach_refuses(struct ui *ui, int action)
{
	if (!ui->coach.watching)
		return false;
	switch (action) {
	case ACT_HELP:
	case ACT_QUIT:
	case ACT_SIGNAL:
	case ACT_RESIZE:
	case ACT_REFRESH:
	case ACT_NEXT:
	case ACT_PREV:
	case ACT_UP:
	case ACT_DOWN:
	case ACT_NONE:
		return false;
	default:
		ui_status(ui, false, _("Watching only: nothing can be changed here. %s leaves."),
			  ui_quit_key());
		return true;
	}
}

bool coach_changed_under(struct ui *ui, const char *path, const char *value,
			 struct answer_conflict *c)
{
	if (!ui->coach.edit_path || strcmp(ui->coach.edit_path, path) != 0 ||
	    session_revision(ui->session, path) == ui->coach.edit_rev)
		return false;
	const char *theirs = session_get(ui->session, path);
	if (strcmp(theirs ? theirs : "", value ? value : "") == 0)
		return false; /* the same words: nothing to decide */
	memset(c, 0, sizeof *c);
	c->value = theirs ? xstrdup(theirs) : NULL;
	c->revision = session_revision(ui->session, path);
	c->when = session_updated(ui->session, path);
	/* Who: the last audit row about this answer. */
	struct audit_row *a = NULL;
	size_t n = 0;
	struct ipw_error err = {0};
	char *what = xasprintf("answer %s", path);
	if (session_audit(ui->session, &a, &n, &err) == IPW_OK)
		for (size_t i = n; i-- > 0 && !c->actor;)
			if (a[i].what && strcmp(a[i].what, what) == 0)
				c->actor = xstrdup(a[i].actor);
	free(what);
	audit_rows_free(a, n);
	/* Asked once: what the user decides becomes the new starting point. */
	ui->coach.edit_rev = c->revision;
	return true;
}

void coach_settled(struct ui *ui, const char *path)
{
	if (ui->coach.edit_path && strcmp(ui->coach.edit_path, path) == 0)
		ui->coach.edit_rev = session_revision(ui->session, path);
}
