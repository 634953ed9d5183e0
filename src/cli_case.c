/* cli_case.c — cases: new, open, list, show. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "cli.h"
#include "front.h"
#include "i18n.h"
#include "store_read.h"
#include "utf8.h"
#include "xalloc.h"

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

/* Flows are loaded once per id while listing many cases; a flow that is
 * not installed is remembered as missing, not looked for again. */
struct flow_cache_entry {
	char *id;
	struct flow *flow; /* NULL: not installed */
};

struct flow_cache {
	struct flow_cache_entry *v;
	size_t n;
};

static struct flow *cache_get(struct flow_cache *fc, const char *id)
{
	for (size_t i = 0; i < fc->n; i++)
		if (strcmp(fc->v[i].id, id) == 0)
			return fc->v[i].flow;
	struct ipw_error err = {0};
	struct flow *f = catalog_load(id, &err);
	fc->v = xreallocarray(fc->v, fc->n + 1, sizeof(*fc->v));
	fc->v[fc->n++] = (struct flow_cache_entry){xstrdup(id), f};
	return f;
}

static void cache_free(struct flow_cache *fc)
{
	for (size_t i = 0; i < fc->n; i++) {
		free(fc->v[i].id);
		flow_free(fc->v[i].flow);
	}
	free(fc->v);
}

struct case_summary {
	size_t answered, required;
	bool known_flow;
};

static void summarise(struct store *st, struct flow_cache *fc, const struct store_case *c,
		      struct case_summary *sum)
{
	memset(sum, 0, sizeof(*sum));
	struct flow *f = cache_get(fc, c->flow_id);
	if (!f)
		return;
	sum->known_flow = true;
	struct session *s = NULL;
	struct ipw_error err = {0};
	if (session_open_case(st, f, c, &s, &err) == IPW_OK)
		session_progress(s, &sum->answered, &sum->required);
	session_free(s);
}

static void list_json(struct store *st, struct flow_cache *fc, struct store_case *v, size_t n)
{
	printf("{\"cases\":[");
	for (size_t i = 0; i < n; i++) {
		struct case_summary sum;
		summarise(st, fc, &v[i], &sum);
		printf("%s{\"id\":%lld,\"flow\":", i ? "," : "", (long long)v[i].id);
		cli_json_string(stdout, v[i].flow_id);
		printf(",\"title\":");
		cli_json_string(stdout, v[i].title);
		printf(",\"status\":");
		cli_json_string(stdout, v[i].status);
		printf(",\"answered\":%zu,\"required\":%zu,\"updated\":%lld}", sum.answered,
		       sum.required, (long long)v[i].updated);
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
	for (; w < cols; w++)
		putchar(' ');
	free(safe);
}

static void list_text(struct store *st, struct flow_cache *fc, struct store_case *v, size_t n)
{
	if (n == 0) {
		printf(_(
		    "No cases yet. Start one with: ipwiz new FLOW (`ipwiz flows` lists them).\n"));
		return;
	}
	print_cell(_("ID"), 6);
	print_cell(_("Title"), 32);
	print_cell(_("Flow"), 26);
	print_cell(_("Status"), 11);
	printf("%s\n", _("Progress"));
	for (size_t i = 0; i < n; i++) {
		struct case_summary sum;
		summarise(st, fc, &v[i], &sum);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)v[i].id);
		print_cell(id, 6);
		print_cell(v[i].title, 32);
		print_cell(v[i].flow_id, 26);
		print_cell(cli_status_name(v[i].status), 11);
		if (sum.known_flow)
			printf("%zu/%zu\n", sum.answered, sum.required);
		else
			printf("%s\n", _("flow not installed"));
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
	struct store_case *v = NULL;
	size_t n = 0;
	/* One snapshot for the whole listing: every case reads consistently,
	 * and 10,000 cases cost one read transaction, not 30,000. */
	if (cli_store_open(cli, STORE_CREATE, &st, &err) != IPW_OK ||
	    store_read_begin(st, &err) != IPW_OK || store_case_list(st, &v, &n, &err) != IPW_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	struct flow_cache fc = {0};
	if (json)
		list_json(st, &fc, v, n);
	else
		list_text(st, &fc, v, n);
	cache_free(&fc);
	store_cases_free(v, n);
	store_read_end(st);
	store_close(st);
	return 0;
}
