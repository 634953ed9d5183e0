/* cli.c — the command table and what every command shares: opening the
 * store and a case, reporting errors, JSON strings. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "flow/flow.h"
#include "cli.h"

const struct cli_command cli_commands[] = {
    {"new", cli_cmd_new, "FLOW [--title TITLE] [--batch]",
     N_("start a case and open it in the wizard")},
    {"open", cli_cmd_open, "CASE", N_("resume a case where it was left")},
    {"list", cli_cmd_list, "[--json]",
     N_("list cases: id, flow, title, status, progress, deadline")},
    {"show", cli_cmd_show, "CASE [--json]", N_("every answer and evidence verdict of a case")},
    {"set", cli_cmd_set, "CASE FIELD VALUE", N_("set one answer (validated as in the wizard)")},
    {"fill", cli_cmd_fill, "CASE ANSWERS.yaml", N_("set many answers from a file")},
    {"attach", cli_cmd_attach, "CASE FIELD [--remove] FILE...",
     N_("attach evidence files (checked as in the wizard)")},
    {"check", cli_cmd_check, "CASE [--json] | --flow FLOW --field FIELD FILE|FOLDER... [--json]",
     N_("evidence checklist report")},
    {"export", cli_cmd_export, "CASE [--out DIR] [--zip] [--force]",
     N_("documents, evidence copies and manifest")},
    {"submitted", cli_cmd_submitted, "CASE [--date DATE] [--chance 1|2|3]",
     N_("mark a case submitted on the platform")},
    {"reply", cli_cmd_reply, "CASE OUTCOME [--date DATE]",
     N_("record the platform's answer: accepted, rejected, more-info, complainant-replied, "
	"withdrawn")},
    {"watch", cli_cmd_watch, "CASE",
     N_("follow a case somebody else works on, read-only, shown to them")},
    {"history", cli_cmd_history, "CASE [--json]", N_("every change of a case: who, when, what")},
    {"init-shared", cli_cmd_init_shared, "DIR --group GROUP",
     N_("create a database a support team shares (setgid 2770 directory)")},
    {"note", cli_cmd_note, "CASE FIELD TEXT",
     N_("attach a coaching note to a field (never exported)")},
    {"notes", cli_cmd_notes, "CASE [--json]", N_("the coaching notes of a case")},
    {"flows", cli_cmd_flows, "[--json]", N_("installed flows")},
    {"lint", cli_cmd_lint, "[--pot] FLOW.yaml...",
     N_("check flow files; line:column for every error")},
    {NULL, NULL, NULL, NULL},
};

const struct cli_command *cli_find(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

int cli_fail(const struct ipw_error *err)
{
	char buf[2048];
	ipw_error_format(err, buf, sizeof(buf));
	/* Messages quote file names and arguments: never let them drive the terminal. */
	char *safe = utf8_sanitize(buf);
	fprintf(stderr, "ipwiz: %s\n", safe);
	free(safe);
	return err->status ? (int)err->status : IPW_EENV;
}

int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		char *msg = xvasprintf(fmt, ap);
		va_end(ap);
		char *safe = utf8_sanitize(msg);
		fprintf(stderr, "ipwiz: %s\n", safe);
		free(safe);
		free(msg);
	}
	if (cmd)
		fprintf(stderr, _("Usage: ipwiz %s %s\n"), cmd->name, cmd->usage);
	return IPW_EUSAGE;
}

int cli_option(const struct cli_command *cmd, int argc, char **argv, int *i, const char *name,
	       const char **value)
{
	if (strcmp(argv[*i], name) != 0)
		return 0;
	if (*i + 1 >= argc) {
		cli_usage(cmd, _("%s needs a value."), name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

int cli_case_json_args(const struct cli_command *cmd, int argc, char **argv, const char **case_arg,
		       bool *json)
{
	*case_arg = NULL;
	*json = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			*json = true;
		else if (!*case_arg && argv[i][0] != '-')
			*case_arg = argv[i];
		else
			return cli_usage(cmd, _("unexpected argument %s"), argv[i]);
	}
	if (!*case_arg)
		return cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	return IPW_OK;
}

int cli_start(struct cli *cli, struct case_request req)
{
	cli->interactive = true;
	cli->start = req;
	return IPW_OK;
}

int cli_db_open(struct cli *cli, unsigned flags, struct case_db **out, struct ipw_error *err)
{
	return case_db_open(&cli->opt, flags, out, err);
}

int cli_case_open(struct cli *cli, const char *case_arg, unsigned db_flags, struct cli_case *out,
		  struct ipw_error *err)
{
	memset(out, 0, sizeof(*out));
	int r = case_parse_id(case_arg, &out->id, err);
	if (r == IPW_OK)
		r = cli_db_open(cli, db_flags, &out->db, err);
	if (r == IPW_OK)
		r = case_open(out->db, out->id, &out->session, err);
	if (r != IPW_OK) {
		cli_case_close(out);
		return r;
	}
	out->flow = session_flow(out->session);
	return IPW_OK;
}

void cli_case_close(struct cli_case *c)
{
	session_free(c->session);
	case_db_close(c->db);
	memset(c, 0, sizeof(*c));
}
