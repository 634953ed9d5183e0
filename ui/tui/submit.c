/* SPDX-License-Identifier: GPL-3.0-or-later */
/* submit.c — the moment the seller opens the platform's form. First a
 * pre-flight checklist of what still blocks the submission (a missing or
 * invalid answer, a declaration made before a later change, a file changed
 * since it was checked, every deadline passed), each explained, Enter jumps
 * to it. Then, box by box of the platform's form, the exact text: Enter
 * copies it to the clipboard with OSC 52 (works over SSH, and in tmux with
 * set-clipboard), Space ticks it as pasted. Last the files to upload, in
 * order. */
#include "config.h"

#include <nettle/base64.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "case/case.h"
#include "evidence/evidence.h"
#include "render/render.h"
#include "ui_internal.h"

enum sub_kind { SUB_HEADING, SUB_NOTE, SUB_BLOCKER, SUB_DOC, SUB_UPLOAD };

struct sub_line {
	enum sub_kind kind;
	size_t step; /* SUB_BLOCKER: where to jump */
	char *path;  /* SUB_BLOCKER: the field, or NULL when there is none */
	char *text;  /* what the line says */
	char *body;  /* SUB_DOC: the text to paste */
	bool copied, pasted;
};

struct submit {
	struct sub_line *v;
	size_t n, sel, top;
	size_t nblockers;
};

static void add(struct submit *sb, enum sub_kind kind, size_t step, const char *path, char *text)
{
	sb->v = xreallocarray(sb->v, sb->n + 1, sizeof *sb->v);
	sb->v[sb->n++] = (struct sub_line){
	    .kind = kind, .step = step, .path = path ? xstrdup(path) : NULL, .text = text};
	if (kind == SUB_BLOCKER)
		sb->nblockers++;
}

static bool selectable(const struct sub_line *l)
{
	return l->kind == SUB_BLOCKER || l->kind == SUB_DOC;
}

/* Answers: what session_check finds, named by their step and label. */
static void answer_blockers(struct ui *ui, struct submit *sb)
{
	const struct flow *f = session_flow(ui->session);
	struct session_issue *is;
	size_t n = session_check(ui->session, &is);
	for (size_t i = 0; i < n; i++) {
		const char *label = session_path_label(ui->session, is[i].path);
		add(sb, SUB_BLOCKER, is[i].step, is[i].path,
		    xasprintf("%s %s › %s: %s", ui_theme.attention,
			      flow_tr(f->steps[is[i].step].title), label, is[i].message));
	}
	session_issues_free(is, n);
}

/* Files: checked again as `ipwiz check` and export do; a changed or
 * vanished one, or one the flow's rules now refuse, blocks. */
static void evidence_blockers(struct ui *ui, struct submit *sb)
{
	size_t n;
	struct render_evidence *ev = render_evidence_list(ui->session, &n);
	for (size_t i = 0; i < n; i++) {
		struct evidence_result res;
		enum evidence_recheck r = evidence_case_recheck(ui->session, ev[i].row, &res);
		if (!evidence_recheck_blocks(r, &res))
			continue;
		const struct flow_step *st =
		    ev[i].field ? flow_field_step(session_flow(ui->session), ev[i].field) : NULL;
		size_t step = st ? (size_t)(st - session_flow(ui->session)->steps) : 0;
		char *msg = r == RECHECK_JUDGED
				? xasprintf("%s %s: %s %s", ui_theme.attention, ev[i].row->path,
					    res.message, res.fix)
				: xasprintf(_("%s %s changed or went away after it was checked; "
					      "attach it again."),
					    ui_theme.attention, ev[i].row->path);
		add(sb, SUB_BLOCKER, step, ev[i].row->field, msg);
	}
	render_evidence_free(ev, n);
}

/* Deadlines: when every one that applies has passed. */
static void deadline_blocker(struct ui *ui, struct submit *sb)
{
	struct deadline_due *v;
	size_t n = deadline_list(ui->session, &v), due = 0, passed = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].state == DEADLINE_DUE) {
			due++;
			passed += v[i].days_left < 0;
		}
	if (due && passed == due)
		add(sb, SUB_BLOCKER, 0, NULL,
		    xasprintf(
			_("%s Every deadline of this case has passed; the platform may no longer "
			  "accept it. Check the countdown on the platform's page."),
			ui_theme.attention));
	free(v);
}

static void documents(struct ui *ui, struct submit *sb)
{
	const struct flow *f = session_flow(ui->session);
	const char *langs[2];
	size_t nl = render_languages(ui->session, langs);
	add(sb, SUB_HEADING, 0, NULL,
	    xstrdup(_("Texts to paste, box by box of the platform's form")));
	for (size_t d = 0; d < f->ndocuments; d++) {
		const struct flow_document *doc = &f->documents[d];
		if (strcmp(doc->purpose, "paste") != 0 ||
		    !render_document_applies(ui->session, doc))
			continue;
		for (size_t l = 0; l < nl; l++) {
			char *body = NULL;
			struct ipw_error err = {0};
			if (render_document(ui->session, doc, langs[l], DOC_TEXT, &body, &err) !=
			    IPW_OK) {
				add(sb, SUB_NOTE, 0, NULL, xstrdup(err.msg));
				continue;
			}
			const char *box =
			    doc->form_field ? flow_tr(doc->form_field) : flow_tr(doc->title);
			add(sb, SUB_DOC, 0, NULL,
			    nl > 1 ? xasprintf("«%s» — %s (%s)", box, flow_tr(doc->title), langs[l])
				   : xasprintf("«%s» — %s", box, flow_tr(doc->title)));
			sb->v[sb->n - 1].body = body;
		}
	}
}

static void add_note_line(const char *line, size_t len, void *ctx)
{
	add(ctx, SUB_NOTE, 0, NULL, xasprintf("  %.*s", (int)len, line));
}

static void uploads(struct ui *ui, struct submit *sb)
{
	size_t n;
	struct render_evidence *ev = render_evidence_list(ui->session, &n);
	add(sb, SUB_HEADING, 0, NULL, xstrdup(_("Files to upload, in this order")));
	if (!n)
		add(sb, SUB_NOTE, 0, NULL, xstrdup(_("(no files)")));
	for (size_t i = 0; i < n; i++) {
		/* Each package apart, under its heading and where it goes: its
		 * files are numbered from 1 and uploaded at another place. */
		const struct flow_package *p = ev[i].package;
		if (p && (i == 0 || ev[i - 1].package != p)) {
			add(sb, SUB_HEADING, 0, NULL, xstrdup(flow_tr(p->label)));
			/* Where it goes is a sentence or two: wrapped, not cut. */
			int cols = ui->lay.cols - 4;
			utf8_wrap(flow_tr(p->where), cols > 20 ? (size_t)cols : 20, add_note_line,
				  sb);
		}
		add(sb, SUB_UPLOAD, 0, NULL,
		    xasprintf("%u. %s — %s", ev[i].number, ev[i].name,
			      ev[i].field && ev[i].field->evidence.proves
				  ? flow_tr(ev[i].field->evidence.proves)
				  : ev[i].row->path));
	}
	render_evidence_free(ev, n);
}

static void submit_build(struct ui *ui, struct submit *sb)
{
	add(sb, SUB_HEADING, 0, NULL, xstrdup(_("Before you submit")));
	answer_blockers(ui, sb);
	evidence_blockers(ui, sb);
	deadline_blocker(ui, sb);
	if (sb->nblockers) {
		add(sb, SUB_NOTE, 0, NULL,
		    xstrdup(
			_("The texts to paste and the files to upload appear once nothing above "
			  "blocks.")));
		return;
	}
	add(sb, SUB_NOTE, 0, NULL,
	    xasprintf(
		"%s %s", ui_theme.done,
		_("Nothing blocks the submission: every answer, file and signature is ready.")));
	documents(ui, sb);
	uploads(ui, sb);
}

static void submit_free(struct submit *sb)
{
	for (size_t i = 0; i < sb->n; i++) {
		free(sb->v[i].path);
		free(sb->v[i].text);
		free(sb->v[i].body);
	}
	free(sb->v);
	memset(sb, 0, sizeof *sb);
}

/* OSC 52: the terminal (or tmux, or the SSH client's terminal) puts the
 * text on the clipboard. Written around curses, which never sees it. */
static void osc52_copy(const char *text)
{
	size_t len = strlen(text);
	char *b64 = xmalloc(BASE64_ENCODE_RAW_LENGTH(len) + 1);
	base64_encode_raw((char *)b64, len, (const uint8_t *)text);
	b64[BASE64_ENCODE_RAW_LENGTH(len)] = '\0';
	char *seq = xasprintf("\033]52;c;%s\a", b64);
	refresh();
	size_t off = 0, n = strlen(seq);
	while (off < n) {
		ssize_t w = write(STDOUT_FILENO, seq + off, n - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	free(seq);
	free(b64);
}

static void draw_line(const struct ui *ui, const struct sub_line *ln, int y, bool sel)
{
	const struct ui_layout *l = &ui->lay;
	attr_t a = ln->kind == SUB_HEADING   ? ui_theme.title
		   : ln->kind == SUB_BLOCKER ? ui_theme.error
					     : A_NORMAL;
	char *text = ln->kind == SUB_DOC
			 ? xasprintf("[%s] [%s] %s", ln->copied ? ui_theme.done : " ",
				     ln->pasted ? ui_theme.done : " ", ln->text)
			 : xstrdup(ln->text);
	draw_text_cut(y, 1, l->cols - 2, sel ? ui_theme.focus : a, text, sel);
	free(text);
}

static void submit_draw(struct ui *ui, void *state)
{
	struct submit *sb = state;
	const struct ui_layout *l = &ui->lay;
	erase();
	if (ui_too_small(ui))
		return;
	ui_draw_case_title(ui, _("Submit"));
	char *note = deadline_note(ui->session, true);
	if (note)
		draw_text_cut(l->body_y, 1, l->cols - 2, A_BOLD, note, false);
	free(note);
	int y0 = l->body_y + 1, h = l->body_h - 1;
	scroll_into_view(sb->sel, &sb->top, h);
	for (int i = 0; i < h && sb->top + (size_t)i < sb->n; i++)
		draw_line(ui, &sb->v[sb->top + (size_t)i], y0 + i, sb->top + (size_t)i == sb->sel);
	if (h > 0 && sb->top + (size_t)h < sb->n)
		draw_text(y0 + h - 1, l->cols - 1, 1, A_BOLD, ui_theme.more_down, false);
	ui_draw_status(ui);
	const struct ui_hint blockers[] = {
	    {"Enter", N_("fix it")}, {"Esc", N_("back")}, {"F1", N_("help")}, {"q", N_("quit")}};
	const struct ui_hint ready[] = {{"Enter", N_("copy")},
					{"Space", N_("pasted")},
					{"Esc", N_("back")},
					{"F1", N_("help")},
					{"q", N_("quit")}};
	if (sb->nblockers)
		draw_hints(l->hints_y, l->cols, blockers, sizeof blockers / sizeof blockers[0]);
	else
		draw_hints(l->hints_y, l->cols, ready, sizeof ready / sizeof ready[0]);
}

static void select_next(struct submit *sb, int dir)
{
	for (size_t i = sb->sel;;) {
		if (dir > 0 ? i + 1 >= sb->n : i == 0)
			return;
		i = dir > 0 ? i + 1 : i - 1;
		if (selectable(&sb->v[i])) {
			sb->sel = i;
			return;
		}
	}
}

static enum ui_next confirm(struct ui *ui, struct sub_line *ln)
{
	if (ln->kind == SUB_DOC) {
		osc52_copy(ln->body);
		ln->copied = true;
		ui_status(
		    ui, false,
		    ngettext("Copied %s to the clipboard (%zu character): paste it into that box "
			     "of the platform's form, then press Space to tick it.",
			     "Copied %s to the clipboard (%zu characters): paste it into that box "
			     "of the platform's form, then press Space to tick it.",
			     strlen(ln->body)),
		    ln->text, strlen(ln->body));
		return NEXT_SUBMIT;
	}
	if (ln->kind != SUB_BLOCKER || !ln->path)
		return NEXT_SUBMIT;
	struct ipw_error err = {0};
	if (session_goto_step(ui->session, ln->step, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return NEXT_SUBMIT;
	}
	free(ui->jump_path);
	ui->jump_path = xstrdup(ln->path);
	ui->from_review = false;
	return NEXT_STEP;
}

static enum ui_next submit_key(struct ui *ui, void *state, const struct ui_key *k)
{
	struct submit *sb = state;
	if (k->act != ACT_HELP)
		ui_status(ui, false, "%s", "");
	struct sub_line *ln = sb->n ? &sb->v[sb->sel] : NULL;
	switch (k->act) {
	case ACT_UP:
	case ACT_PREV:
		select_next(sb, -1);
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		select_next(sb, 1);
		break;
	case ACT_CONFIRM:
		return ln ? confirm(ui, ln) : NEXT_SUBMIT;
	case ACT_TOGGLE:
		if (ln && ln->kind == SUB_DOC)
			ln->pasted = !ln->pasted;
		break;
	case ACT_CANCEL:
	case ACT_REVIEW:
		return NEXT_REVIEW;
	case ACT_HELP:
		help_show(
		    ui, _("Submit"),
		    _("What still blocks the submission is listed first: Enter takes you to "
		      "it. When nothing blocks, each box of the platform's form has its text: "
		      "Enter copies it to the clipboard (over SSH too), Space ticks it once "
		      "pasted. The files to upload follow, in the order to upload them."));
		break;
	case ACT_CASES:
		return NEXT_HOME;
	default:
		break;
	}
	return NEXT_SUBMIT;
}

enum ui_next submit_run(struct ui *ui)
{
	struct submit sb = {0};
	submit_build(ui, &sb);
	sb.sel = 0;
	select_next(&sb, 1);
	enum ui_next next = ui_screen_loop(ui, NEXT_SUBMIT, submit_draw, submit_key, &sb, NULL);
	submit_free(&sb);
	return next;
}
