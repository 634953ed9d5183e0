/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_list.c — a repeating group (the listings of a complaint, say): the
 * items so far, then add, edit or remove one; each item asks its own
 * questions in order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "plain_internal.h"

enum list_op { LIST_NONE, LIST_ADD, LIST_EDIT, LIST_REMOVE, LIST_MOVE };

struct list_word {
	const char *word;
	const char *tr;
	enum list_op op;
};

/* TRANSLATORS: words typed at a list's prompt ("add", "edit 2", "remove 2");
 * the English word always works too. Keep each one word. */
static const struct list_word list_words[] = {
    {"add", N_("add"), LIST_ADD},
    {"a", "a", LIST_ADD},
    {"edit", N_("edit"), LIST_EDIT},
    {"e", "e", LIST_EDIT},
    {"remove", N_("remove"), LIST_REMOVE},
    {"delete", N_("delete"), LIST_REMOVE},
    {"r", "r", LIST_REMOVE},
    {"move", N_("move"), LIST_MOVE},
    {"m", "m", LIST_MOVE},
};

/* Up to two item numbers after the word; false when anything else follows. */
static bool numbers(const char *s, size_t *n, size_t *m)
{
	size_t *slot[2] = {n, m};
	for (int i = 0; i < 2; i++) {
		s += strspn(s, " \t");
		char *end;
		unsigned long v = strtoul(s, &end, 10);
		if (end == s)
			break;
		*slot[i] = (size_t)v;
		s = end;
	}
	return s[strspn(s, " \t")] == '\0';
}

/* "edit 2" → LIST_EDIT, 2; "move 3 1" → LIST_MOVE, 3, 1. Missing numbers
 * are 0. */
static enum list_op list_op(const char *line, size_t *n, size_t *m)
{
	*n = *m = 0;
	size_t wl = strcspn(line, " \t0123456789");
	if (!numbers(line + wl, n, m))
		return LIST_NONE;
	for (size_t i = 0; i < sizeof(list_words) / sizeof(list_words[0]); i++) {
		const char *w = list_words[i].word, *t = _(list_words[i].tr);
		if ((strlen(w) == wl && strncasecmp(line, w, wl) == 0) ||
		    (strlen(t) == wl && strncasecmp(line, t, wl) == 0))
			return list_words[i].op;
	}
	return LIST_NONE;
}

static char *item_path(const struct flow_field *list, size_t idx, const struct flow_field *sub)
{
	return xasprintf("%s.%zu.%s", list->path, idx, sub->id);
}

/* "https://shop.example/1 — spare part": the item's answers on one line. */
static char *item_summary(const struct session *s, const struct flow_field *f, size_t idx)
{
	struct strbuf b;
	strbuf_init(&b);
	for (size_t j = 0; j < f->nitems; j++) {
		char *path = item_path(f, idx, &f->items[j]);
		char *v = flow_answer_text(&f->items[j], session_get(s, path), ANSWER_ON_SCREEN);
		if (v) {
			if (b.len)
				strbuf_add(&b, " — ");
			strbuf_add(&b, v);
		}
		free(v);
		free(path);
	}
	return strbuf_detach(&b);
}

static void print_items(struct plain *p, const struct flow_field *f)
{
	size_t n = session_list_count(p->cc.session, f->path);
	if (n == 0)
		plain_printf(p, "%s\n", _("No items yet."));
	for (size_t i = 1; i <= n; i++) {
		char *sum = item_summary(p->cc.session, f, i);
		plain_printf(p, "  %zu. %s\n", i, *sum ? plain_safe(p, sum) : _("(empty)"));
		free(sum);
	}
}

/* Previous visible sub-field before j, or SIZE_MAX. */
static size_t prev_sub(const struct session *s, const struct flow_field *f, size_t idx, size_t j)
{
	while (j-- > 0) {
		char *path = item_path(f, idx, &f->items[j]);
		bool vis = session_field_visible(s, path);
		free(path);
		if (vis)
			return j;
	}
	return (size_t)-1;
}

/* Ask the questions of item idx. PLAIN_NEXT when done with the item (back
 * to the list), or an action that leaves the list. */
static enum plain_action ask_item(struct plain *p, const struct flow_field *f, size_t idx)
{
	char *head = xasprintf(_("Item %zu of %s"), idx, flow_tr(f->label));
	plain_printf(p, "%s\n", plain_safe(p, head));
	free(head);
	size_t j = 0;
	while (j < f->nitems) {
		const struct flow_field *sub = &f->items[j];
		char *path = item_path(f, idx, sub);
		enum plain_action act = PLAIN_NEXT;
		if (session_field_visible(p->cc.session, path))
			act = plain_field(p, sub, path, NULL);
		free(path);
		switch (act) {
		case PLAIN_NEXT:
			j++;
			break;
		case PLAIN_BACK:
			j = prev_sub(p->cc.session, f, idx, j);
			if (j == (size_t)-1)
				return PLAIN_NEXT;
			break;
		case PLAIN_NEXT_STEP:
			return PLAIN_NEXT;
		default:
			return act;
		}
	}
	return PLAIN_NEXT;
}

static bool item_empty(const struct session *s, const struct flow_field *f, size_t idx)
{
	char *sum = item_summary(s, f, idx);
	bool empty = !*sum;
	free(sum);
	return empty;
}

/* A list change that did not happen: full, or someone else changed the
 * list meanwhile (then show it as it is now). */
static void list_refused(struct plain *p, int r, const struct ipw_error *err)
{
	if (r != IPW_ECONFLICT) {
		plain_printf(p, "%s\n", plain_safe(p, err->msg));
		return;
	}
	struct ipw_error rerr = {0};
	if (session_reload(p->cc.session, &rerr) != IPW_OK)
		plain_error(p, &rerr);
	plain_printf(p, "%s\n",
		     _("Someone else changed this list meanwhile; here it is as it is now. "
		       "Try again if you still need the change."));
}

/* Add an item and ask its questions; an item left with no answer at all is
 * taken off again, so going back does not leave holes. */
static enum plain_action add_item(struct plain *p, const struct flow_field *f)
{
	struct ipw_error err = {0};
	size_t idx;
	int r = session_list_add(p->cc.session, f->path, &idx, &err);
	if (r == IPW_EENV) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	if (r != IPW_OK) {
		list_refused(p, r, &err);
		return PLAIN_NEXT;
	}
	enum plain_action act = ask_item(p, f, idx);
	if (act != PLAIN_FAIL && item_empty(p->cc.session, f, idx) &&
	    session_list_remove(p->cc.session, f->path, idx, &err) != IPW_OK) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	return act;
}

static enum plain_action remove_item(struct plain *p, const struct flow_field *f, size_t idx)
{
	struct ipw_error err = {0};
	int r = session_list_remove(p->cc.session, f->path, idx, &err);
	if (r == IPW_EENV) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	if (r == IPW_OK)
		plain_printf(p, _("Item %zu is removed.\n"), idx);
	else
		list_refused(p, r, &err);
	return PLAIN_NEXT;
}

static enum plain_action move_item(struct plain *p, const struct flow_field *f, size_t from,
				   size_t to)
{
	struct ipw_error err = {0};
	int r = session_list_move(p->cc.session, f->path, from, to, &err);
	if (r == IPW_EENV) {
		plain_error(p, &err);
		return PLAIN_FAIL;
	}
	if (r == IPW_OK)
		plain_printf(p, _("Item %zu is now item %zu.\n"), from, to);
	else
		list_refused(p, r, &err);
	return PLAIN_NEXT;
}

/* One line typed at the list's prompt. PLAIN_NEXT means stay at the list. */
static enum plain_action list_line(struct plain *p, const struct flow_field *f, const char *line)
{
	size_t n = session_list_count(p->cc.session, f->path), k, to;
	switch (list_op(line, &k, &to)) {
	case LIST_ADD:
		return add_item(p, f);
	case LIST_EDIT:
		if (k >= 1 && k <= n)
			return ask_item(p, f, k);
		break;
	case LIST_REMOVE:
		if (k >= 1 && k <= n)
			return remove_item(p, f, k);
		break;
	case LIST_MOVE:
		if (k >= 1 && k <= n && to >= 1 && to <= n)
			return move_item(p, f, k, to);
		break;
	case LIST_NONE:
		plain_printf(p, "%s\n",
			     _("Type add, edit N, remove N or move N M, or press Enter to go on."));
		return PLAIN_NEXT;
	}
	if (n == 0)
		plain_printf(p, "%s\n", _("There is no item yet: type add to make one."));
	else
		plain_printf(
		    p, _("Give item numbers from 1 to %zu, for example edit 1 or move 2 1.\n"), n);
	return PLAIN_NEXT;
}

static void list_help(struct plain *p, const struct flow_field *f)
{
	if (f->help)
		plain_lines(p, "", flow_tr(f->help));
	plain_printf(p, "%s\n",
		     _("add: a new item · edit N: change item N · remove N: take item N off · "
		       "move N M: make item N item M"));
	plain_command_help(p);
}

/* Enter alone at the list: go on, unless a required list is still empty. */
static bool list_done(struct plain *p, const struct flow_field *f)
{
	if (!session_field_required(p->cc.session, f->path) ||
	    session_list_count(p->cc.session, f->path) > 0)
		return true;
	plain_printf(p, "%s\n", _("Add at least one item, or type skip to leave it for later."));
	return false;
}

enum plain_action plain_list(struct plain *p, const struct flow_field *f)
{
	plain_label(p, flow_tr(f->label), f->path);
	for (;;) {
		plain_refresh(p);
		print_items(p, f);
		plain_printf(p, "%s\n",
			     _("Type add for a new item, edit N to change one, remove N to take "
			       "one off, or press Enter to go on."));
		enum plain_action act = PLAIN_NEXT;
		switch (plain_prompt(p, f, list_help, &act)) {
		case PLAIN_GOT_ACTION:
			return act;
		case PLAIN_GOT_AGAIN:
			continue;
		case PLAIN_GOT_CLEAR:
			plain_printf(p, "%s\n", _("Take items off one at a time with remove N."));
			continue;
		case PLAIN_GOT_LINE:
			break;
		}
		char *line = plain_trim(xstrdup(p->line));
		if (!*line)
			act = list_done(p, f) ? PLAIN_NEXT_STEP : PLAIN_NEXT;
		else
			act = list_line(p, f, line);
		free(line);
		if (act == PLAIN_NEXT_STEP) /* done with the list: the next question */
			return PLAIN_NEXT;
		if (act != PLAIN_NEXT)
			return act;
	}
}
