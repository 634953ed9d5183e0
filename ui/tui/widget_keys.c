/* SPDX-License-Identifier: GPL-3.0-or-later */
/* widget_keys.c — what a key does to the focused answer. Returns false for
 * keys the row leaves to the step screen (moving between fields, steps). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ui_internal.h"

/* Lines of a paste after the first become new items of the list, each in
 * the sub-field the paste landed in (or the first one): a column of URLs
 * pasted at once gives one listing each. Returns how many were added. */
static size_t paste_items(struct ui *ui, const struct flow_field *list, const char *sub,
			  const char *lines)
{
	size_t added = 0;
	for (const char *p = lines; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		p += len + (nl ? 1 : 0);
		if (!*line) {
			free(line);
			continue;
		}
		struct ipw_error err = {0};
		size_t idx;
		if (session_list_add(ui->session, list->path, &idx, &err) != IPW_OK) {
			ui_status(ui, true, "%s", err.msg);
			free(line);
			break;
		}
		char *path = xasprintf("%s.%zu.%s", list->path, idx, sub);
		session_set(ui->session, path, line, SESSION_DRAFT, NULL, &err);
		free(path);
		free(line);
		added++;
	}
	if (added)
		ui->saved = true;
	return added;
}

static void paste(struct ui *ui, struct form_row *r, const char *text)
{
	struct textfield *tf = &ui->form.tf;
	if (r->kind == ROW_TEXTAREA) {
		textfield_insert(tf, text, strlen(text));
		return;
	}
	const char *nl = strchr(text, '\n');
	if (r->item && nl && nl[1]) {
		/* The first line here (saved now), the others as new items. */
		textfield_insert(tf, text, (size_t)(nl - text));
		char *here = xstrdup(r->path);
		form_commit(ui);
		size_t n = paste_items(ui, r->list, r->field->id, nl + 1);
		if (n)
			ui_status(ui, false,
				  ngettext("%zu more item made from the pasted lines.",
					   "%zu more items made from the pasted lines.", n),
				  n);
		form_rebuild(ui, here); /* r is stale from here on */
		free(here);
		return;
	}
	/* One line: line breaks become spaces. */
	for (const char *p = text; *p; p++)
		textfield_insert(tf, *p == '\n' ? " " : p, 1);
}

/* A paste the wizard cut (keys.c keeps UI_PASTE_MAX bytes): say so. */
static void say_if_cut(struct ui *ui, const struct ui_key *k)
{
	if (k->pasted_bytes <= UI_PASTE_MAX)
		return;
	ui_status(ui, true,
		  _("The pasted text was longer than 64 KiB (%zu KiB): only its first 64 KiB were "
		    "taken. For a longer text, press Ctrl-E in a long answer to use your editor."),
		  (k->pasted_bytes + 1023) / 1024);
}

static bool text_key(struct ui *ui, struct form_row *r, const struct ui_key *k)
{
	struct form *fm = &ui->form;
	switch (k->act) {
	case ACT_CHAR:
		textfield_insert_cp(&fm->tf, k->ch);
		return true;
	case ACT_PASTE:
		paste(ui, r, k->text);
		say_if_cut(ui, k);
		return true;
	case ACT_EDIT:
		textfield_op(&fm->tf, k->op);
		return true;
	case ACT_NEWLINE:
		textfield_insert(&fm->tf, "\n", 1);
		return true;
	case ACT_UP:
	case ACT_DOWN:
		if (r->kind != ROW_TEXTAREA)
			return false;
		return textfield_move_line(&fm->tf, (size_t)(ui->lay.main_w - 4),
					   k->act == ACT_UP ? -1 : 1);
	case ACT_CANCEL:
		textfield_set(&fm->tf, fm->orig);
		ui_status(ui, false, "%s", _("Edit cancelled: the saved answer is back."));
		return true;
	case ACT_CONFIRM:
		if (r->kind == ROW_EVIDENCE && fm->tf.len) {
			char *typed = xstrdup(fm->tf.s);
			textfield_set(&fm->tf, NULL);
			evidence_row_attach(ui, r, typed);
			free(typed);
			return true;
		}
		return false;
	case ACT_REMOVE:
		if (r->kind == ROW_EVIDENCE) {
			evidence_row_remove_last(ui, r);
			return true;
		}
		return false;
	case ACT_EDITOR:
		if (r->kind == ROW_TEXTAREA)
			editor_edit(ui, &fm->tf);
		return r->kind == ROW_TEXTAREA;
	case ACT_BROWSE:
		if (r->kind == ROW_EVIDENCE) {
			file_picker_run(ui, r);
			return true;
		}
		return false;
	case ACT_FILES:
		if (r->kind == ROW_EVIDENCE) {
			file_view_run(ui, r);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void choose_one(struct ui *ui, struct form_row *r)
{
	const struct flow_field *f = r->field;
	const char **labels = xcalloc(f->nchoices ? f->nchoices : 1, sizeof(*labels));
	const char *cur = session_get(ui->session, r->path);
	if (!cur)
		cur = f->default_value;
	size_t sel = 0;
	for (size_t i = 0; i < f->nchoices; i++) {
		labels[i] = flow_tr(f->choices[i].label);
		if (cur && strcmp(cur, f->choices[i].value) == 0)
			sel = i;
	}
	int k = pick_one(ui, r->label, labels, f->nchoices, sel);
	free(labels);
	if (k >= 0)
		form_save(ui, r->path, f->choices[k].value);
}

static bool has_value(const char *list, const char *v)
{
	size_t n = strlen(v);
	for (const char *p = list; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == n && strncmp(p, v, n) == 0)
			return true;
		p += len + (nl ? 1 : 0);
	}
	return false;
}

static void choose_many(struct ui *ui, struct form_row *r)
{
	const struct flow_field *f = r->field;
	size_t n = f->nchoices ? f->nchoices : 1;
	const char **labels = xcalloc(n, sizeof(*labels));
	bool *on = xcalloc(n, sizeof(*on));
	const char *cur = session_get(ui->session, r->path);
	for (size_t i = 0; i < f->nchoices; i++) {
		labels[i] = flow_tr(f->choices[i].label);
		on[i] = has_value(cur, f->choices[i].value);
	}
	if (pick_many(ui, r->label, labels, on, f->nchoices)) {
		struct strbuf b;
		strbuf_init(&b);
		for (size_t i = 0; i < f->nchoices; i++)
			if (on[i]) {
				if (b.len)
					strbuf_addc(&b, '\n');
				strbuf_add(&b, f->choices[i].value);
			}
		form_save(ui, r->path, b.s);
		strbuf_free(&b);
	}
	free(labels);
	free(on);
}

static bool yesno_key(struct ui *ui, struct form_row *r, const struct ui_key *k)
{
	const char *v = session_get(ui->session, r->path);
	const char *to = NULL;
	if (k->act == ACT_LEFT || (k->act == ACT_CHAR && (k->ch == 'y' || k->ch == 'Y')))
		to = "yes";
	else if (k->act == ACT_RIGHT || (k->act == ACT_CHAR && (k->ch == 'n' || k->ch == 'N')))
		to = "no";
	else if (k->act == ACT_TOGGLE)
		to = v && strcmp(v, "yes") == 0 ? "no" : "yes";
	if (!to)
		return false;
	form_save(ui, r->path, to);
	return true;
}

/* The first sub-field of item idx, for the focus after adding it. */
static char *item_path(const struct flow_field *list, size_t idx)
{
	return list->nitems ? xasprintf("%s.%zu.%s", list->path, idx, list->items[0].id)
			    : xstrdup(list->path);
}

static void add_item(struct ui *ui, struct form_row *r)
{
	struct ipw_error err = {0};
	size_t idx = 0;
	if (session_list_add(ui->session, r->list->path, &idx, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	char *p = item_path(r->list, idx);
	form_rebuild(ui, p);
	free(p);
}

static void remove_item(struct ui *ui, struct form_row *r)
{
	char *q = xasprintf(_("Remove item %zu of “%s”?"), r->item, flow_tr(r->list->label));
	bool yes = ui_confirm(ui, q);
	free(q);
	if (!yes)
		return;
	struct ipw_error err = {0};
	size_t idx = r->item;
	char *list = xstrdup(r->list->path);
	if (session_list_remove(ui->session, list, idx, &err) != IPW_OK)
		ui_status(ui, true, "%s", err.msg);
	else
		ui_status(ui, false, _("Item %zu removed."), idx);
	char *p = xasprintf("%s.+", list);
	form_rebuild(ui, p);
	free(p);
	free(list);
}

/* Space on "I affirm": only the owner affirms or withdraws (anybody else
 * is told so and nothing changes); a void affirmation is affirmed again at
 * once, since it shows unticked. */
static void affirm_key(struct ui *ui, const struct form_row *r)
{
	struct ipw_error err = {0};
	if (session_owner_only(ui->session, r->path, &err) != IPW_OK) {
		ui_status(ui, true, "%s", err.msg);
		return;
	}
	const char *v = session_get(ui->session, r->path);
	char *why = v ? session_affirmation_void(ui->session, r->path) : NULL;
	form_save(ui, r->path, v && !why ? NULL : "yes");
	free(why);
}

bool widget_key(struct ui *ui, struct form_row *r, const struct ui_key *k)
{
	if (k->act == ACT_REMOVE && r->item) {
		remove_item(ui, r);
		return true;
	}
	bool pick = k->act == ACT_CONFIRM || k->act == ACT_TOGGLE;
	switch (r->kind) {
	case ROW_TEXT:
	case ROW_TEXTAREA:
	case ROW_EVIDENCE:
		return text_key(ui, r, k);
	case ROW_CHOICE:
		if (pick)
			choose_one(ui, r);
		return pick;
	case ROW_MULTI:
		if (pick)
			choose_many(ui, r);
		return pick;
	case ROW_YESNO:
		return yesno_key(ui, r, k);
	case ROW_AFFIRM:
		if (pick)
			affirm_key(ui, r);
		return pick;
	case ROW_ADD:
		if (k->act == ACT_PASTE && r->list->nitems) {
			size_t n = paste_items(ui, r->list, r->list->items[0].id, k->text);
			ui_status(ui, false,
				  ngettext("%zu item made from the pasted lines.",
					   "%zu items made from the pasted lines.", n),
				  n);
			say_if_cut(ui, k);
			return true;
		}
		if (pick)
			add_item(ui, r);
		return pick;
	default:
		return false;
	}
}
