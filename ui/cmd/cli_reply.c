/* cli_reply.c — `ipwiz reply CASE OUTCOME [--date DATE]`: what the platform
 * answered to the submission, and what to do now (with the deadlines that
 * still apply). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "case/case.h"
#include "cli.h"

static void print_open_deadlines(const struct session *s)
{
	struct deadline_due *v;
	size_t n = deadline_list(s, &v);
	for (size_t i = 0; i < n; i++) {
		if (v[i].state != DEADLINE_DUE || v[i].days_left < 0)
			continue;
		char *label = utf8_sanitize(flow_tr(v[i].def->label));
		struct strbuf b;
		strbuf_init(&b);
		deadline_describe(&v[i], &b);
		printf("  %s: %s\n", label, b.s);
		strbuf_free(&b);
		free(label);
	}
	free(v);
}

int cli_cmd_reply(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("reply");
	const char *case_arg = argc > 1 ? argv[1] : NULL, *outcome = argc > 2 ? argv[2] : NULL;
	const char *date = cli_value(cli, "date");
	if (argc > 3)
		return cli_usage(cmd, _("Too many arguments."));
	enum submission_outcome o;
	if (!case_arg || !outcome || !submission_outcome_parse(outcome, &o))
		return cli_usage(cmd, _("Say what the platform answered: accepted, rejected, "
					"more-info, complainant-replied or withdrawn."));
	struct ipw_error err;
	ipw_error_clear(&err);
	struct cli_case c;
	if (cli_case_open(cli, case_arg, 0, &c, &err) != IPW_OK)
		return cli_fail(&err);
	long today = session_env(c.session)->today, day = today;
	struct submission sub;
	int rc = submission_get(c.session, &sub, &err);
	if (rc != IPW_OK)
		goto out;
	if (date && !calendar_parse_date(date, &day)) {
		rc = ipw_error_set(&err, IPW_EUSAGE,
				   _("Write the date as year-month-day, for example 2026-11-24."));
	} else if (!sub.submitted) {
		rc =
		    ipw_error_set(&err, IPW_EUSER,
				  _("This case is not marked submitted: run `ipwiz submitted %lld` "
				    "first."),
				  (long long)c.id);
	} else if (day < sub.day || day > today) {
		rc =
		    ipw_error_set(&err, IPW_EUSER,
				  _("The answer's date must be between the submission and today."));
	} else {
		rc = submission_reply(c.session, o, day, &err);
	}
	if (rc != IPW_OK)
		goto out;
	printf("%s\n", submission_guidance(o));
	if (o == OUTCOME_REJECTED || o == OUTCOME_MORE_INFO) {
		if (sub.chance == 3 && o == OUTCOME_REJECTED)
			printf("%s\n", _("That was the third chance: the platform takes no further "
					 "counter-notice for this complaint."));
		printf("%s\n", _("Deadlines that still apply:"));
		print_open_deadlines(c.session);
	}
out:
	cli_case_close(&c);
	return rc != IPW_OK ? cli_fail(&err) : IPW_OK;
}
