/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_show.c — `ipwiz show CASE [--json]`: every answer and evidence verdict. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli.h"

/* What show writes after a draft: invalid, or valid but never confirmed. */
static const char *draft_flag(const struct session *s, const char *path)
{
	struct ipw_error err = {0};
	if (!session_is_draft(s, path))
		return NULL;
	return session_validate(s, path, session_get(s, path), &err) == IPW_OK
		   ? _("  [a draft nobody confirmed]")
		   : _("  [invalid, kept as a draft]");
}

void cli_print_label(const char *indent, const char *label)
{
	char *l = utf8_sanitize(label);
	size_t n = strlen(l);
	/* A question ends in its own mark: "您是买方吗？是", "Are you the buyer? Yes". */
	bool asks_cjk = n >= 3 && (strcmp(l + n - 3, "？") == 0 || strcmp(l + n - 3, "：") == 0);
	bool asks = n >= 1 && (l[n - 1] == '?' || l[n - 1] == ':');
	/* TRANSLATORS: between a label and its value, as in "Title: value";
	 * Chinese uses the full-width colon with no space ("标题：内容"). */
	printf("%s%s%s", indent, l, asks_cjk ? "" : asks ? " " : _(": "));
	free(l);
}

/* An answer as people read it: a choice by its label, yes and no as
 * words; picked choices one label a line, as the stored ids are. */
static char *answer_words(const struct flow_field *f, const char *raw)
{
	if (!raw || !f || f->type != FIELD_MULTICHOICE)
		return flow_answer_text(f, raw, ANSWER_ON_SCREEN);
	struct strbuf b;
	strbuf_init(&b);
	for (const char *p = raw; *p;) {
		const char *nl = strchr(p, '\n');
		char *one = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		char *text = flow_answer_text(f, one, ANSWER_ON_SCREEN);
		if (*one)
			strbuf_addf(&b, "%s%s", b.len ? "\n" : "", text);
		free(text);
		free(one);
		if (!nl)
			break;
		p = nl + 1;
	}
	return strbuf_detach(&b);
}

/* A value as people read it (answer_words), each line made safe. */
static void print_value(const char *indent, const char *label, const struct flow_field *f,
			const char *raw, const char *flag)
{
	cli_print_label(indent, label);
	char *text = answer_words(f, raw);
	const char *value = text;
	if (!value) {
		printf("%s\n", _("(not answered)"));
		return;
	}
	/* Multi-line answers keep their lines, each one made safe. */
	const char *p = value;
	bool first = true;
	while (*p) {
		const char *nl = strchr(p, '\n');
		char *line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		char *safe = utf8_sanitize(line);
		printf(first ? "%s" : "\n%s    %s", first ? safe : indent, safe);
		first = false;
		free(safe);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	printf("%s\n", flag ? flag : "");
	free(text);
}

static void show_evidence_text(const struct session *s, const struct flow_field *f)
{
	size_t n;
	const struct evidence_row *ev = session_evidence(s, &n);
	cli_print_label("  ", flow_tr(f->label));
	putchar('\n');
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(ev[i].field, f->path) != 0)
			continue;
		/* The message is stored: anyone sharing the database may have
		 * written it, so it is made harmless like the file name. */
		char *name = utf8_sanitize(ev[i].path);
		const char *message = evidence_row_message(&ev[i]);
		char *msg = utf8_sanitize(message ? message : "");
		printf("    [%s] %s — %s\n", evidence_verdict_word(ev[i].verdict), name, msg);
		free(msg);
		free(name);
		shown++;
	}
	if (!shown)
		printf("    %s\n", _("(no file attached)"));
}

static void show_field_text(const struct session *s, const struct flow_field *f)
{
	if (!session_field_visible(s, f->path) || f->type == FIELD_INFO)
		return;
	if (f->type == FIELD_EVIDENCE) {
		show_evidence_text(s, f);
	} else if (f->type == FIELD_LIST) {
		size_t n = session_list_count(s, f->path);
		cli_print_label("  ", flow_tr(f->label));
		printf("%zu\n", n);
		for (size_t i = 1; i <= n; i++)
			for (size_t j = 0; j < f->nitems; j++) {
				char *p = xasprintf("%s.%zu.%s", f->path, i, f->items[j].id);
				char *lab = xasprintf("%zu. %s", i, flow_tr(f->items[j].label));
				print_value("    ", lab, &f->items[j], session_get(s, p),
					    draft_flag(s, p));
				free(lab);
				free(p);
			}
	} else {
		print_value("  ", flow_tr(f->label), f, session_get(s, f->path),
			    draft_flag(s, f->path));
		if (f->type == FIELD_DECLARATION && f->signature) {
			char *p = xasprintf("%s.name", f->path);
			print_value("  ", _("Signed by"), NULL, session_get(s, p),
				    draft_flag(s, p));
			free(p);
		}
		char *note =
		    f->type == FIELD_DECLARATION ? session_affirmation_note(s, f->path) : NULL;
		if (note) {
			char *safe = utf8_sanitize(note);
			cli_print_label("  ", _("Affirmation"));
			printf("%s\n", safe);
			free(safe);
			free(note);
		}
	}
}

static void json_kv(const char *k, const char *v, bool comma)
{
	if (comma)
		putchar(',');
	escape_json_fputs(stdout, k);
	putchar(':');
	if (v)
		escape_json_fputs(stdout, v);
	else
		fputs("null", stdout);
}

void cli_affirmation_notes(const struct session *s)
{
	const struct flow *flow = session_flow(s);
	for (size_t i = 0; i < flow->nindex; i++) {
		const struct flow_field *f = flow->index[i];
		char *note = f->type == FIELD_DECLARATION && session_field_visible(s, f->path)
				 ? session_affirmation_note(s, f->path)
				 : NULL;
		if (!note)
			continue;
		char *safe = utf8_sanitize(note);
		cli_print_label("", flow_tr(f->label));
		printf("%s\n", safe);
		free(safe);
		free(note);
	}
}

static const char *const affirmation_names[] = {
    [AFFIRMATION_NONE] = "none",	   [AFFIRMATION_SIGNED] = "signed",
    [AFFIRMATION_STALE] = "stale",	   [AFFIRMATION_CHANGED] = "changed",
    [AFFIRMATION_NOT_YOURS] = "not-yours", [AFFIRMATION_NO_KEY] = "no-key",
    [AFFIRMATION_UNSEALED] = "unsealed",   [AFFIRMATION_WRONG_SIGNER] = "wrong-signer",
};

/* "affirmations":[{"path":…,"state":"signed","signer":…,"message":…}] */
static void affirmations_json(const struct session *s)
{
	const struct flow *flow = session_flow(s);
	printf(",\"affirmations\":[");
	bool first = true;
	for (size_t i = 0; i < flow->nindex; i++) {
		const struct flow_field *f = flow->index[i];
		char *who = NULL;
		enum affirmation_state st = f->type == FIELD_DECLARATION
						? session_affirmation(s, f->path, &who)
						: AFFIRMATION_NONE;
		if (st == AFFIRMATION_NONE) {
			free(who);
			continue;
		}
		char *note = session_affirmation_note(s, f->path);
		printf("%s{", first ? "" : ",");
		json_kv("path", f->path, false);
		json_kv("state", affirmation_names[st], true);
		json_kv("signer", who, true);
		json_kv("message", note, true);
		printf("}");
		first = false;
		free(note);
		free(who);
	}
	printf("]");
}

static void show_text(const struct session *s)
{
	const struct case_row *c = session_case(s);
	const struct flow *flow = session_flow(s);
	char *title = utf8_sanitize(c->title ? c->title : "");
	printf(_("Case %lld: %s\n"), (long long)c->id, title);
	free(title);
	/* An unknown stored status is shown as it is stored: made harmless. */
	char *ftitle = utf8_sanitize(flow_tr(flow->title));
	char *status = utf8_sanitize(case_status_name(c->status));
	printf(_("Flow: %s (%s)   Status: %s\n"), ftitle, flow->id, status);
	free(status);
	free(ftitle);
	for (size_t i = 0; i < flow->nsteps; i++) {
		if (!session_step_visible(s, i))
			continue;
		printf("\n%s\n", flow_tr(flow->steps[i].title));
		for (size_t j = 0; j < flow->steps[i].nfields; j++)
			show_field_text(s, &flow->steps[i].fields[j]);
	}
	struct session_issue *iss;
	size_t n = session_check(s, &iss);
	if (n)
		printf("\n%s\n", _("Still to do:"));
	for (size_t i = 0; i < n; i++) {
		/* Messages quote stored answers ("“…” is not a date"). */
		char *msg = utf8_sanitize(iss[i].message);
		cli_print_label("  - ", session_path_label(s, iss[i].path));
		printf("%s\n", msg);
		free(msg);
	}
	session_issues_free(iss, n);
}

static void show_json(const struct session *s)
{
	const struct case_row *c = session_case(s);
	printf("{\"case\":{\"id\":%lld", (long long)c->id);
	json_kv("flow", c->flow_id, true);
	json_kv("title", c->title, true);
	json_kv("status", c->status, true);
	json_kv("step", c->current_step, true);
	json_kv("owner", c->owner, true);
	json_kv("lang", c->lang, true);
	printf("},\"answers\":{");
	size_t k = 0, n;
	const char *path, *value;
	for (bool first = true; session_answer_next(s, &k, &path, &value); first = false)
		json_kv(path, value, !first);
	/* How a choice, a pick of choices or a yes/no reads in the user's
	 * language, beside the stored value ("answers" keeps the ids). */
	printf("},\"labels\":{");
	k = 0;
	for (bool first = true; session_answer_next(s, &k, &path, &value);) {
		const struct flow_field *f = flow_find_field(session_flow(s), path);
		if (!f || (f->type != FIELD_CHOICE && f->type != FIELD_MULTICHOICE &&
			   f->type != FIELD_YESNO && f->type != FIELD_DECLARATION))
			continue;
		char *text = answer_words(f, value);
		json_kv(path, text, !first);
		free(text);
		first = false;
	}
	printf("},\"evidence\":[");
	const struct evidence_row *ev = session_evidence(s, &n);
	for (size_t i = 0; i < n; i++) {
		printf("%s{", i ? "," : "");
		json_kv("field", ev[i].field, false);
		json_kv("path", ev[i].path, true);
		json_kv("verdict", evidence_verdict_name(ev[i].verdict), true);
		json_kv("key", ev[i].message_key, true);
		json_kv("message", evidence_row_message(&ev[i]), true);
		json_kv("mime", ev[i].mime, true);
		json_kv("sha256", ev[i].sha256, true);
		printf(",\"size\":%lld}", (long long)ev[i].size);
	}
	printf("],\"issues\":[");
	struct session_issue *iss;
	n = session_check(s, &iss);
	for (size_t i = 0; i < n; i++) {
		printf("%s{", i ? "," : "");
		json_kv("path", iss[i].path, false);
		json_kv("message", iss[i].message, true);
		printf("}");
	}
	session_issues_free(iss, n);
	printf("]");
	affirmations_json(s);
	printf("}\n");
}

int cli_cmd_show(struct cli *cli, int argc, char **argv)
{
	const char *case_arg;
	bool json = cli_flag(cli, "json");
	int u = cli_case_arg(cli, argc, argv, &case_arg);
	if (u != IPW_OK)
		return u;
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_read(cli, case_arg, "show", &cc, &err) != IPW_OK)
		return cli_fail(&err);
	if (json)
		show_json(cc.session);
	else
		show_text(cc.session);
	cli_case_close(&cc);
	return 0;
}
