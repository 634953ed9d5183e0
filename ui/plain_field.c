/* plain_field.c — one question: its label, the answer it has, the prompt,
 * and what the typed line does (an answer, Enter to keep, or a command).
 * An answer is saved the moment it is entered; an invalid one is read back
 * with the reason and the same question is asked again. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "plain_internal.h"
#include "strbuf.h"
#include "xalloc.h"

bool plain_command_action(struct plain *p, enum plain_cmd cmd, size_t arg,
			  enum plain_action *act)
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

static void print_label(struct plain *p, const struct flow_field *f, const char *path,
			const char *label)
{
	const char *l = label ? label : flow_tr(f->label);
	if (session_field_required(p->cc.session, path))
		plain_printf(p, _("%s (required)\n"), plain_safe(p, l));
	else
		plain_printf(p, "%s\n", plain_safe(p, l));
}

static void print_current(struct plain *p, const struct flow_field *f, const char *path)
{
	const struct session *s = p->cc.session;
	const char *v = session_get(s, path);
	if (!v && f->default_value) {
		char *def = plain_value_show(f, f->default_value);
		plain_printf(p, _("Suggested answer: %s (Enter takes it)\n"), plain_safe(p, def));
		free(def);
	}
	if (!v)
		return;
	char *shown = plain_value_show(f, v);
	if (session_is_draft(s, path)) {
		struct ipw_error err = {0};
		session_validate(s, path, v, &err);
		plain_printf(p, _("Current answer, not accepted yet (%s):"), plain_safe(p, err.msg));
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
	switch (f->type) {
	case FIELD_LIST:
		return plain_list(p, f);
	case FIELD_EVIDENCE:
		return plain_evidence(p, f);
	case FIELD_DECLARATION:
		return plain_declaration(p, f);
	default: /* FIELD_INFO: read-only text */
		if (f->label)
			plain_printf(p, "%s\n", plain_safe(p, flow_tr(f->label)));
		if (f->help)
			plain_lines(p, "", flow_tr(f->help));
		return PLAIN_NEXT;
	}
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
		plain_printf(p, "%s\n",
			     _("The statement is not affirmed; the review will list it as missing."));
	free(value);
	if (r == IPW_OK)
		return PLAIN_NEXT;
	return r == IPW_EENV ? PLAIN_FAIL : PLAIN_BACK;
}

enum plain_action plain_field(struct plain *p, const struct flow_field *f, const char *path,
			      const char *label)
{
	bool top = strcmp(path, f->path) == 0 && !label;
	if (top && (f->type == FIELD_LIST || f->type == FIELD_EVIDENCE ||
		    f->type == FIELD_DECLARATION || f->type == FIELD_INFO))
		return special_field(p, f);
	plain_refresh(p);
	print_label(p, f, path, label);
	print_current(p, f, path);
	plain_value_hint(p, f);
	for (;;) {
		if (!plain_read(p, "> "))
			return PLAIN_QUIT;
		size_t arg;
		enum plain_cmd cmd = plain_command(p->line, &arg);
		enum plain_action act;
		if (cmd == PLAIN_CMD_HELP) {
			field_help(p, f);
			continue;
		}
		if (cmd == PLAIN_CMD_CLEAR) {
			int r = plain_save(p, path, NULL);
			if (r == IPW_EENV)
				return PLAIN_FAIL;
			plain_printf(p, "%s\n", _("The answer is erased."));
			return PLAIN_NEXT;
		}
		if (cmd != PLAIN_CMD_NONE) {
			if (plain_command_action(p, cmd, arg, &act))
				return act;
			continue;
		}
		char *typed = NULL;
		bool more = true;
		bool textarea = f->type == FIELD_TEXTAREA;
		if (textarea && strcmp(p->line, ".") == 0)
			typed = xstrdup("");
		else if (textarea && !is_blank(p->line))
			more = read_textarea(p, &typed);
		else
			typed = xstrdup(p->line);
		if (is_blank(typed)) {
			free(typed);
			if (keep_current(p, f, path))
				return PLAIN_NEXT;
			if (p->status)
				return PLAIN_FAIL;
			continue;
		}
		act = answer(p, f, path, typed);
		free(typed);
		if (!more)
			return act == PLAIN_FAIL ? PLAIN_FAIL : PLAIN_QUIT;
		if (act != PLAIN_BACK)
			return act;
		print_label(p, f, path, label); /* the same question again */
	}
}
