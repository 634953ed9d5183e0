/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_submitted.c — `ipwiz submitted CASE [--date DATE] [--chance N]`: the
 * seller submitted on the platform; the case says so from now on. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "case/case.h"
#include "cli.h"

int cli_cmd_submitted(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("submitted");
	const char *case_arg = argc > 1 ? argv[1] : NULL, *date = cli_value(cli, "date");
	const char *ch = cli_value(cli, "chance");
	int chance = 0;
	if (ch) {
		if (strlen(ch) != 1 || ch[0] < '1' || ch[0] > '9')
			return cli_usage(cmd, _("--chance is a number: 1, 2 or 3."));
		chance = ch[0] - '0';
	}
	if (argc > 2)
		return cli_usage(cmd, _("One case at a time."));
	if (!case_arg)
		return cli_usage(cmd, _("Which case? `ipwiz list` shows them."));
	struct ipw_error err;
	ipw_error_clear(&err);
	struct cli_case c;
	if (cli_case_open(cli, case_arg, 0, &c, &err) != IPW_OK)
		return cli_fail(&err);
	int64_t id = c.id;
	long day = session_env(c.session)->today;
	size_t chances = flow_chances(session_flow(c.session));
	int rc = IPW_OK;
	if (date && !calendar_parse_date(date, &day))
		rc = ipw_error_set(&err, IPW_EUSAGE,
				   _("Write the date as year-month-day, for example 2026-11-24."));
	else
		rc = submission_record(c.session, day, chance, &chance, &err);
	cli_case_close(&c);
	if (rc != IPW_OK)
		return cli_fail(&err);
	char d[11];
	calendar_format_date(day, d);
	if (chance)
		printf(_("Case %lld: submitted on %s (chance %d of %zu). Record the platform's "
			 "answer with `ipwiz reply %lld OUTCOME`.\n"),
		       (long long)id, d, chance, chances, (long long)id);
	else
		printf(_("Case %lld: submitted on %s. Record the platform's answer with `ipwiz "
			 "reply %lld OUTCOME`.\n"),
		       (long long)id, d, (long long)id);
	return IPW_OK;
}
