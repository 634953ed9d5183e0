/* cli_case.c — cases: new, open, list, show. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "case/case.h"
#include "flow/flow.h"
#include "store/store.h"
#include "cli.h"
#include "front.h"

static bool has_flag(int argc, char **argv, const char *flag)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], flag) == 0)
			return true;
	return false;
}

int cli_cmd_new(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("new");
	const char *flow_id = NULL, *title = NULL;
	bool batch = false;
	for (int i = 1; i < argc; i++) {
		int o = cli_option(cmd, argc, argv, &i, "--title", &title);
		if (o < 0)
			return IPW_EUSAGE;
		if (o > 0)
			continue;
		if (strcmp(argv[i], "--batch") == 0)
			batch = true;
		else if (argv[i][0] == '-')
			return cli_usage(cmd, _("unknown option %s"), argv[i]);
		else if (!flow_id)
			flow_id = argv[i];
		else
			return cli_usage(cmd, _("too many arguments"));
	}
	if (!flow_id)
		return cli_usage(cmd, _("which flow? `ipwiz flows` lists them"));
	if (!batch)
		return front_run(cli, &(struct ui_request){.start = UI_START_NEW,
							   .flow_id = flow_id,
							   .title = title});
	struct ipw_error err = {0};
	struct flow *flow = catalog_load(flow_id, &err);
	if (!flow)
		return cli_fail(&err);
	struct store *st = NULL;
	struct session *s = NULL;
	int r = cli_store_open(cli, STORE_CREATE, &st, &err);
	if (r == IPW_OK)
		r = session_create(st, flow, title, cli->lang, &s, &err);
	if (r == IPW_OK)
		printf("%lld\n", (long long)session_case_id(s));
	else
		cli_fail(&err);
	session_free(s);
	store_close(st);
	flow_free(flow);
	return r;
}

int cli_cmd_open(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("open");
	if (argc != 2)
		return cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	struct ipw_error err = {0};
	int64_t id;
	if (cli_parse_case_id(argv[1], &id, &err) != IPW_OK)
		return cli_fail(&err);
	return front_run(cli, &(struct ui_request){.start = UI_START_OPEN, .case_id = id});
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
		strbuf_addf(&b, "%s: ", sum->deadline_label);
		deadline_describe(d, &b);
		sum->deadline_note = strbuf_detach(&b);
	}
	free(v);
}

static void summaries_free(struct case_summary *sum, size_t n)
{
	for (size_t i = 0; sum && i < n; i++) {
		free(sum[i].deadline_id);
		free(sum[i].deadline_label);
		free(sum[i].deadline_note);
	}
	free(sum);
}

static void list_json(const struct case_row *v, const struct case_summary *sum, size_t n)
{
	printf("{\"cases\":[");
	for (size_t i = 0; i < n; i++) {
		printf("%s{\"id\":%lld,\"flow\":", i ? "," : "", (long long)v[i].id);
		cli_json_string(stdout, v[i].flow_id);
		printf(",\"title\":");
		cli_json_string(stdout, v[i].title);
		printf(",\"status\":");
		cli_json_string(stdout, v[i].status);
		printf(",\"answered\":%zu,\"required\":%zu,\"updated\":%lld,\"deadline\":",
		       sum[i].answered, sum[i].required, (long long)v[i].updated);
		if (!sum[i].deadline_id) {
			printf("null}");
			continue;
		}
		printf("{\"id\":");
		cli_json_string(stdout, sum[i].deadline_id);
		printf(",\"label\":");
		cli_json_string(stdout, sum[i].deadline_label);
		printf(",\"date\":\"%s\",\"days_left\":%ld,\"uncertain\":%s}}", sum[i].due,
		       sum[i].days_left, sum[i].uncertain ? "true" : "false");
	}
	printf("]}\n");
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

static void list_text(const struct case_row *v, const struct case_summary *sum, size_t n)
{
	if (n == 0) {
		printf(_(
		    "No cases yet. Start one with: ipwiz new FLOW (`ipwiz flows` lists them).\n"));
		return;
	}
	print_cell(_("ID"), 6);
	print_cell(_("Title"), 29);
	print_cell(_("Flow"), 26);
	print_cell(_("Status"), 11);
	printf("%s\n", _("Progress"));
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		print_cell(id, 6);
		print_cell(v[i].title, 29);
		print_cell(v[i].flow_id, 26);
		print_cell(cli_status_name(v[i].status), 11);
		if (sum[i].known_flow)
			printf("%zu/%zu\n", sum[i].answered, sum[i].required);
		else
			printf("%s\n", _("flow not installed"));
		/* The next deadline under the title, whole: a cut date helps
		 * no one, and the row above stays within 80 columns. */
		if (sum[i].deadline_note) {
			char *note = utf8_sanitize(sum[i].deadline_note);
			printf("%*s%s\n", 6, "", note);
			free(note);
		}
	}
}

int cli_cmd_list(struct cli *cli, int argc, char **argv)
{
	bool json = has_flag(argc, argv, "--json");
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--json") != 0)
			return cli_usage(cli_find("list"), _("unexpected argument %s"), argv[i]);
	struct ipw_error err = {0};
	struct store *st = NULL;
	struct case_row *v = NULL;
	size_t n = 0;
	struct case_summary *sum = NULL;
	/* One snapshot for the whole listing: every case reads consistently,
	 * and 10,000 cases cost one read transaction and three queries (a
	 * query per case and table would be 20,001). Everything is read before anything is printed:
	 * a database failing half-way gives an error, not half a table. */
	int r = cli_store_open(cli, STORE_CREATE, &st, &err);
	if (r == IPW_OK && (r = store_read_begin(st, &err)) == IPW_OK &&
	    (r = store_case_list(st, &v, &n, &err)) == IPW_OK) {
		sum = xcalloc(n ? n : 1, sizeof(*sum));
		r = case_walk(st, v, n, summarise, sum, &err);
	}
	if (r != IPW_OK) {
		summaries_free(sum, n);
		case_rows_free(v, n);
		store_close(st);
		return cli_fail(&err);
	}
	if (json)
		list_json(v, sum, n);
	else
		list_text(v, sum, n);
	summaries_free(sum, n);
	case_rows_free(v, n);
	store_read_end(st);
	store_close(st);
	return 0;
}
