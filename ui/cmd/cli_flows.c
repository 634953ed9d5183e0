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
		if (v[i].checked)
			printf("%-26s %s %s\n", "", _("facts checked:"), v[i].checked);
		free(title);
		free(desc);
	}
}

int cli_cmd_flows(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("flows");
	bool json = cli_flag(cli, "json");
	if (argc > 1)
		return cli_usage(cmd, _("unknown argument %s"), argv[1]);
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
