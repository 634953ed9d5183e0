/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_case.c — cases: new, open, list, show. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "case/case.h"
#include "flow/flow.h"
#include "cli.h"

int cli_cmd_new(struct cli *cli, int argc, char **argv)
{
	/* The title as typed on the terminal, in UTF-8; kept for the wizard
	 * that main opens after this returns. */
	static char *title_utf8;
	free(title_utf8);
	title_utf8 = term_charset_text_in(cli_value(cli, "title"));
	const struct cli_command *cmd = cli_find("new");
	const char *flow_id = argc > 1 ? argv[1] : NULL, *title = title_utf8;
	bool batch = cli_flag(cli, "batch");
	if (argc > 2)
		return cli_usage(cmd, _("too many arguments"));
	if (!flow_id)
		return cli_usage(cmd, _("which flow? `ipwiz flows` lists them"));
	if (!batch)
		return cli_start(cli, (struct case_request){.start = CASE_START_NEW,
							    .flow_id = flow_id,
							    .title = title});
	struct ipw_error err = {0};
	struct case_db *db = NULL;
	struct session *s = NULL;
	int r = cli_db_open(cli, CASE_DB_CREATE, &db, &err);
	if (r == IPW_OK)
		r = case_create(db, flow_id, title, &s, &err);
	if (r == IPW_OK)
		printf("%lld\n", (long long)session_case_id(s));
	else
		cli_fail(&err);
	session_free(s);
	case_db_close(db);
	return r;
}

int cli_cmd_open(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("open");
	if (argc != 2)
		return cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	struct ipw_error err = {0};
	int64_t id;
	if (case_parse_id(argv[1], &id, &err) != IPW_OK)
		return cli_fail(&err);
	return cli_start(cli, (struct case_request){.start = CASE_START_OPEN, .case_id = id});
}

/* What the listing shows of a case besides its row: progress, and the
 * next deadline (copied: the flows are gone once the walk ends). */
struct case_summary {
	size_t answered, required;
	bool known_flow;
	char *deadline_id;    /* NULL: no deadline has a date yet */
	char *deadline_label; /* translated */
	char *deadline_note;  /* "Label: 2026-11-25 (1 day left)" */
	char due[11];
	long days_left;
	bool uncertain;
};

static void summarise(size_t i, const struct case_row *c, const struct session *s, void *ctx)
{
	(void)c;
	struct case_summary *sum = &((struct case_summary *)ctx)[i];
	sum->known_flow = s != NULL;
	if (!s)
		return;
	session_progress(s, &sum->answered, &sum->required);
	struct deadline_due *v = NULL;
	size_t n = deadline_list(s, &v);
	const struct deadline_due *d = deadline_next(v, n);
	if (d) {
		sum->deadline_id = xstrdup(d->def->id);
		sum->deadline_label = xstrdup(d->def->label ? flow_tr(d->def->label) : d->def->id);
		deadline_format(d, sum->due);
		sum->days_left = d->days_left;
		sum->uncertain = d->uncertain;
		struct strbuf b;
		strbuf_init(&b);
		strbuf_addf(&b, "%s%s", sum->deadline_label, _(": "));
		deadline_describe(d, &b);
		sum->deadline_note = strbuf_detach(&b);
	}
	free(v);
}

static void summaries_clear(struct case_summary *sum, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(sum[i].deadline_id);
		free(sum[i].deadline_label);
		free(sum[i].deadline_note);
	}
}

static void json_row(const struct case_row *c, const struct case_summary *sum, bool first)
{
	printf("%s{\"id\":%lld,\"flow\":", first ? "" : ",", (long long)c->id);
	escape_json_fputs(stdout, c->flow_id);
	printf(",\"title\":");
	escape_json_fputs(stdout, c->title);
	printf(",\"status\":");
	escape_json_fputs(stdout, c->status);
	printf(",\"answered\":%zu,\"required\":%zu,\"updated\":%lld,\"deadline\":", sum->answered,
	       sum->required, (long long)c->updated);
	if (!sum->deadline_id) {
		printf("null}");
		return;
	}
	printf("{\"id\":");
	escape_json_fputs(stdout, sum->deadline_id);
	printf(",\"label\":");
	escape_json_fputs(stdout, sum->deadline_label);
	printf(",\"date\":\"%s\",\"days_left\":%ld,\"uncertain\":%s}}", sum->due, sum->days_left,
	       sum->uncertain ? "true" : "false");
}

/* Pad s (sanitised) to cols display columns, cutting it when longer. */
static void print_cell(const char *s, size_t cols)
{
	char *safe = utf8_sanitize(s ? s : "");
	size_t w;
	size_t bytes = utf8_fit(safe, strlen(safe), cols, &w);
	fwrite(safe, 1, bytes, stdout);
	if (w < cols)
		printf("%*s", (int)(cols - w), "");
	free(safe);
}

static void text_header(void)
{
	print_cell(_("ID"), 6);
	print_cell(_("Title"), 29);
	print_cell(_("Flow"), 26);
	print_cell(_("Status"), 11);
	printf("%s\n", _("Progress"));
}

static void text_row(const struct case_row *c, const struct case_summary *sum)
{
	char id[24];
	snprintf(id, sizeof(id), "%lld", (long long)c->id);
	print_cell(id, 6);
	print_cell(c->title, 29);
	print_cell(c->flow_id, 26);
	print_cell(case_status_name(c->status), 11);
	if (sum->known_flow)
		printf("%zu/%zu\n", sum->answered, sum->required);
	else
		printf("%s\n", _("flow not installed"));
	/* The next deadline under the title, whole: a cut date helps
	 * no one, and the row above stays within 80 columns. */
	if (sum->deadline_note) {
		char *note = utf8_sanitize(sum->deadline_note);
		printf("%*s%s\n", 6, "", note);
		free(note);
	}
}

/* Cases are read and printed a page at a time, so the first line shows
 * before the last of 10,000 cases is read; each page is one snapshot (one
 * read transaction, three queries). A database failing half-way leaves
 * the lines already printed, a sentence on stderr and exit status 3 (and,
 * for --json, no closing bracket: a reader cannot take it for the whole). */
#define LIST_PAGE 64

int cli_cmd_list(struct cli *cli, int argc, char **argv)
{
	bool json = cli_flag(cli, "json");
	if (argc > 1)
		return cli_usage(cli->cmd, _("unexpected argument %s"), argv[1]);
	struct ipw_error err = {0};
	struct case_db *db = NULL;
	int r = cli_db_open(cli, CASE_DB_CREATE, &db, &err);
	size_t shown = 0;
	int64_t after = 0;
	while (r == IPW_OK) {
		struct case_row *v = NULL;
		size_t n = 0;
		struct case_summary sum[LIST_PAGE] = {0};
		r = case_walk(db, after, LIST_PAGE, &v, &n, summarise, sum, &err);
		if (r == IPW_OK && shown == 0 && json)
			printf("{\"cases\":[");
		else if (r == IPW_OK && shown == 0 && n)
			text_header();
		for (size_t i = 0; r == IPW_OK && i < n; i++, shown++) {
			if (json)
				json_row(&v[i], &sum[i], shown == 0);
			else
				text_row(&v[i], &sum[i]);
		}
		summaries_clear(sum, n);
		after = n ? v[n - 1].id : after;
		case_rows_free(v, n);
		fflush(stdout);
		if (n < LIST_PAGE)
			break;
	}
	case_db_close(db);
	if (r != IPW_OK)
		return cli_fail(&err);
	if (json)
		printf("]}\n");
	else if (shown == 0)
		printf(_(
		    "No cases yet. Start one with: ipwiz new FLOW (`ipwiz flows` lists them).\n"));
	return 0;
}
