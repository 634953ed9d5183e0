/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_reply.c — `ipwiz reply CASE OUTCOME [--date DATE]`: what the platform
 * answered to the submission, and what to do now (the flow's text for this
 * user, the chance that is next with its deadlines, or that none is left). */
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
		cli_print_label("  ", label);
		printf("%s\n", b.s);
		strbuf_free(&b);
		free(label);
	}
	free(v);
}

/* After an outcome that used the chance: which one is next, or none. */
static void print_chances(struct session *s, struct ipw_error *err)
{
	struct submission_state st;
	if (submission_state_get(s, &st, err) != IPW_OK)
		return;
	if (st.next > st.chances) {
		printf(ngettext("That was the last chance: the platform gives %zu chance "
				"against a complaint and takes no further counter-notice.\n",
				"That was the last chance: the platform gives %zu chances "
				"against a complaint and takes no further counter-notice.\n",
				(unsigned long)st.chances),
		       st.chances);
		printf("%s\n", flow_tr(session_flow(s)->lifecycle.no_chance_left));
	} else {
		printf(_("Chance %zu of %zu is next; the case now says so. Say why the last one "
			 "failed, fix exactly that, export and sign again.\n"),
		       st.next, st.chances);
		printf("%s\n", _("Deadlines that still apply:"));
		print_open_deadlines(s);
	}
	submission_state_clear(&st);
}

int cli_cmd_reply(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("reply");
	const char *case_arg = argc > 1 ? argv[1] : NULL, *outcome = argc > 2 ? argv[2] : NULL;
	const char *date = cli_value(cli, "date");
	if (argc > 3)
		return cli_usage(cmd, _("Too many arguments."));
	if (!case_arg || !outcome)
		return cli_usage(cmd, _("Which case, and what did the platform answer?"));
	struct ipw_error err;
	ipw_error_clear(&err);
	struct cli_case c;
	if (cli_case_open(cli, case_arg, 0, &c, &err) != IPW_OK)
		return cli_fail(&err);
	const struct flow *f = session_flow(c.session);
	const struct flow_outcome *o = flow_find_outcome(f, outcome);
	long day = session_env(c.session)->today;
	int rc = IPW_OK;
	if (!f->lifecycle.present)
		rc = ipw_error_set(&err, IPW_EUSER,
				   _("The flow “%s” does not say what the platform can answer; "
				     "follow the platform's page."),
				   f->id);
	else if (!o) {
		char *list = submission_outcome_list(f);
		rc = cli_usage(cmd, _("Say what the platform answered: %s."), list);
		free(list);
		cli_case_close(&c);
		return rc;
	} else if (date && !calendar_parse_date(date, &day))
		rc = ipw_error_set(&err, IPW_EUSAGE,
				   _("Write the date as year-month-day, for example 2026-11-24."));
	else
		rc = submission_reply(c.session, outcome, day, &err);
	if (rc == IPW_OK) {
		printf("%s\n", flow_tr(o->text));
		if (o->uses_chance && flow_chances(f))
			print_chances(c.session, &err);
	}
	cli_case_close(&c);
	return rc != IPW_OK ? cli_fail(&err) : IPW_OK;
}
