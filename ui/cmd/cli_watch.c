/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_watch.c — `ipwiz watch CASE`: follow a case somebody else is working
 * on. main opens it in a front end: on a terminal the wizard, read-only and
 * following the other person's step; in the line mode (--plain, a screen
 * reader, a pipe) every saved change as a line as it happens
 * (plain_watch.c). Either way the watcher shows in the other person's
 * header: nobody is observed unseen. */
#include "config.h"

#include "base/base.h"
#include "cli.h"

int cli_cmd_watch(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("watch");
	if (argc < 2)
		return cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	if (argc > 2)
		return cli_usage(cmd, _("unexpected argument %s"), argv[2]);
	struct ipw_error err = {0};
	struct cli_case cc;
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK)
		return cli_fail(&err);
	/* Refused before a front end starts when the others could not see it. */
	int r = session_watch_announce(cc.session, NULL, NULL, &err);
	int64_t id = cc.id;
	cli_case_close(&cc);
	if (r != IPW_OK)
		return cli_fail(&err);
	return cli_start(cli, (struct case_request){.start = CASE_START_WATCH,
						    .case_id = id,
						    .follow = cli_value(cli, "follow")});
}
