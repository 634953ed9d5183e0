/* SPDX-License-Identifier: GPL-3.0-or-later */
/* home.c — the case list (title, flow, status, progress) and the flow picker
 * shown instead when there is no case yet, or on `n`. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "case/case.h"
#include "flow/flow.h"
#include "ui_internal.h"

struct home_case {
	struct case_row c;
	size_t answered, required;
	bool known;	 /* its flow is installed */
	bool summarised; /* answered, required, known and deadline are read */
	char *deadline;	 /* the next deadline, or NULL */
};

struct home {
	struct home_case *v;
	size_t n;
	size_t *shown; /* the cases the filter lets through, in order */
	size_t nshown, sel, top;
	struct textfield filter; /* "/" then text: title, flow or number */
	bool filtering;		 /* keys go to the filter */
};

/* The case under the highlight, or NULL when the filter hides them all. */
static struct home_case *selected(struct home *h)
{
	return h->sel < h->nshown ? &h->v[h->shown[h->sel]] : NULL;
}

static bool matches(const struct home_case *hc, const char *f)
{
	char id[24];
	snprintf(id, sizeof(id), "#%lld", (long long)hc->c.id);
	return !*f || (hc->c.title && strcasestr(hc->c.title, f)) ||
	       (hc->c.flow_id && strcasestr(hc->c.flow_id, f)) || strstr(id, f);
}

static void refilter(struct home *h)
{
	free(h->shown);
	h->shown = xcalloc(h->n ? h->n : 1, sizeof(*h->shown));
	h->nshown = 0;
	for (size_t i = 0; i < h->n; i++)
		if (matches(&h->v[i], h->filter.s))
			h->shown[h->nshown++] = i;
	if (h->sel >= h->nshown)
		h->sel = h->nshown ? h->nshown - 1 : 0;
}

/* Progress and the next deadline cost a session per case: they are read
 * for the rows on screen only, when those rows are first drawn, so the
 * first screen of 10,000 cases costs what one screenful does. */
struct home_walk {
	struct home *h;
	size_t at; /* where in h->v the search for the next case id starts */
};

static void summarise(size_t i, const struct case_row *c, const struct session *s, void *ctx)
{
	(void)i;
	struct home_walk *w = ctx;
	struct home *h = w->h;
	/* Both in id order: another program may have added or deleted a
	 * case since the list was read, so match by id. */
	while (w->at < h->n && h->v[w->at].c.id < c->id)
		w->at++;
	if (w->at >= h->n || h->v[w->at].c.id != c->id)
		return;
	struct home_case *hc = &h->v[w->at];
	if (hc->summarised)
		return;
	hc->summarised = true;
	hc->known = s != NULL;
	if (!s)
		return;
	session_progress(s, &hc->answered, &hc->required);
	hc->deadline = deadline_note(s, true);
}

/* Read the progress of the shown cases from..from+count that are not read
 * yet: one walk over the cases between the first and the last of them. */
static void summarise_shown(struct ui *ui, struct home *h, size_t from, size_t count)
{
	size_t first = SIZE_MAX, last = 0;
	for (size_t k = from; k < from + count && k < h->nshown; k++) {
		size_t i = h->shown[k];
		if (h->v[i].summarised)
			continue;
		first = i < first ? i : first;
		last = i > last ? i : last;
	}
	if (first == SIZE_MAX)
		return;
	struct case_row *v = NULL;
	size_t n = 0;
	struct ipw_error err = {0};
	struct home_walk w = {h, first};
	int64_t after = first ? h->v[first - 1].c.id : 0;
	int r = case_walk(ui->db, after, last - first + 1, &v, &n, summarise, &w, &err);
	case_rows_free(v, n);
	if (r != IPW_OK)
		ui_status(ui, true, "%s", err.msg);
	/* A case deleted meanwhile, or a failed read: shown as not known,
	 * and not read again at every frame. */
	for (size_t k = from; k < from + count && k < h->nshown; k++)
		h->v[h->shown[k]].summarised = true;
}

/* The cases of the database (one query); their progress comes later, for
 * the rows drawn. */
static void load_cases(struct ui *ui, struct home *h)
{
	struct case_row *v = NULL;
	size_t n = 0;
	struct ipw_error err = {0};
	if (case_db_list(ui->db, 0, 0, &v, &n, &err) != IPW_OK) {
		case_rows_free(v, n);
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	struct home_case *hv = xcalloc(n ? n : 1, sizeof(*hv));
	for (size_t i = 0; i < n; i++)
		hv[i].c = v[i];
	free(v); /* the strings now belong to h->v */
	h->v = hv;
	h->n = n;
	textfield_init(&h->filter, false);
	refilter(h);
}

static void home_free(struct home *h)
{
	for (size_t i = 0; i < h->n; i++) {
		case_row_clear(&h->v[i].c);
		free(h->v[i].deadline);
	}
	free(h->v);
	free(h->shown);
	textfield_free(&h->filter);
	memset(h, 0, sizeof(*h));
}

/* Cell text padded to width by display columns. */
static int cell(int y, int x, int w, attr_t a, const char *s)
{
	draw_text_cut(y, x, w - 1, a, s, true);
	draw_text(y, x + w - 1, 1, a, " ", false);
	return x + w;
}

static void draw_case(struct ui *ui, const struct home_case *hc, int y, bool sel)
{
	int cols = ui->lay.cols;
	attr_t a = sel ? ui_theme.focus : A_NORMAL;
	draw_fill(y, 0, cols, a);
	char id[32], prog[32];
	snprintf(id, sizeof(id), "%s#%lld", sel ? ui_theme.current : " ", (long long)hc->c.id);
	if (hc->known)
		snprintf(prog, sizeof(prog), "%zu/%zu", hc->answered, hc->required);
	else
		snprintf(prog, sizeof(prog), "%s", "?");
	bool wide = cols >= 70;
	int fixed = 6 + 12 + 8 + (wide ? 24 : 0);
	int x = cell(y, 1, 6, a, id);
	x = cell(y, x, cols - 2 - fixed > 8 ? cols - 2 - fixed : 8, a, hc->c.title);
	if (wide)
		x = cell(y, x, 24, a, hc->c.flow_id);
	x = cell(y, x, 12, a, case_status_name(hc->c.status));
	cell(y, x, 8, a, prog);
}

static void home_draw(struct ui *ui, void *state)
{
	struct home *h = state;
	const struct ui_layout *l = &ui->lay;
	erase();
	if (ui_too_small(ui))
		return;
	draw_title_bar(l->cols, _("ipwiz · your cases"), NULL);
	int y = l->body_y;
	bool wide = l->cols >= 70;
	int fixed = 6 + 12 + 8 + (wide ? 24 : 0);
	int x = cell(y, 1, 6, A_BOLD, _("Case"));
	x = cell(y, x, l->cols - 2 - fixed > 8 ? l->cols - 2 - fixed : 8, A_BOLD, _("Title"));
	if (wide)
		x = cell(y, x, 24, A_BOLD, _("Flow"));
	x = cell(y, x, 12, A_BOLD, _("Status"));
	cell(y, x, 8, A_BOLD, _("Done"));
	int rows = l->body_h - 1;
	scroll_into_view(h->sel, &h->top, rows);
	summarise_shown(ui, h, h->top, rows > 0 ? (size_t)rows : 0);
	for (int i = 0; i < rows && h->top + (size_t)i < h->nshown; i++)
		draw_case(ui, &h->v[h->shown[h->top + (size_t)i]], y + 1 + i,
			  h->top + (size_t)i == h->sel);
	if (h->nshown == 0)
		draw_text(y + 1, 3, l->cols - 4, A_BOLD, _("No case matches the filter."), false);
	const struct home_case *hc = selected(h);
	if (h->filtering || h->filter.len) {
		/* The filter being typed, with the cursor in it. */
		char *line = xasprintf(_("Filter: %s"), h->filter.s);
		draw_text(l->status_y, 1, l->cols - 2, A_BOLD, line, false);
		free(line);
	} else if (!ui->status[0] && hc && hc->deadline) {
		/* The selected case's next deadline, unless a message is showing. */
		draw_text_cut(l->status_y, 1, l->cols - 2, A_BOLD, hc->deadline, false);
	}
	if (!h->filtering)
		ui_draw_status(ui);
	const struct ui_hint hints[] = {{"Enter", N_("open")}, {"n", N_("new case")},
					{"/", N_("filter")},   {"d", N_("delete")},
					{"F1", N_("help")},    {"q", N_("quit")}};
	const struct ui_hint typing[] = {{"Enter", N_("done")}, {"Esc", N_("clear the filter")}};
	if (h->filtering)
		draw_hints(l->hints_y, l->cols, typing, sizeof(typing) / sizeof(typing[0]));
	else
		draw_hints(l->hints_y, l->cols, hints, sizeof(hints) / sizeof(hints[0]));
}

static enum ui_next open_selected(struct ui *ui, struct home *h)
{
	struct ipw_error err = {0};
	if (!selected(h))
		return NEXT_HOME;
	if (ui_open_case(ui, selected(h)->c.id, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return NEXT_HOME;
	}
	return NEXT_STEP;
}

/* Delete the selected case after asking, naming it. Returns true when the
 * list must be read again. */
static bool delete_selected(struct ui *ui, struct home *h)
{
	if (!selected(h))
		return false;
	const struct case_row *c = &selected(h)->c;
	struct ipw_error err = {0};
	char *q = NULL;
	if (case_db_delete_question(ui->db, c->id, &q, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return false;
	}
	bool yes = ui_confirm(ui, q);
	free(q);
	if (!yes) {
		ui_status(ui, false, "%s", _("Nothing was deleted."));
		return false;
	}
	if (case_db_delete(ui->db, c->id, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return false;
	}
	ui_status(ui, false, _("Case #%lld deleted."), (long long)c->id);
	return true;
}

/* A key while the filter is being typed. */
static void filter_key(struct home *h, const struct ui_key *k)
{
	switch (k->act) {
	case ACT_CHAR:
		textfield_insert_cp(&h->filter, k->ch);
		break;
	case ACT_EDIT:
		textfield_op(&h->filter, k->op);
		break;
	case ACT_CANCEL:
		textfield_set(&h->filter, NULL);
		h->filtering = false;
		break;
	case ACT_CONFIRM:
	case ACT_DOWN:
	case ACT_NEXT:
		h->filtering = false;
		break;
	default:
		break;
	}
	h->sel = 0;
	refilter(h);
}

static enum ui_next home_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct home *h = state;
	if (h->filtering) {
		filter_key(h, k);
		return NEXT_HOME;
	}
	switch (k->act) {
	case ACT_UP:
	case ACT_PREV:
		if (h->sel > 0)
			h->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (h->sel + 1 < h->nshown)
			h->sel++;
		break;
	case ACT_CONFIRM:
		return open_selected(ui, h);
	case ACT_CHAR:
		if (k->ch == 'n')
			return NEXT_PICKER;
		if (k->ch == '/')
			h->filtering = true;
		if (k->ch == 'd' && delete_selected(ui, h))
			return NEXT_HOME_RELOAD;
		break;
	case ACT_REMOVE:
		if (delete_selected(ui, h))
			return NEXT_HOME_RELOAD;
		break;
	case ACT_HELP:
		help_show(
		    ui, _("Your cases"),
		    _("Each case is one complaint you are answering or filing. Enter opens "
		      "the selected case where you left it; n starts a new one; / filters the "
		      "list by title, flow or number; d deletes the selected one after "
		      "asking. Everything you type is saved as you go."));
		break;
	case ACT_CANCEL:
		if (h->filter.len) { /* Esc first clears a filter */
			textfield_set(&h->filter, NULL);
			refilter(h);
			break;
		}
		return NEXT_QUIT;
	default:
		break;
	}
	return NEXT_HOME;
}

enum ui_next home_run(struct ui *ui)
{
	struct home h = {0};
	ui_close_case(ui);
	load_cases(ui, &h);
	if (h.n == 0) {
		home_free(&h);
		return NEXT_PICKER;
	}
	enum ui_next next = ui_screen_loop(ui, NEXT_HOME, home_draw, home_key, &h, &h.filtering);
	home_free(&h);
	/* After a deletion: read the list again (or pick a flow when empty). */
	return next == NEXT_HOME_RELOAD ? NEXT_HOME : next;
}

/* ---- the flow picker ---- */

struct picker_state {
	struct catalog_entry *v;
	size_t n, sel;
	bool have_cases;
};

static void draw_flow(struct canvas *c, const struct picker_state *p, size_t i)
{
	bool sel = i == p->sel;
	char *line = xasprintf("%s %s", sel ? ui_theme.current : " ",
			       flow_tr(p->v[i].title ? p->v[i].title : p->v[i].id));
	int row = canvas_row(c);
	if (row >= 0)
		draw_text(row, c->x, c->width, sel ? ui_theme.focus : A_BOLD, line, true);
	c->y++;
	free(line);
	if (p->v[i].description)
		canvas_wrap(c, 4, ui_theme.help, flow_tr(p->v[i].description));
	canvas_blank(c);
}

static void picker_draw(struct ui *ui, void *state)
{
	struct picker_state *p = state;
	const struct ui_layout *l = &ui->lay;
	erase();
	if (ui_too_small(ui))
		return;
	draw_title_bar(l->cols, _("ipwiz · start a new case"), NULL);
	draw_text(l->body_y, 1, l->cols - 2, A_BOLD,
		  _("What do you need to prepare? Choose and press Enter."), false);
	struct canvas c = {.draw = true,
			   .scr_y = l->body_y + 2,
			   .height = l->body_h - 2,
			   .x = 1,
			   .width = l->cols - 2};
	/* Keep the selected flow in view: measure first, then draw. */
	struct canvas m = {.width = c.width};
	int y_sel = 0, h_sel = 0;
	for (size_t i = 0; i < p->n; i++) {
		int start = m.y;
		draw_flow(&m, p, i);
		if (i == p->sel) {
			y_sel = start;
			h_sel = m.y - start;
		}
	}
	c.top = y_sel + h_sel > c.height ? y_sel + h_sel - c.height : 0;
	for (size_t i = 0; i < p->n; i++)
		draw_flow(&c, p, i);
	if (p->n == 0)
		draw_text(l->body_y + 2, 1, l->cols - 2, ui_theme.error,
			  _("! No flow is installed. `ipwiz lint` tells why a flow file does not "
			    "load."),
			  false);
	ui_draw_status(ui);
	/* Esc goes back to the case list; with no case yet it quits, as q
	 * does, and is not listed twice. */
	const struct ui_hint hints[] = {
	    {"Enter", N_("start")}, {"Esc", N_("back")}, {"q", N_("quit")}};
	const struct ui_hint first[] = {{"Enter", N_("start")}, {"q", N_("quit")}};
	if (p->have_cases)
		draw_hints(l->hints_y, l->cols, hints, sizeof(hints) / sizeof(hints[0]));
	else
		draw_hints(l->hints_y, l->cols, first, sizeof(first) / sizeof(first[0]));
}

static enum ui_next picker_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct picker_state *p = state;
	switch (k->act) {
	case ACT_UP:
	case ACT_PREV:
		if (p->sel > 0)
			p->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (p->sel + 1 < p->n)
			p->sel++;
		break;
	case ACT_CONFIRM: {
		if (p->n == 0)
			break;
		struct ipw_error err = {0};
		if (ui_new_case(ui, p->v[p->sel].id, NULL, &err) != IPW_OK) {
			ui_status(ui, true, "%s", err.msg);
			break;
		}
		return NEXT_STEP;
	}
	case ACT_CANCEL:
		return p->have_cases ? NEXT_HOME : NEXT_QUIT;
	default:
		break;
	}
	return NEXT_PICKER;
}

enum ui_next picker_run(struct ui *ui)
{
	struct picker_state p = {0};
	struct ipw_error err = {0};
	ui_close_case(ui);
	if (catalog_list(&p.v, &p.n, &err) != IPW_OK)
		ui_status(ui, true, "%s", err.msg);
	struct case_row *cases = NULL;
	size_t ncases = 0;
	if (case_db_list(ui->db, 0, 1, &cases, &ncases, &err) == IPW_OK)
		p.have_cases = ncases > 0;
	case_rows_free(cases, ncases);
	enum ui_next next = ui_screen_loop(ui, NEXT_PICKER, picker_draw, picker_key, &p, NULL);
	catalog_entries_free(p.v, p.n);
	return next;
}
