/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_review.c — the review: every answer by step, every evidence file
 * with its verdict, then the checklist of what is still missing or invalid,
 * and where to go from there (a step number, back, or Enter to finish). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"
#include "plain_internal.h"

static void print_answer(struct plain *p, const char *indent, const char *label,
			 const struct flow_field *f, const char *path)
{
	const struct session *s = p->cc.session;
	char *v = flow_answer_text(f, session_get(s, path), ANSWER_ON_SCREEN);
	plain_printf(p, "%s%s:", indent, plain_safe(p, label));
	if (!v)
		plain_printf(p, " %s\n", _("(not answered)"));
	else if (strchr(v, '\n')) {
		plain_printf(p, "\n");
		char *deeper = xasprintf("%s    ", indent);
		plain_lines(p, deeper, v);
		free(deeper);
	} else
		plain_printf(p, " %s\n", plain_safe(p, v));
	if (v && session_is_draft(s, path))
		plain_printf(p, "%s  %s\n", indent, _("(not accepted yet, kept as a draft)"));
	free(v);
}

static void print_list(struct plain *p, const struct flow_field *f)
{
	const struct session *s = p->cc.session;
	size_t n = session_list_count(s, f->path);
	plain_printf(p, "  %s: ", plain_safe(p, flow_tr(f->label)));
	plain_printf(p, ngettext("%zu item\n", "%zu items\n", n), n);
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 0; j < f->nitems; j++) {
			char *path = xasprintf("%s.%zu.%s", f->path, i, f->items[j].id);
			char *label = xasprintf("%zu. %s", i, flow_tr(f->items[j].label));
			if (session_field_visible(s, path))
				print_answer(p, "    ", label, &f->items[j], path);
			free(label);
			free(path);
		}
}

static void print_evidence(struct plain *p, const struct flow_field *f)
{
	size_t n, k = 0;
	const struct evidence_row *ev = session_evidence(p->cc.session, &n);
	plain_printf(p, "  %s:\n", plain_safe(p, flow_tr(f->label)));
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev[i].field, f->path) != 0)
			continue;
		plain_printf(p, "    %zu. %s: %s", ++k, plain_safe(p, ev[i].path),
			     plain_verdict_words(ev[i].verdict));
		const char *message = evidence_row_message(&ev[i]);
		if (message && *message)
			plain_printf(p, ". %s", plain_safe(p, message));
		plain_printf(p, "\n");
	}
	if (!k)
		plain_printf(p, "    %s\n", _("(no file attached)"));
}

static void print_field(struct plain *p, const struct flow_field *f)
{
	if (!session_field_visible(p->cc.session, f->path))
		return;
	switch (flow_field_shape(f->type)) {
	case FIELD_SHAPE_INFO:
		return;
	case FIELD_SHAPE_LIST:
		print_list(p, f);
		return;
	case FIELD_SHAPE_EVIDENCE:
		print_evidence(p, f);
		return;
	case FIELD_SHAPE_LINE:
	case FIELD_SHAPE_DATE:
	case FIELD_SHAPE_TEXTAREA:
	case FIELD_SHAPE_CHOICE:
	case FIELD_SHAPE_MULTICHOICE:
	case FIELD_SHAPE_YESNO:
	case FIELD_SHAPE_DECLARATION:
		print_answer(p, "  ", flow_tr(f->label), f, f->path);
	}
	if (f->type == FIELD_DECLARATION && f->signature) {
		char *path = xasprintf("%s.name", f->path);
		struct flow_field sig = {.type = FIELD_TEXT, .path = path};
		print_answer(p, "  ", _("Signed by"), &sig, path);
		free(path);
	}
}

static void print_answers(struct plain *p)
{
	const struct session *s = p->cc.session;
	const struct flow *flow = session_flow(s);
	const struct case_row *c = session_case(s);
	plain_printf(p, "\n");
	plain_printf(p, _("Review of case %lld: %s\n"), (long long)c->id, plain_safe(p, c->title));
	for (size_t i = 0; i < flow->nsteps; i++) {
		if (!session_step_visible(s, i))
			continue;
		size_t k, m;
		plain_step_number(s, i, &k, &m);
		plain_printf(p, _("Step %zu of %zu: %s\n"), k, m,
			     plain_safe(p, flow_tr(flow->steps[i].title)));
		for (size_t j = 0; j < flow->steps[i].nfields; j++)
			print_field(p, &flow->steps[i].fields[j]);
	}
}

/* What the checklist calls the answer at path: its label, or "Signature"
 * for a declaration's typed name ("truth.name"). */
static const char *issue_label(const struct session *s, const char *path)
{
	const struct flow_field *f = flow_find_field(session_flow(s), path);
	if (f)
		return flow_tr(f->label);
	size_t n = strlen(path);
	if (n > 5 && strcmp(path + n - 5, ".name") == 0)
		return _("Signature");
	return path;
}

/* The checklist; returns how many problems remain. */
static size_t print_checklist(struct plain *p)
{
	const struct session *s = p->cc.session;
	struct session_issue *v;
	size_t n = session_check(s, &v);
	if (n == 0) {
		plain_printf(p, "%s\n",
			     _("Every required answer is given and every check passed."));
		plain_printf(
		    p, _("Make the documents and the evidence package with: ipwiz export %lld\n"),
		    (long long)session_case_id(s));
	} else {
		plain_printf(p, _("Still to do (%zu):\n"), n);
	}
	for (size_t i = 0; i < n; i++) {
		size_t k, m;
		plain_step_number(s, v[i].step, &k, &m);
		plain_printf(p, _("  Step %zu, %s: %s\n"), k,
			     plain_safe(p, issue_label(s, v[i].path)), plain_safe(p, v[i].message));
	}
	session_issues_free(v, n);
	return n;
}

static void show_review(struct plain *p)
{
	plain_refresh(p);
	print_answers(p);
	if (print_checklist(p) == 0)
		plain_texts(p);
	plain_deadlines(p);
}

/* The typed line as a command; a bare number means that step. */
static enum plain_cmd review_command(struct plain *p, size_t *arg)
{
	enum plain_cmd cmd = plain_command(p->line, arg);
	plain_trim(p->line);
	if (cmd != PLAIN_CMD_NONE || !*p->line)
		return cmd;
	char *end;
	*arg = (size_t)strtoul(p->line, &end, 10);
	return *end == '\0' ? PLAIN_CMD_GOTO : PLAIN_CMD_NONE;
}

static bool is_texts(const char *line)
{
	/* TRANSLATORS: "texts" is a word typed at the review's prompt. */
	return strcasecmp(line, "texts") == 0 || strcasecmp(line, _("texts")) == 0;
}

enum plain_action plain_review(struct plain *p)
{
	show_review(p);
	for (;;) {
		plain_printf(p, "%s\n",
			     _("Type a step number to change its answers, texts to read the texts "
			       "to paste, back for the last question, or press Enter to finish."));
		if (!plain_read(p, "> "))
			return PLAIN_QUIT;
		size_t arg;
		enum plain_cmd cmd = review_command(p, &arg);
		enum plain_action act;
		if (cmd == PLAIN_CMD_NONE && !*p->line)
			return PLAIN_QUIT; /* Enter: finished */
		if (cmd == PLAIN_CMD_NONE && is_texts(p->line))
			plain_texts(p);
		else if (cmd == PLAIN_CMD_HELP)
			plain_command_help(p);
		else if (cmd == PLAIN_CMD_REVIEW)
			show_review(p);
		else if (cmd == PLAIN_CMD_NEXT || cmd == PLAIN_CMD_SKIP)
			return PLAIN_QUIT;
		else if (cmd != PLAIN_CMD_NONE && plain_command_action(p, cmd, arg, &act))
			return act;
	}
}
