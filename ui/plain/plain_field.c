/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_field.c — one question: its label, the answer it has, the prompt,
 * and what the typed line does (an answer, Enter to keep, or a command).
 * An answer is saved the moment it is entered; an invalid one is read back
 * with the reason and the same question is asked again. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "plain_internal.h"

bool plain_command_action(struct plain *p, enum plain_cmd cmd, size_t arg, enum plain_action *act)
{
	switch (cmd) {
	case PLAIN_CMD_BACK:
		*act = PLAIN_BACK;
		return true;
	case PLAIN_CMD_NEXT:
		*act = PLAIN_NEXT_STEP;
		return true;
	case PLAIN_CMD_SKIP:
		*act = PLAIN_NEXT;
		return true;
	case PLAIN_CMD_REVIEW:
		*act = PLAIN_REVIEW;
		return true;
	case PLAIN_CMD_QUIT:
		*act = PLAIN_QUIT;
		return true;
	case PLAIN_CMD_GOTO: {
		size_t k, m;
		plain_step_number(p->cc.session, 0, &k, &m);
		if (plain_step_index(p->cc.session, arg, &p->goto_step)) {
			*act = PLAIN_GOTO;
			return true;
		}
		plain_printf(p, _("There is no step %zu: type goto and a number from 1 to %zu.\n"),
			     arg, m);
		return false;
	}
	default:
		return false;
	}
}

void plain_label(struct plain *p, const char *label, const char *path)
{
	if (session_field_required(p->cc.session, path))
		plain_printf(p, _("%s (required)\n"), plain_safe(p, label));
	else
		plain_printf(p, "%s\n", plain_safe(p, label));
}

enum plain_got plain_prompt(struct plain *p, const struct flow_field *f,
			    void (*help)(struct plain *p, const struct flow_field *f),
			    enum plain_action *act)
{
	if (!plain_read(p, "> ")) {
		*act = PLAIN_QUIT;
		return PLAIN_GOT_ACTION;
	}
	size_t arg;
	enum plain_cmd cmd = plain_command(p->line, &arg);
	switch (cmd) {
	case PLAIN_CMD_NONE:
		return PLAIN_GOT_LINE;
	case PLAIN_CMD_HELP:
		help(p, f);
		return PLAIN_GOT_AGAIN;
	case PLAIN_CMD_CLEAR:
		return PLAIN_GOT_CLEAR;
	default:
		return plain_command_action(p, cmd, arg, act) ? PLAIN_GOT_ACTION : PLAIN_GOT_AGAIN;
	}
}

static void print_current(struct plain *p, const struct flow_field *f, const char *path)
{
	const struct session *s = p->cc.session;
	const char *v = session_get(s, path);
	if (!v && f->default_value) {
		char *def = flow_answer_text(f, f->default_value, ANSWER_ON_SCREEN);
		plain_printf(p, _("Suggested answer: %s (Enter takes it)\n"), plain_safe(p, def));
		free(def);
	}
	if (!v)
		return;
	char *shown = flow_answer_text(f, v, ANSWER_ON_SCREEN);
	struct ipw_error err = {0};
	if (session_draft_why(s, path, &err)) {
		plain_printf(p, _("Current answer, not accepted yet (%s):"),
			     plain_safe(p, err.msg));
	} else {
		plain_printf(p, "%s", _("Current answer:"));
	}
	if (strchr(shown, '\n')) {
		plain_printf(p, "\n");
		plain_lines(p, "  ", shown);
	} else {
		plain_printf(p, " %s\n", plain_safe(p, shown));
	}
	free(shown);
}

static void field_help(struct plain *p, const struct flow_field *f)
{
	if (f->help)
		plain_lines(p, "", flow_tr(f->help));
	else
		plain_printf(p, "%s\n", _("This question has no further help."));
	const struct flow_step *st = flow_field_step(session_flow(p->cc.session), f);
	if (st && st->help) {
		plain_printf(p, "%s\n", _("About this step:"));
		plain_lines(p, "  ", flow_tr(st->help));
	}
	plain_command_help(p);
}

/* The rest of a multi-line answer, up to a line holding only a dot. The
 * first line is in p->line already. False when input ended (what was typed
 * is still returned in *text). */
static bool read_textarea(struct plain *p, char **text)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_add(&b, p->line);
	bool more = true;
	while ((more = plain_read(p, "")) && strcmp(p->line, ".") != 0) {
		strbuf_addc(&b, '\n');
		strbuf_add(&b, p->line);
	}
	*text = strbuf_detach(&b);
	return more;
}

static bool is_blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* Enter alone: keep the answer there is, take the flow's suggested one, or
 * say that one is needed. False means ask again. */
static bool keep_current(struct plain *p, const struct flow_field *f, const char *path)
{
	const struct session *s = p->cc.session;
	if (!session_get(s, path) && f->default_value)
		return plain_save(p, path, f->default_value) == IPW_OK;
	if (session_get(s, path) || !session_field_required(s, path))
		return true;
	plain_printf(p, "%s\n",
		     _("This answer is required. Type it, or skip to leave it for later."));
	return false;
}

static enum plain_action special_field(struct plain *p, const struct flow_field *f)
{
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_LIST:
		return plain_list(p, f);
	case FIELD_SHAPE_EVIDENCE:
		return plain_evidence(p, f);
	case FIELD_SHAPE_DECLARATION:
		return plain_declaration(p, f);
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_TEXTAREA:
	case FIELD_SHAPE_CHOICE:
	case FIELD_SHAPE_MULTICHOICE:
	case FIELD_SHAPE_YESNO:
	case FIELD_SHAPE_INFO: /* read-only text; the others are asked before this */
		break;
	}
	if (f->label)
		plain_printf(p, "%s\n", plain_safe(p, flow_tr(f->label)));
	if (f->help)
		plain_lines(p, "", flow_tr(f->help));
	return PLAIN_NEXT;
}

/* Save the typed answer; PLAIN_NEXT when accepted, PLAIN_FAIL on a database
 * error, PLAIN_BACK to mean "ask again". */
static enum plain_action answer(struct plain *p, const struct flow_field *f, const char *path,
				const char *typed)
{
	char *value = plain_value_parse(p, f, typed);
	if (!value)
		return PLAIN_BACK;
	int r = plain_save(p, path, value);
	if (r == IPW_OK && f->type == FIELD_DECLARATION && !*value)
		plain_printf(
		    p, "%s\n",
		    _("The statement is not affirmed; the review will list it as missing."));
	free(value);
	if (r == IPW_OK)
		return PLAIN_NEXT;
	return r == IPW_EENV ? PLAIN_FAIL : PLAIN_BACK;
}

/* The typed answer, the rest of its lines read for a multi-line text;
 * *more is false when input ended while reading them. */
static char *typed_answer(struct plain *p, const struct flow_field *f, bool *more)
{
	char *typed = NULL;
	bool textarea = f->type == FIELD_TEXTAREA;
	*more = true;
	if (textarea && strcmp(p->line, ".") == 0)
		typed = xstrdup("");
	else if (textarea && !is_blank(p->line))
		*more = read_textarea(p, &typed);
	else
		typed = xstrdup(p->line);
	return typed;
}

/* One typed line at the question: PLAIN_BACK means ask again. */
static enum plain_action take_line(struct plain *p, const struct flow_field *f, const char *path)
{
	bool more;
	char *typed = typed_answer(p, f, &more);
	if (is_blank(typed)) {
		free(typed);
		if (keep_current(p, f, path))
			return PLAIN_NEXT;
		return p->status ? PLAIN_FAIL : PLAIN_BACK;
	}
	enum plain_action act = answer(p, f, path, typed);
	free(typed);
	if (!more) /* input ended inside a multi-line text: it is saved, stop */
		return act == PLAIN_FAIL ? PLAIN_FAIL : PLAIN_QUIT;
	return act;
}

enum plain_action plain_field(struct plain *p, const struct flow_field *f, const char *path,
			      const char *label)
{
	bool top = strcmp(path, f->path) == 0 && !label;
	if (top && (f->type == FIELD_LIST || f->type == FIELD_EVIDENCE ||
		    f->type == FIELD_DECLARATION || f->type == FIELD_INFO))
		return special_field(p, f);
	if (!label)
		label = flow_tr(f->label);
	plain_refresh(p);
	plain_label(p, label, path);
	print_current(p, f, path);
	plain_value_hint(p, f);
	for (;;) {
		enum plain_action act = PLAIN_NEXT;
		switch (plain_prompt(p, f, field_help, &act)) {
		case PLAIN_GOT_ACTION:
			return act;
		case PLAIN_GOT_AGAIN:
			continue;
		case PLAIN_GOT_CLEAR:
			if (plain_save(p, path, NULL) == IPW_EENV)
				return PLAIN_FAIL;
			if (session_get(p->cc.session, path)) {
				/* refused (only the owner withdraws a statement):
				 * "Not accepted" said why; the same question again */
				plain_label(p, label, path);
				continue;
			}
			plain_printf(p, "%s\n", _("The answer is erased."));
			return PLAIN_NEXT;
		case PLAIN_GOT_LINE:
			act = take_line(p, f, path);
			if (act != PLAIN_BACK)
				return act;
			plain_label(p, label, path); /* the same question again */
		}
	}
}
