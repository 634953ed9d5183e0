/* SPDX-License-Identifier: GPL-3.0-or-later */
/* file_picker.c — choosing evidence files by browsing: directories first,
 * each file with its size, the highlighted one checked by content (what
 * `ipwiz attach` would say) before it is attached, several at once with
 * Space. Names are shown through utf8_sanitize like every other text. */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "evidence/evidence.h"
#include "ui_internal.h"

struct entry {
	char *name;
	bool dir;
	bool marked;
	int64_t size;
	bool checked; /* verdict below is filled */
	struct evidence_result res;
};

struct browser {
	const struct form_row *row;
	char *dir;
	struct entry *v;
	size_t n, sel, top;
	bool hidden;   /* show names starting with "." */
	bool all;      /* show every file, not only the accepted kinds */
	char msg[256]; /* why the directory could not be read */
};

/* Files larger than this are not checked just for being highlighted. */
#define PREVIEW_MAX (64LL * 1024 * 1024)

/* Extensions of the accepted MIME types, so the list can leave out files
 * that cannot be the right kind; the check itself reads the content. */
static bool likely_accepted(const struct evidence_req *req, const char *name)
{
	static const struct {
		const char *mime, *ext;
	} exts[] = {
	    {"application/pdf", "pdf"}, {"image/jpeg", "jpg"},	{"image/jpeg", "jpeg"},
	    {"image/png", "png"},	{"image/gif", "gif"},	{"image/webp", "webp"},
	    {"image/tiff", "tif"},	{"image/tiff", "tiff"}, {"application/zip", "zip"},
	};
	const char *dot = strrchr(name, '.');
	if (req->naccept == 0)
		return true;
	if (!dot)
		return false;
	for (size_t i = 0; i < req->naccept; i++) {
		const char *slash = strchr(req->accept[i], '/');
		if (slash && strcasecmp(slash + 1, dot + 1) == 0)
			return true;
		for (size_t j = 0; j < sizeof(exts) / sizeof(exts[0]); j++)
			if (strcmp(exts[j].mime, req->accept[i]) == 0 &&
			    strcasecmp(exts[j].ext, dot + 1) == 0)
				return true;
	}
	return false;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (strcmp(x->name, "..") == 0 || strcmp(y->name, "..") == 0)
		return strcmp(x->name, "..") == 0 ? -1 : 1;
	if (x->dir != y->dir)
		return x->dir ? -1 : 1;
	return strcoll(x->name, y->name);
}

static void entries_free(struct browser *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->v[i].name);
	free(b->v);
	b->v = NULL;
	b->n = b->sel = b->top = 0;
}

static void add_entry(struct browser *b, const char *name, bool dir, int64_t size)
{
	b->v = xreallocarray(b->v, b->n + 1, sizeof(*b->v));
	memset(&b->v[b->n], 0, sizeof(b->v[b->n]));
	b->v[b->n].name = xstrdup(name);
	b->v[b->n].dir = dir;
	b->v[b->n].size = size;
	b->n++;
}

static void read_dir(struct browser *b)
{
	entries_free(b);
	b->msg[0] = '\0';
	if (strcmp(b->dir, "/") != 0)
		add_entry(b, "..", true, 0);
	DIR *d = opendir(b->dir);
	if (!d) {
		snprintf(b->msg, sizeof(b->msg), "%s", _("This folder cannot be read."));
		return;
	}
	const struct evidence_req *req = &b->row->field->evidence;
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *name = de->d_name;
		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (name[0] == '.' && !b->hidden)
			continue;
		char *path = xasprintf("%s/%s", strcmp(b->dir, "/") ? b->dir : "", name);
		struct stat st;
		/* stat, not lstat: a link to a document is that document. */
		bool ok = stat(path, &st) == 0;
		free(path);
		if (!ok || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
			continue;
		if (S_ISREG(st.st_mode) && !b->all && !likely_accepted(req, name))
			continue;
		add_entry(b, name, S_ISDIR(st.st_mode), (int64_t)st.st_size);
	}
	closedir(d);
	qsort(b->v, b->n, sizeof(*b->v), entry_cmp);
}

static char *entry_path(const struct browser *b, const struct entry *e)
{
	return xasprintf("%s/%s", strcmp(b->dir, "/") ? b->dir : "", e->name);
}

/* What the check says about the highlighted file, computed once. */
static void preview(struct browser *b, struct entry *e)
{
	if (e->dir || e->checked)
		return;
	/* Hashing a huge file would freeze the list while the user moves
	 * through it; such a file is checked when it is attached. */
	const struct evidence_req *req = &b->row->field->evidence;
	/* Over the field's limit it is refused before a byte is read. */
	bool refused_early = req->max_size && (uint64_t)e->size > req->max_size;
	if (e->size > PREVIEW_MAX && !refused_early) {
		e->res.verdict = EVIDENCE_WARN;
		snprintf(e->res.message, sizeof(e->res.message), "%s",
			 _("A large file: it is checked when you attach it (Enter)."));
		e->checked = true;
		return;
	}
	char *path = entry_path(b, e);
	struct ipw_error err = {0};
	if (evidence_check(path, &b->row->field->evidence, &e->res, &err) != IPW_OK) {
		e->res.verdict = EVIDENCE_ERROR;
		/* The checker's own message, cut to the verdict's room. */
		snprintf(e->res.message, sizeof(e->res.message), "%.*s",
			 (int)sizeof(e->res.message) - 1, err.msg);
	}
	e->checked = true;
	free(path);
}

static void draw_entry(const struct browser *b, const struct entry *e, int y, int w, bool sel)
{
	attr_t a = sel ? ui_theme.focus : A_NORMAL;
	draw_fill(y, 1, w, a);
	char *size = e->dir ? xstrdup("") : ui_human_size((uint64_t)e->size);
	char *name = xasprintf("%s %s%s",
			       e->dir	   ? "   "
			       : e->marked ? ui_theme.on
					   : ui_theme.off,
			       e->name, e->dir ? "/" : "");
	int sw = 10;
	draw_text_cut(y, 1, w - sw - 1, a | (e->dir ? A_BOLD : 0), name, false);
	draw_right(y, 1 + w, sw, a, size);
	free(name);
	free(size);
}

static void browser_draw(struct ui *ui, void *state)
{
	struct browser *b = state;
	const struct ui_layout *l = &ui->lay;
	erase();
	if (ui_too_small(ui))
		return;
	char *title = xasprintf(_("ipwiz · files for “%s”"), b->row->label);
	draw_title_bar(l->cols, title, NULL);
	free(title);
	/* The home directory as "~", as a shell shows it. */
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;
	char *where =
	    hl > 1 && strncmp(b->dir, home, hl) == 0 && (b->dir[hl] == '/' || b->dir[hl] == '\0')
		? xasprintf("~%s", b->dir + hl)
		: xstrdup(b->dir);
	draw_text_cut(l->body_y - 1, 1, l->cols - 2, A_BOLD, where, false);
	free(where);
	int list_h = l->body_h - 3;
	scroll_into_view(b->sel, &b->top, list_h);
	for (int i = 0; i < list_h && b->top + (size_t)i < b->n; i++)
		draw_entry(b, &b->v[b->top + (size_t)i], l->body_y + i, l->cols - 2,
			   b->top + (size_t)i == b->sel);
	if (b->msg[0])
		draw_text(l->body_y + 1, 1, l->cols - 2, ui_theme.error, b->msg, false);
	/* The highlighted file, as the check sees it. */
	int py = l->body_y + l->body_h - 2;
	if (b->n && !b->v[b->sel].dir) {
		struct entry *e = &b->v[b->sel];
		preview(b, e);
		bool good = evidence_verdict_usable(e->res.verdict);
		char *line = xasprintf(
		    "%s %s", e->res.verdict == EVIDENCE_OK ? ui_theme.done : ui_theme.attention,
		    e->res.message);
		struct canvas c = {
		    .draw = true, .scr_y = py, .height = 2, .x = 1, .width = l->cols - 2};
		canvas_wrap(&c, 0, good ? ui_theme.good : ui_theme.error, line);
		free(line);
	}
	ui_draw_status(ui);
	const struct ui_hint hints[] = {
	    {"Enter", N_("attach / open")},
	    {"Space", N_("mark")},
	    {"Esc", N_("cancel")},
	    {".", b->hidden ? N_("hide hidden") : N_("show hidden")},
	    {"a", b->all ? N_("accepted kinds") : N_("all files")},
	    {"Left", N_("up")},
	};
	draw_hints(l->hints_y, l->cols, hints, sizeof(hints) / sizeof(hints[0]));
}

static void go_into(struct browser *b, const char *name)
{
	char *next;
	if (strcmp(name, "..") == 0) {
		char *slash = strrchr(b->dir, '/');
		next = slash && slash != b->dir ? xstrndup(b->dir, (size_t)(slash - b->dir))
						: xstrdup("/");
	} else {
		next = xasprintf("%s/%s", strcmp(b->dir, "/") ? b->dir : "", name);
	}
	free(b->dir);
	b->dir = next;
	read_dir(b);
}

/* Attach every marked file, or the highlighted one; true when done. They
 * are read in the background (attach_job.h): the status line shows which
 * and how far, and each verdict comes under the field. */
static bool attach_chosen(struct ui *ui, struct browser *b)
{
	size_t k = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].marked) {
			char *p = entry_path(b, &b->v[i]);
			evidence_row_attach(ui, b->row, p);
			free(p);
			k++;
		}
	if (k == 0 && b->n && !b->v[b->sel].dir) {
		char *p = entry_path(b, &b->v[b->sel]);
		evidence_row_attach(ui, b->row, p);
		free(p);
		k++;
	}
	return k > 0;
}

static bool browser_key(struct ui *ui, struct browser *b, const struct ui_key *k)
{
	struct entry *e = b->n ? &b->v[b->sel] : NULL;
	int page = ui->lay.body_h > 4 ? ui->lay.body_h - 4 : 1;
	switch (k->act) {
	case ACT_UP:
	case ACT_PREV:
		if (b->sel > 0)
			b->sel--;
		break;
	case ACT_DOWN:
	case ACT_NEXT:
		if (b->sel + 1 < b->n)
			b->sel++;
		break;
	case ACT_NEXT_STEP:
		b->sel =
		    b->sel + (size_t)page < b->n ? b->sel + (size_t)page : (b->n ? b->n - 1 : 0);
		break;
	case ACT_PREV_STEP:
		b->sel = b->sel > (size_t)page ? b->sel - (size_t)page : 0;
		break;
	case ACT_TOGGLE:
		if (e && !e->dir) {
			e->marked = !e->marked;
			if (b->sel + 1 < b->n)
				b->sel++;
		}
		break;
	case ACT_RIGHT:
	case ACT_CONFIRM:
		if (e && e->dir)
			go_into(b, e->name);
		else if (k->act == ACT_CONFIRM)
			return attach_chosen(ui, b);
		break;
	case ACT_LEFT:
		go_into(b, "..");
		break;
	case ACT_CHAR:
		if (k->ch == '.' || k->ch == 'a') {
			if (k->ch == '.')
				b->hidden = !b->hidden;
			else
				b->all = !b->all;
			read_dir(b);
		}
		break;
	case ACT_RESIZE:
		ui_relayout(ui);
		break;
	case ACT_CANCEL:
	case ACT_QUIT:
	case ACT_SIGNAL:
		return true;
	default:
		break;
	}
	return false;
}

void file_picker_run(struct ui *ui, const struct form_row *r)
{
	char cwd[PATH_MAX];
	struct browser b = {.row = r};
	b.dir = xstrdup(getcwd(cwd, sizeof(cwd)) ? cwd : "/");
	read_dir(&b);
	/* Over the step: its redraw comes back when the browser closes. */
	void (*under)(struct ui *, void *) = ui->redraw;
	void *under_state = ui->redraw_state;
	ui->redraw = browser_draw;
	ui->redraw_state = &b;
	for (bool done = false; !done;) {
		browser_draw(ui, &b);
		curs_set(0);
		refresh();
		struct ui_key k;
		ui_read_key(ui, &k, false, false);
		done = browser_key(ui, &b, &k);
	}
	ui->redraw = under;
	ui->redraw_state = under_state;
	entries_free(&b);
	free(b.dir);
}
