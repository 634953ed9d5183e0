/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_export.c — `ipwiz export CASE [--out DIR] [--zip] [--ics] [--force]`:
 * the package for the platform's form (see export.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "render/render.h"
#include "cli.h"

int cli_cmd_export(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("export");
	struct export_options opt = {0};
	const char *case_arg = argc > 1 ? argv[1] : NULL;
	opt.out_dir = cli_value(cli, "out");
	opt.zip = cli_flag(cli, "zip");
	opt.force = cli_flag(cli, "force");
	/* --ics: deadlines.ics is always part of the package; the option is
	 * accepted so scripts written for it keep working. */
	if (argc > 2)
		return cli_usage(cmd, _("Export one case at a time."));
	if (!case_arg)
		return cli_usage(cmd, _("Which case? `ipwiz list` shows them."));
	struct ipw_error err;
	ipw_error_clear(&err);
	struct cli_case c;
	if (cli_case_read(cli, case_arg, "export", &c, &err) != IPW_OK)
		return cli_fail(&err);
	struct export_result res;
	int rc = export_case(c.session, &opt, &res, &err);
	if (rc != IPW_OK) {
		cli_case_close(&c);
		return cli_fail(&err);
	}
	for (size_t i = 0; i < res.nforced; i++) {
		char *msg = utf8_sanitize(res.forced[i]);
		fprintf(stderr, _("ipwiz: warning: exported despite: %s\n"), msg);
		free(msg);
	}
	char *dir = utf8_sanitize(res.dir);
	char *docs =
	    xasprintf(ngettext("%zu document", "%zu documents", res.ndocuments), res.ndocuments);
	char *files = xasprintf(ngettext("%zu evidence file", "%zu evidence files", res.nevidence),
				res.nevidence);
	/* TRANSLATORS: the second and third %s are "2 documents" and "1 evidence file". */
	printf(_("Exported to %s: %s, %s; manifest.txt says what to paste and upload.\n"), dir,
	       docs, files);
	free(files);
	free(docs);
	free(dir);
	if (res.zip) {
		char *zip = utf8_sanitize(res.zip);
		printf(_("Zip: %s\n"), zip);
		free(zip);
	}
	if (res.sheet) {
		char *sheet = utf8_sanitize(res.sheet);
		printf(_("To look through before uploading (not to upload): %s\n"), sheet);
		free(sheet);
	} else if (res.sheet_problem) {
		char *why = utf8_sanitize(res.sheet_problem);
		fprintf(stderr, _("ipwiz: note: no contact sheet was written: %s\n"), why);
		free(why);
	}
	/* Whether each affirmation could be checked, and by whom. */
	cli_affirmation_notes(c.session);
	cli_case_close(&c);
	export_result_clear(&res);
	return IPW_OK;
}
