/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_flows.c — `ipwiz flows [--json]`: the installed flows, so a seller can
 * find which one matches the notice in front of them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "cli.h"

static void print_json(const struct catalog_entry *v, size_t n)
{
	fputs("[", stdout);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n {\"id\": " : "\n {\"id\": ", stdout);
		escape_json_fputs(stdout, v[i].id);
		fputs(", \"title\": ", stdout);
		escape_json_fputs(stdout, flow_tr(v[i].title));
		fputs(", \"platform\": ", stdout);
		escape_json_fputs(stdout, v[i].platform);
		fputs(", \"version\": ", stdout);
		escape_json_fputs(stdout, v[i].version);
		fputs(", \"checked\": ", stdout);
		escape_json_fputs(stdout, v[i].checked);
		fputs(", \"description\": ", stdout);
		escape_json_fputs(stdout, flow_tr(v[i].description));
		fputs("}", stdout);
	}
	fputs(n ? "\n]\n" : "]\n", stdout);
}

static void print_text(const struct catalog_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *title = utf8_sanitize(flow_tr(v[i].title));
		char *desc = utf8_sanitize(v[i].description ? flow_tr(v[i].description) : "");
		printf("%-26s %s\n", v[i].id, title);
		if (*desc)
			printf("%-26s %s\n", "", desc);
		if (v[i].checked) {
			/* "facts checked: 2026-11", "信息核实于：2026-11" */
			printf("%-26s ", "");
			cli_print_label("", _("facts checked:"));
			printf("%s\n", v[i].checked);
		}
		free(title);
		free(desc);
	}
}

/* One field of `flows FLOW --json`, and a list's sub-fields after it. */
static void field_json(const struct flow *flow, const struct flow_field *f, bool *first)
{
	fputs(*first ? "\n  {\"path\": " : ",\n  {\"path\": ", stdout);
	*first = false;
	escape_json_fputs(stdout, f->path);
	fputs(", \"step\": ", stdout);
	escape_json_fputs(stdout, flow->steps[f->step].id);
	fputs(", \"type\": ", stdout);
	escape_json_fputs(stdout, flow_field_type_name(f->type));
	fputs(", \"label\": ", stdout);
	escape_json_fputs(stdout, f->label ? flow_tr(f->label) : "");
	fputs("}", stdout);
	for (size_t i = 0; i < f->nitems; i++)
		field_json(flow, &f->items[i], first);
}

static void flow_json(const struct flow *flow)
{
	fputs("{\"id\": ", stdout);
	escape_json_fputs(stdout, flow->id);
	fputs(", \"title\": ", stdout);
	escape_json_fputs(stdout, flow_tr(flow->title));
	fputs(", \"fields\": [", stdout);
	bool first = true;
	for (size_t s = 0; s < flow->nsteps; s++)
		for (size_t i = 0; i < flow->steps[s].nfields; i++)
			field_json(flow, &flow->steps[s].fields[i], &first);
	fputs("],\n \"outcomes\": [", stdout);
	const struct flow_lifecycle *lc = &flow->lifecycle;
	for (size_t i = 0; i < lc->noutcomes; i++) {
		fputs(i ? ", {\"id\": " : "{\"id\": ", stdout);
		escape_json_fputs(stdout, lc->outcomes[i].id);
		fputs(", \"label\": ", stdout);
		escape_json_fputs(stdout, flow_tr(lc->outcomes[i].label));
		fputs("}", stdout);
	}
	fputs("]}\n", stdout);
}

/* A field's line: its path (what `set` and `attach` take), type, label. */
static void field_text(const struct flow_field *f, int depth)
{
	char *label = utf8_sanitize(f->label ? flow_tr(f->label) : "");
	printf("  %*s%-*s %-12s %s\n", depth * 2, "", 28 - depth * 2, f->path,
	       flow_field_type_name(f->type), label);
	free(label);
	for (size_t i = 0; i < f->nitems; i++)
		field_text(&f->items[i], depth + 1);
}

/* What a flow asks, step by step, and what the platform can answer: the
 * ids the other commands take, for a coach writing `set`, `attach`,
 * `check --flow` or `reply` lines (and for the shell's completion). */
static void flow_text(const struct flow *flow)
{
	char *title = utf8_sanitize(flow_tr(flow->title));
	printf("%s — %s\n", flow->id, title);
	free(title);
	for (size_t s = 0; s < flow->nsteps; s++) {
		char *st = utf8_sanitize(flow_tr(flow->steps[s].title));
		printf("\n%zu. %s\n", s + 1, st);
		free(st);
		for (size_t i = 0; i < flow->steps[s].nfields; i++)
			if (flow->steps[s].fields[i].type != FIELD_INFO)
				field_text(&flow->steps[s].fields[i], 0);
	}
	const struct flow_lifecycle *lc = &flow->lifecycle;
	if (lc->noutcomes)
		printf("\n%s\n", _("What the platform can answer (`ipwiz reply CASE OUTCOME`):"));
	for (size_t i = 0; i < lc->noutcomes; i++) {
		char *label = utf8_sanitize(flow_tr(lc->outcomes[i].label));
		printf("  %-28s %s\n", lc->outcomes[i].id, label);
		free(label);
	}
}

static int describe_flow(const char *id, bool json)
{
	struct ipw_error err = {0};
	struct flow *flow = catalog_load(id, &err);
	if (!flow)
		return cli_fail(&err);
	if (json)
		flow_json(flow);
	else
		flow_text(flow);
	flow_free(flow);
	return IPW_OK;
}

int cli_cmd_flows(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("flows");
	bool json = cli_flag(cli, "json");
	if (argc > 2)
		return cli_usage(cmd, _("unknown argument %s"), argv[2]);
	if (argc == 2)
		return describe_flow(argv[1], json);
	struct catalog_entry *v;
	size_t n;
	struct ipw_error err = {0};
	if (catalog_list(&v, &n, &err) != IPW_OK)
		return cli_fail(&err);
	if (json)
		print_json(v, n);
	else if (n == 0)
		fprintf(stderr, _("No flows are installed in %s/flows.\n"), install_data_dir());
	else
		print_text(v, n);
	catalog_entries_free(v, n);
	return IPW_OK;
}
