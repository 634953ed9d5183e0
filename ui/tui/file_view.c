/* SPDX-License-Identifier: GPL-3.0-or-later */
/* file_view.c — one attached file as a reviewer would look at it (F7 on an
 * evidence field): its pages drawn in the terminal where it can draw them
 * (picture.c), and beside them the verdict, what was read against the
 * answers, and every finding — each of which the seller can acknowledge
 * ("a"): the finding stays listed, marked as seen, and no longer makes the
 * file a warning; the audit trail records who and when. The file is judged
 * again when the screen opens, which costs a hash: what the worker found
 * is kept by the case (evidence_case.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "evidence/evidence.h"
#include "ui_internal.h"

struct file_view {
	const struct form_row *row;
	char *field, *path; /* the file shown (rows are reloaded under us) */
	struct evidence_result res;
	bool judged;		     /* res holds a verdict */
	size_t sel;		     /* the finding chosen */
	unsigned page;		     /* 1-based page previewed */
	struct evidence_thumb thumb; /* that page, small, or none */
	bool thumb_tried;
	int top;		       /* first line of the words shown */
	int fy[EVIDENCE_FINDINGS_MAX]; /* where each finding starts, and ends (fy_end) */
	int fy_end[EVIDENCE_FINDINGS_MAX];
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static const struct evidence_row *shown_row(const struct ui *ui, const struct file_view *v)
{
	return evidence_case_find(ui->session, v->field, v->path);
}

static void judge(struct ui *ui, struct file_view *v)
{
	struct ipw_error err = {0};
	v->judged = evidence_case_check(ui->session, v->field, v->path, &v->res, &err) == IPW_OK;
	if (!v->judged)
		ui_status(ui, true, "%s", err.msg);
	if (v->sel >= v->res.nfindings)
		v->sel = v->res.nfindings ? v->res.nfindings - 1 : 0;
	if (!v->page || v->page > v->res.pages)
		v->page = 1;
}

static void load_thumb(struct file_view *v)
{
	if (v->thumb_tried)
		return;
	v->thumb_tried = true;
	evidence_thumb_free(&v->thumb);
	memset(&v->thumb, 0, sizeof(v->thumb));
	if (!picture_available() || !v->judged || !evidence_verdict_usable(v->res.verdict))
		return;
	struct ipw_error err = {0};
	if (evidence_thumb_page(v->path, v->page, false, &v->thumb, &err) != IPW_OK)
		memset(&v->thumb, 0, sizeof(v->thumb));
}

static void draw_details(struct ui *ui, struct file_view *v, struct canvas *c)
{
	const struct evidence_result *res = &v->res;
	if (!v->judged) {
		canvas_wrap(c, 0, ui_theme.error, _("This file could not be checked just now."));
		return;
	}
	bool good = res->verdict == EVIDENCE_OK;
	/* A warning made of findings is said by the list below. */
	bool from_findings = evidence_lead_finding(res->findings, res->nfindings, res->key) >= 0;
	char *line;
	if (!from_findings || good) {
		line = xasprintf("%s %s", good ? ui_theme.done : ui_theme.attention, res->message);
		canvas_wrap(c, 0, good ? ui_theme.good : ui_theme.error, line);
		free(line);
		if (!good && *res->fix)
			canvas_wrap(c, 2, ui_theme.help, res->fix);
	}
	if (res->mime[0]) {
		line = evidence_result_describe(res);
		canvas_wrap(c, 0, ui_theme.help, line);
		free(line);
	}
	char *read = evidence_result_reads(res);
	if (read) {
		line = xasprintf(_("What was read: %s"), read);
		canvas_wrap(c, 0, A_NORMAL, line);
		free(line);
		free(read);
	}
	canvas_blank(c);
	if (!res->nfindings) {
		canvas_wrap(c, 0, A_NORMAL,
			    _("A reviewer would notice nothing more about this file."));
		return;
	}
	line = xasprintf(ngettext("%u finding:", "%u findings:", res->nfindings), res->nfindings);
	canvas_text(c, 0, A_BOLD, line);
	free(line);
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct evidence_finding *f = &res->findings[i];
		bool cur = i == v->sel;
		v->fy[i] = c->y;
		/* The marks hang left of the text, which wraps under itself. */
		int row = canvas_row(c);
		line = f->acknowledged ? xasprintf(_("(acknowledged) %s"), f->message)
				       : xstrdup(f->message);
		canvas_wrap(c, 4, cur ? ui_theme.focus : A_NORMAL, line);
		free(line);
		if (row >= 0) {
			char *mark =
			    xasprintf("%s %s", cur ? ui_theme.current : " ",
				      f->acknowledged ? ui_theme.done : ui_theme.attention);
			draw_text(row, c->x, 4, cur ? ui_theme.focus : A_NORMAL, mark, true);
			free(mark);
		}
		if (*f->fix && !f->acknowledged)
			canvas_wrap(c, 4, ui_theme.help, f->fix);
		v->fy_end[i] = c->y;
	}
}

static void view_draw(struct ui *ui, void *state)
{
	struct file_view *v = state;
	erase();
	if (ui_too_small(ui)) {
		refresh();
		return;
	}
	int cols = ui->lay.cols, rows = ui->lay.rows;
	char *title = xasprintf(_("ipwiz · %s"), base_name(v->path));
	char *right =
	    v->res.pages > 1 ? xasprintf(_("page %u of %u"), v->page, v->res.pages) : NULL;
	draw_title_bar(cols, title, right);
	free(title);
	free(right);
	/* The picture on the left where the screen is wide enough for both,
	 * the words on the right; below 72 columns the words alone. */
	int top = 2, height = rows - 4, left = 0, width = cols;
	load_thumb(v);
	if (v->thumb.rgb && cols >= 72) {
		int pw = cols / 2 - 1;
		picture_draw(top, 1, height, pw, &v->thumb);
		for (int r = top; r < top + height; r++)
			draw_text(r, pw + 2, 1, A_NORMAL, ui_theme.vline, false);
		left = pw + 4;
		width = cols - left - 1;
	} else {
		left = 1;
		width = cols - 2;
		if (picture_available() && v->judged && evidence_verdict_usable(v->res.verdict)) {
			height--; /* the last line says how to see the page */
			draw_text(top + height, 1, cols - 2, ui_theme.help,
				  _("A window of 72 columns or more shows the page here too."),
				  false);
		}
	}
	/* Measured first, then shown from where the chosen finding is whole. */
	struct canvas c = {.draw = false, .height = height, .x = left, .width = width};
	draw_details(ui, v, &c);
	int total = c.y;
	if (v->sel < v->res.nfindings) {
		if (v->fy_end[v->sel] > v->top + height)
			v->top = v->fy_end[v->sel] - height;
		if (v->fy[v->sel] < v->top)
			v->top = v->fy[v->sel];
	}
	if (v->top > total - height)
		v->top = total - height;
	if (v->top < 0 || (v->sel == 0 && v->res.nfindings && v->fy_end[0] <= height))
		v->top = 0; /* the verdict in view whenever the first finding fits with it */
	c = (struct canvas){
	    .draw = true, .top = v->top, .scr_y = top, .height = height, .x = left, .width = width};
	draw_details(ui, v, &c);
	if (v->top > 0)
		draw_text(top, cols - 1, 1, A_BOLD, ui_theme.more_up, false);
	if (total > v->top + height)
		draw_text(top + height - 1, cols - 1, 1, A_BOLD, ui_theme.more_down, false);
	ui_draw_status(ui);
	const struct ui_hint h[] = {
	    {"↑↓", N_("finding")},
	    {"a", N_("acknowledge")},
	    {"←→", N_("page")},
	    {"Esc", N_("back")},
	};
	draw_hints(ui->lay.hints_y, cols, h, sizeof(h) / sizeof(h[0]));
	curs_set(0);
	refresh();
}

static void acknowledge(struct ui *ui, struct file_view *v)
{
	if (!v->judged || v->sel >= v->res.nfindings) {
		ui_status(ui, false, "%s", _("There is no finding to acknowledge."));
		return;
	}
	const struct evidence_finding *f = &v->res.findings[v->sel];
	if (f->acknowledged) {
		ui_status(ui, false, "%s", _("That finding is already acknowledged."));
		return;
	}
	const struct evidence_row *e = shown_row(ui, v);
	if (!e) {
		ui_status(ui, true, "%s", _("This file is no longer attached."));
		return;
	}
	struct evidence_finding copy = *f;
	struct ipw_error err = {0};
	if (evidence_case_acknowledge(ui->session, e, &copy, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	ui->saved = true;
	judge(ui, v);
	ui_status(ui, false, "%s", _("Acknowledged: it is recorded that you looked at this."));
}

/* True when the view closes. */
static bool view_key(struct ui *ui, struct file_view *v, const struct ui_key *k)
{
	switch (k->act) {
	case ACT_CANCEL:
	case ACT_QUIT:
	case ACT_SIGNAL:
		return true;
	case ACT_RESIZE:
		ui_relayout(ui);
		break;
	case ACT_UP:
	case ACT_PREV:
		if (v->sel)
			v->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (v->sel + 1 < v->res.nfindings)
			v->sel++;
		break;
	case ACT_LEFT:
	case ACT_PREV_STEP:
		if (v->page > 1) {
			v->page--;
			v->thumb_tried = false;
		}
		break;
	case ACT_RIGHT:
	case ACT_NEXT_STEP:
		if (v->page < v->res.pages) {
			v->page++;
			v->thumb_tried = false;
		}
		break;
	case ACT_CHAR:
		if (k->ch == 'a' || k->ch == 'A')
			acknowledge(ui, v);
		break;
	case ACT_REFRESH:
		judge(ui, v); /* somebody acknowledged or replaced something */
		break;
	default:
		break;
	}
	return false;
}

static void view_file(struct ui *ui, const struct form_row *r, const struct evidence_row *e)
{
	struct file_view v = {.row = r, .field = xstrdup(e->field), .path = xstrdup(e->path)};
	/* Over the step: its redraw comes back when the view closes. */
	void (*under)(struct ui *, void *) = ui->redraw;
	void *under_state = ui->redraw_state;
	ui->redraw = view_draw;
	ui->redraw_state = &v;
	v.thumb_tried = true; /* the verdict first: the page follows */
	ui_status(ui, false, "%s", _("Reading the file…"));
	view_draw(ui, &v);
	judge(ui, &v);
	ui_status(ui, false, "%s", "");
	v.thumb_tried = false;
	for (bool done = false; !done;) {
		view_draw(ui, &v);
		struct ui_key k;
		ui_read_key(ui, &k, false, false);
		done = view_key(ui, &v, &k);
	}
	ui->redraw = under;
	ui->redraw_state = under_state;
	evidence_thumb_free(&v.thumb);
	free(v.field);
	free(v.path);
}

void file_view_run(struct ui *ui, const struct form_row *r)
{
	size_t n, k = 0;
	const struct evidence_row *v = session_evidence(ui->session, &n);
	const struct evidence_row **mine = xcalloc(n ? n : 1, sizeof(*mine));
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].field, r->path) == 0)
			mine[k++] = &v[i];
	if (k == 0) {
		ui_status(ui, false, "%s", _("No file is attached here yet."));
		free(mine);
		return;
	}
	size_t pick = 0;
	if (k > 1) {
		const char **labels = xcalloc(k, sizeof(*labels));
		for (size_t i = 0; i < k; i++)
			labels[i] = xasprintf("%s %s",
					      mine[i]->verdict == EVIDENCE_OK ? ui_theme.done
									      : ui_theme.attention,
					      base_name(mine[i]->path));
		int chosen = pick_one(ui, _("Which file?"), labels, k, 0);
		for (size_t i = 0; i < k; i++)
			free((char *)labels[i]);
		free(labels);
		if (chosen < 0) {
			free(mine);
			return;
		}
		pick = (size_t)chosen;
	}
	view_file(ui, r, mine[pick]);
	free(mine);
}
