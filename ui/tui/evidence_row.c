/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_row.c — an evidence field on the step screen: what it proves,
 * what the platform accepts, each attached file with its verdict, and a path
 * to type. A file is judged and recorded through evidence_case.h (content,
 * not name; the same bytes twice flagged), exactly as `ipwiz attach` and the
 * line mode do. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "case/case.h"
#include "evidence/evidence.h"
#include "ui_internal.h"

size_t evidence_row_count(const struct session *s, const char *field)
{
	size_t n, k = 0;
	const struct evidence_row *v = session_evidence(s, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].field, field) == 0)
			k++;
	return k;
}

char *ui_human_size(uint64_t n)
{
	if (n < 1024)
		return xasprintf("%llu B", (unsigned long long)n);
	if (n < 1024 * 1024)
		return xasprintf("%.0f KB", (double)n / 1024);
	return xasprintf("%.1f MB", (double)n / (1024 * 1024));
}

/* "PDF, JPEG, PNG · at most 8.0 MB" from the requirement. */
static char *accepted_line(const struct evidence_req *req)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t i = 0; i < req->naccept; i++) {
		const char *slash = strchr(req->accept[i], '/');
		const char *sub = slash ? slash + 1 : req->accept[i];
		if (i)
			strbuf_add(&b, ", ");
		for (const char *p = sub; *p; p++)
			strbuf_addc(&b, (char)toupper((unsigned char)*p));
	}
	if (req->max_size) {
		char *sz = ui_human_size(req->max_size);
		strbuf_addf(&b, _(" · at most %s"), sz);
		free(sz);
	}
	char *line = xasprintf(_("Accepted: %s"), b.s);
	strbuf_free(&b);
	return line;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void draw_files(struct ui *ui, const struct form_row *r, struct canvas *c)
{
	size_t n;
	const struct evidence_row *v = session_evidence(ui->session, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].field, r->path) != 0)
			continue;
		bool good = v[i].verdict == EVIDENCE_OK, warn = v[i].verdict == EVIDENCE_WARN;
		char *size = ui_human_size((uint64_t)v[i].size);
		const char *message = evidence_row_message(&v[i]), *fix = evidence_row_fix(&v[i]);
		char *line =
		    xasprintf("%s %s (%s) — %s", good ? ui_theme.done : ui_theme.attention,
			      base_name(v[i].path), size,
			      message && *message ? message : evidence_verdict_word(v[i].verdict));
		canvas_wrap(c, 2, good ? ui_theme.good : ui_theme.error, line);
		if (!good && fix && *fix)
			canvas_wrap(c, 4, warn ? A_NORMAL : ui_theme.help, fix);
		free(line);
		free(size);
	}
	/* The files queued here, each said as being read or waiting. */
	const struct attach_item *it;
	bool now;
	for (size_t i = 0; (it = attach_job_item(ui, r->path, i, &now)); i++) {
		char *line = xasprintf("%s %s — %s", ui_theme.ellipsis, base_name(it->path),
				       now ? _("being read") : _("waiting to be read"));
		canvas_wrap(c, 2, ui_theme.help, line);
		free(line);
	}
}

void evidence_row_draw(struct ui *ui, const struct form_row *r, bool focused, struct canvas *c)
{
	const struct flow_field *f = r->field;
	bool req = session_field_required(ui->session, r->path);
	char *line =
	    xasprintf("%s %s%s", focused ? ui_theme.current : " ", r->label, req ? " *" : "");
	canvas_text(c, 0, ui_theme.label | (focused ? A_UNDERLINE : 0), line);
	free(line);
	if (focused && f->help)
		canvas_wrap(c, 2, ui_theme.help, flow_tr(f->help));
	if (f->evidence.proves) {
		line = xasprintf(_("Proves: %s"), flow_tr(f->evidence.proves));
		canvas_wrap(c, 2, ui_theme.help, line);
		free(line);
	}
	line = accepted_line(&f->evidence);
	canvas_wrap(c, 2, ui_theme.help, line);
	free(line);
	draw_files(ui, r, c);
	int row = canvas_row(c);
	int w = c->width - 4;
	const char *hint = evidence_row_count(ui->session, r->path)
			       ? _("a path and Enter, F4 to browse, F7 to look at the files")
			       : _("type the path of a file and Enter, or F4 to browse");
	if (row >= 0 && w > 0) {
		draw_text(row, c->x + 2, 1, A_NORMAL, "[", false);
		draw_fill(row, c->x + 3, w, focused ? ui_theme.focus : ui_theme.input);
		if (focused) {
			struct textfield *tf = &ui->form.tf;
			size_t col = textfield_scroll_to_cursor(tf, (size_t)w);
			if (tf->len)
				draw_text(row, c->x + 3, w, ui_theme.focus, tf->s + tf->scroll,
					  false);
			else
				draw_text_cut(row, c->x + 3, w, ui_theme.focus | A_DIM, hint,
					      false);
			ui->form.cur_y = row;
			ui->form.cur_x = c->x + 3 + (int)col;
		} else {
			draw_text_cut(row, c->x + 3, w, ui_theme.input | A_DIM, hint, false);
		}
		draw_text(row, c->x + 3 + w, 1, A_NORMAL, "]", false);
	}
	c->y++;
}

/* "~/x.pdf" → "$HOME/x.pdf", then the absolute path when the file exists. */
static char *resolve(const char *typed)
{
	char *p;
	const char *home = getenv("HOME");
	if (typed[0] == '~' && typed[1] == '/' && home)
		p = xasprintf("%s%s", home, typed + 1);
	else
		p = xstrdup(typed);
	char *abs = realpath(p, NULL);
	char cwd[PATH_MAX];
	if (!abs && p[0] != '/' && getcwd(cwd, sizeof(cwd)))
		abs = xasprintf("%s/%s", cwd, p);
	if (abs) {
		free(p);
		return abs;
	}
	return p;
}

char *evidence_row_verdict_line(const char *path, const struct evidence_result *res, bool *bad)
{
	/* A rejected file is a problem (the status line marks it "!"); a
	 * warning is usable but says so with its own "!". A rejected file is
	 * recorded too: the checklist shows it until it is replaced or
	 * removed. */
	*bad = res->verdict == EVIDENCE_REJECT;
	if (*bad)
		return xasprintf("%s: %s", base_name(path), res->message);
	return xasprintf("%s %s: %s",
			 res->verdict == EVIDENCE_OK ? ui_theme.done : ui_theme.attention,
			 base_name(path), res->message);
}

void evidence_row_attach(struct ui *ui, const struct form_row *r, const char *typed)
{
	const struct evidence_req *req = &r->field->evidence;
	char *path = resolve(typed);
	bool again = evidence_case_find(ui->session, r->path, path) != NULL;
	/* The files still being read count: they are on their way in. */
	if (!again && req->max_files &&
	    session_evidence_usable(ui->session, r->path) + attach_job_pending(ui, r->path) >=
		req->max_files) {
		ui_status(ui, true,
			  ngettext("This document takes at most %u file. Remove it first with "
				   "Ctrl-D.",
				   "This document takes at most %u files. Remove one first with "
				   "Ctrl-D.",
				   req->max_files),
			  req->max_files);
		free(path);
		return;
	}
	/* Read by the child in the background; the verdict comes to the
	 * status line and under the field. */
	if (attach_job_add(ui, r->path, path))
		attach_job_tick(ui);
	free(path);
}

void evidence_row_remove_last(struct ui *ui, const struct form_row *r)
{
	size_t n;
	const struct evidence_row *v = session_evidence(ui->session, &n);
	const struct evidence_row *last = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].field, r->path) == 0 && (!last || v[i].position >= last->position))
			last = &v[i];
	if (!last) {
		ui_status(ui, false, "%s", _("No file is attached here yet."));
		return;
	}
	char *q = xasprintf(_("Remove “%s” from this document?"), base_name(last->path));
	bool yes = ui_confirm(ui, q);
	free(q);
	if (!yes)
		return;
	struct ipw_error err = {0};
	if (evidence_case_remove(ui->session, last->id, &err) != IPW_OK)
		ui_status(ui, true, "%s", err.msg);
	else
		ui_status(ui, false, "%s", _("File removed."));
}
