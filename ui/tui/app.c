/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.c — ui_run: open the database and the case first (errors print as
 * plain messages), then take the terminal and move between the screens
 * until the user quits. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "ui_internal.h"

void ui_status(struct ui *ui, bool bad, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof(ui->status), fmt, ap);
	va_end(ap);
	ui->status_bad = bad && ui->status[0];
}

struct status_lines {
	const char *v[3];
	size_t len[3];
	size_t n;
};

static void keep_line(const char *line, size_t len, void *ctx)
{
	struct status_lines *l = ctx;
	if (l->n < 3) {
		l->v[l->n] = line;
		l->len[l->n++] = len;
	}
}

const char *ui_case_others(const struct ui *ui)
{
	return ui->coach.others && *ui->coach.others ? ui->coach.others : NULL;
}

/* lead, the first k people joined by "; ", then how many more there are. */
static char *others_line(const char *lead, char **people, size_t n, size_t k)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_add(&b, lead);
	for (size_t i = 0; i < k; i++) {
		if (i)
			strbuf_add(&b, "; ");
		strbuf_add(&b, people[i]);
	}
	if (k < n) {
		char *more = xasprintf(ngettext("+%zu more", "+%zu more", n - k), n - k);
		strbuf_add(&b, k ? " " : "");
		strbuf_add(&b, more);
		free(more);
	}
	return strbuf_detach(&b);
}

/* The text that fits in width: every person; else as many as fit and
 * "+N more" (the lead shortened first); else the first cut short and
 * "+N more". The count is never cut. */
static char *fit_others(const struct case_row *c, char **people, size_t n, int width)
{
	char *leads[3] = {
	    xasprintf("ipwiz · #%lld · %s ", (long long)c->id, _("also here:")),
	    xasprintf("#%lld · %s ", (long long)c->id, _("also here:")),
	    xasprintf("%s ", _("also here:")),
	};
	char *out = NULL;
	for (size_t k = n; k >= 1 && !out; k--)
		for (size_t l = 0; l < 3 && !out; l++) {
			char *t = others_line(leads[l], people, n, k);
			if ((int)utf8_swidth(t) <= width)
				out = t;
			else
				free(t);
		}
	if (!out) {
		/* Nobody fits whole: the first, cut, and how many more. */
		char *more = n > 1 ? others_line("", people + 1, n - 1, 0) : xstrdup("");
		const char *lead = leads[2];
		int room = width - (int)utf8_swidth(lead) - (int)utf8_swidth(more) - (n > 1);
		if (room < 2) {
			lead = "";
			room = width - (int)utf8_swidth(more) - (n > 1);
		}
		size_t w = 0;
		size_t ew = utf8_swidth(ui_theme.ellipsis);
		size_t fits = room > (int)ew
				  ? utf8_fit(people[0], strlen(people[0]), (size_t)room - ew, &w)
				  : 0;
		out = xasprintf("%s%.*s%s%s%s", lead, (int)fits, people[0],
				fits < strlen(people[0]) ? ui_theme.ellipsis : "", n > 1 ? " " : "",
				more);
		free(more);
	}
	for (size_t l = 0; l < 3; l++)
		free(leads[l]);
	return out;
}

char *ui_case_title_others(struct ui *ui, const char *right)
{
	const char *others = ui_case_others(ui);
	if (!others)
		return NULL;
	/* Made safe before measuring, so what is cut is what shows. */
	size_t n = 0, cap = 4;
	char **people = xmalloc(cap * sizeof *people);
	for (const char *p = others, *nl; p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		if (n == cap)
			people = xrealloc(people, (cap *= 2) * sizeof *people);
		people[n++] = utf8_sanitize(one);
		free(one);
	}
	char *left = fit_others(session_case(ui->session), people, n,
				title_bar_left_width(ui->lay.cols, right));
	for (size_t i = 0; i < n; i++)
		free(people[i]);
	free(people);
	return left;
}

void ui_draw_case_title(struct ui *ui, const char *right)
{
	const struct case_row *c = session_case(ui->session);
	char *left = ui_case_title_others(ui, right);
	if (!left)
		left = xasprintf("ipwiz · #%lld %s", (long long)c->id, c->title ? c->title : "");
	draw_title_bar(ui->lay.cols, left, right);
	free(left);
}

/* The message line. A sentence longer than the window (a full disk names
 * the database's path) grows upwards over the pane, up to three lines, so
 * what to do is never cut off. */
void ui_draw_status(struct ui *ui)
{
	if (!ui->status[0])
		return;
	char *line = ui->status_bad ? xasprintf("%s %s", ui_theme.attention, ui->status)
				    : xstrdup(ui->status);
	attr_t a = ui->status_bad ? ui_theme.error : A_NORMAL;
	struct status_lines l = {0};
	utf8_wrap(line, (size_t)ui->lay.cols, keep_line, &l);
	int top = ui->lay.status_y - (int)l.n + 1;
	for (size_t i = 0; i < l.n; i++) {
		char *part = xstrndup(l.v[i], l.len[i]);
		draw_text(top + (int)i, 0, ui->lay.cols, a, part, true);
		free(part);
	}
	free(line);
}

enum ui_next ui_screen_loop(struct ui *ui, enum ui_next stay,
			    void (*draw)(struct ui *ui, void *state),
			    enum ui_next (*key)(struct ui *ui, void *state, const struct ui_key *k),
			    void *state, const bool *typing)
{
	ui->redraw = draw;
	ui->redraw_state = state;
	enum ui_next next = stay;
	while (next == stay) {
		draw(ui, state);
		curs_set(0);
		refresh();
		struct ui_key k;
		ui_read_key(ui, &k, typing && *typing, false);
		/* What every list screen does alike; the rest is key()'s. */
		if (k.act == ACT_RESIZE) {
			ui_relayout(ui);
			continue;
		}
		if (k.act == ACT_SIGNAL)
			ui->exit_status = 128 + ui_signal_number();
		if (k.act == ACT_QUIT || k.act == ACT_SIGNAL)
			next = NEXT_QUIT;
		else
			next = key(ui, state, &k);
	}
	ui->redraw = NULL;
	ui->redraw_state = NULL;
	return next;
}

void ui_relayout(struct ui *ui)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	ui_layout_compute(rows, cols, true, &ui->lay);
	/* The pane is laid out from its top again and scrolled only as far as
	 * the focused field needs: what shows after a resize depends on the
	 * new size alone, not on the sizes the window passed through. */
	ui->form.scroll = 0;
}

bool ui_too_small(struct ui *ui)
{
	if (!ui->lay.too_small)
		return false;
	struct canvas c = {.draw = true, .height = ui->lay.rows, .width = ui->lay.cols};
	char *msg = xasprintf(_("Please make this window larger: at least %d columns and %d "
				"lines. Nothing is lost meanwhile."),
			      UI_MIN_COLS, UI_MIN_ROWS);
	canvas_wrap(&c, 0, A_BOLD, msg);
	free(msg);
	return true;
}

void ui_close_case(struct ui *ui)
{
	/* The files queued for this case are read (or stopped) first; what was
	 * not attached is on the status line for the next screen. */
	attach_job_finish(ui, false);
	free(ui->attach.stopped);
	ui->attach.stopped = NULL;
	/* Watching, and whom, outlast the case: the next one is watched too. */
	bool watching = ui->coach.watching;
	char *wanted = ui->coach.follow_wanted;
	ui->coach.follow_wanted = NULL;
	coach_leave(ui);
	ui->coach.watching = watching;
	ui->coach.follow_wanted = wanted;
	form_clear(&ui->form);
	memset(&ui->form, 0, sizeof(ui->form));
	session_free(ui->session);
	ui->session = NULL;
	free(ui->marks.v);
	free(ui->marks.shown);
	free(ui->marks.deadline);
	memset(&ui->marks, 0, sizeof(ui->marks));
	ui->flow = NULL;
	ui->saved = false;
	ui->from_review = false;
}

int ui_open_case(struct ui *ui, int64_t id, struct ipw_error *err)
{
	ui_close_case(ui);
	int r = case_open(ui->db, id, &ui->session, err);
	if (r != IPW_OK)
		return r;
	ui->flow = session_flow(ui->session);
	/* The owner learns who read the case while they were away. */
	char *reads = session_reads_by_others(ui->session);
	if (reads)
		ui_status(ui, false, "%s", reads);
	free(reads);
	return r;
}

int ui_new_case(struct ui *ui, const char *flow_id, const char *title, struct ipw_error *err)
{
	ui_close_case(ui);
	int r = case_create(ui->db, flow_id, title, &ui->session, err);
	if (r == IPW_OK)
		ui->flow = session_flow(ui->session);
	return r;
}

static enum ui_next first_screen(struct ui *ui, const struct case_request *req,
				 struct ipw_error *err, int *status)
{
	*status = IPW_OK;
	switch (req->start) {
	case CASE_START_NEW:
		*status = ui_new_case(ui, req->flow_id, req->title, err);
		return NEXT_STEP;
	case CASE_START_OPEN:
		*status = ui_open_case(ui, req->case_id, err);
		return NEXT_STEP;
	case CASE_START_WATCH:
		*status = ui_open_case(ui, req->case_id, err);
		/* Seen from the start, or not watching at all. */
		if (*status == IPW_OK)
			*status = session_watch_announce(ui->session, NULL, NULL, err);
		ui->coach.watching = true;
		xstrset(&ui->coach.follow_wanted, req->follow);
		return NEXT_STEP;
	case CASE_START_HOME:
		break;
	}
	return NEXT_HOME;
}

int ui_run(const struct case_options *opt, const struct case_request *req, struct ipw_error *err)
{
	struct ui ui;
	memset(&ui, 0, sizeof(ui));
	ui.opt = opt;
	ui.attach.fd = -1;
	int status = case_db_open(opt, CASE_DB_CREATE, &ui.db, err);
	enum ui_next next = NEXT_QUIT;
	if (status == IPW_OK)
		next = first_screen(&ui, req, err, &status);
	if (status != IPW_OK) {
		ui_close_case(&ui);
		case_db_close(ui.db);
		return status;
	}
	ui_start();
	ui_relayout(&ui);
	while (next != NEXT_QUIT) {
		switch (next) {
		case NEXT_HOME:
			next = home_run(&ui);
			break;
		case NEXT_PICKER:
			next = picker_run(&ui);
			break;
		case NEXT_REVIEW:
			next = review_run(&ui);
			break;
		case NEXT_SUBMIT:
			next = ui.session ? submit_run(&ui) : NEXT_HOME;
			break;
		default:
			next = ui.session ? step_run(&ui) : NEXT_HOME;
		}
	}
	/* A signal stops the reading at once; quitting waits for it, with a
	 * key to stop. */
	attach_job_finish(&ui, ui.exit_status >= 128);
	ui_done();
	/* Said on the screen a moment before the wizard went: said again
	 * where it stays. */
	if (ui.attach.stopped)
		fprintf(stderr, "ipwiz: %s\n", ui.attach.stopped);
	free(ui.attach.stopped);
	ui.attach.stopped = NULL;
	free(ui.jump_path);
	ui_close_case(&ui);
	free(ui.attach.v);
	free(ui.coach.follow_wanted);
	case_db_close(ui.db);
	if (ui.fatal.status) {
		*err = ui.fatal;
		return ui.fatal.status;
	}
	return ui.exit_status;
}
