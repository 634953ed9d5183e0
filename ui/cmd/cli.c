/* SPDX-License-Identifier: GPL-3.0-or-later */
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

#define JSON                                                                                       \
	{                                                                                          \
		"json", NULL, N_("print JSON for programs instead of text")                        \
	}

const struct cli_command cli_commands[] = {
    {.name = "new",
     .fn = cli_cmd_new,
     .usage = "FLOW [--title TITLE] [--batch]",
     .summary = N_("start a case and open it in the wizard"),
     .opts = {{"title", "TITLE", N_("the case's title in the case list")},
	      {"batch", NULL, N_("print the new case's number instead of opening the wizard")}}},
    {.name = "open",
     .fn = cli_cmd_open,
     .usage = "CASE",
     .summary = N_("resume a case where it was left")},
    {.name = "list",
     .fn = cli_cmd_list,
     .usage = "[--json]",
     .summary = N_("list cases: id, flow, title, status, progress, deadline"),
     .opts = {JSON}},
    {.name = "show",
     .fn = cli_cmd_show,
     .usage = "CASE [--json]",
     .summary = N_("every answer and evidence verdict of a case"),
     .opts = {JSON}},
    {.name = "set",
     .fn = cli_cmd_set,
     .usage = "CASE FIELD VALUE",
     .summary = N_("set one answer (validated as in the wizard)"),
     .options_first = true},
    {.name = "fill",
     .fn = cli_cmd_fill,
     .usage = "CASE ANSWERS.yaml",
     .summary = N_("set many answers from a file")},
    {.name = "attach",
     .fn = cli_cmd_attach,
     .usage = "CASE FIELD [--remove | --acknowledge FINDING] FILE...",
     .summary = N_("attach evidence files (checked as in the wizard)"),
     .opts = {{"remove", NULL, N_("take the files off the field instead")},
	      {"acknowledge", "FINDING",
	       N_("accept a finding about attached files (its key, as `check --json` "
		  "names it; KEY:PAGE for one page)")}}},
    {.name = "check",
     .fn = cli_cmd_check,
     .usage = "CASE [--json] | --flow FLOW --field FIELD FILE|FOLDER... [--json] [--report DIR]",
     .summary = N_("evidence checklist report"),
     .opts = {JSON,
	      {"flow", "FLOW", N_("check loose files against a field of this flow")},
	      {"field", "FIELD", N_("the evidence field the files are for")},
	      {"report", "DIR",
	       N_("also write a contact sheet into DIR: index.html and a picture of each page")}}},
    {.name = "export",
     .fn = cli_cmd_export,
     .usage = "CASE [--out DIR] [--zip] [--force]",
     .summary = N_("documents, evidence copies and manifest"),
     .opts = {{"out", "DIR", N_("the folder to write the package to")},
	      {"zip", NULL, N_("also pack it into one .zip file")},
	      {"force", NULL, N_("replace an earlier ipwiz export in that folder")},
	      {"ics", NULL, N_("(kept for old scripts: deadlines.ics is always written)")}}},
    {.name = "submitted",
     .fn = cli_cmd_submitted,
     .usage = "CASE [--date DATE] [--chance 1|2|3]",
     .summary = N_("mark a case submitted on the platform"),
     .opts = {{"date", "DATE", N_("the day you submitted, YYYY-MM-DD (default: today)")},
	      {"chance", "1|2|3", N_("which of the platform's chances this was")}}},
    {.name = "reply",
     .fn = cli_cmd_reply,
     .usage = "CASE OUTCOME [--date DATE]",
     .summary =
	 N_("record the platform's answer: accepted, rejected, more-info, complainant-replied, "
	    "withdrawn"),
     .opts = {{"date", "DATE", N_("the day the answer came, YYYY-MM-DD (default: today)")}}},
    {.name = "watch",
     .fn = cli_cmd_watch,
     .usage = "CASE [--follow USER]",
     .summary = N_("follow a case somebody else works on, read-only, shown to them"),
     .opts = {{"follow", "USER",
	       N_("the person whose step the wizard follows (default: the case's owner "
		  "when here, else the first person editing)")}}},
    {.name = "history",
     .fn = cli_cmd_history,
     .usage = "CASE [--json]",
     .summary = N_("every change of a case: who, when, what"),
     .opts = {JSON}},
    {.name = "init-shared",
     .fn = cli_cmd_init_shared,
     .usage = "DIR --group GROUP",
     .summary = N_("create a database a support team shares (setgid 2770 directory)"),
     .opts = {{"group", "GROUP", N_("the team's group (it must exist)")}}},
    {.name = "note",
     .fn = cli_cmd_note,
     .usage = "CASE FIELD TEXT",
     .summary = N_("attach a coaching note to a field (never exported)"),
     .options_first = true},
    {.name = "notes",
     .fn = cli_cmd_notes,
     .usage = "CASE [--json]",
     .summary = N_("the coaching notes of a case"),
     .opts = {JSON}},
    {.name = "flows",
     .fn = cli_cmd_flows,
     .usage = "[FLOW] [--json]",
     .summary = N_("installed flows; with FLOW, its fields and outcomes"),
     .opts = {JSON}},
    {.name = "lint",
     .fn = cli_cmd_lint,
     .usage = "[--pot] FLOW.yaml...",
     .summary = N_("check flow files; line:column for every error"),
     .opts = {{"pot", NULL, N_("print the flows' strings as a gettext template instead")}}},
    {.name = NULL},
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

int cli_case_read(struct cli *cli, const char *case_arg, const char *how, struct cli_case *out,
		  struct ipw_error *err)
{
	int r = cli_case_open(cli, case_arg, 0, out, err);
	struct ipw_error unrecorded = {0};
	if (r == IPW_OK && case_db_record_read(out->db, out->id, how, &unrecorded) != IPW_OK) {
		/* Someone who may only read the file can read it anyway (with
		 * sqlite3 if not with ipwiz): say that the owner will not know. */
		char *msg = utf8_sanitize(unrecorded.msg);
		fprintf(stderr, _("ipwiz: warning: %s\n"), msg);
		free(msg);
	}
	return r;
}

void cli_case_close(struct cli_case *c)
{
	session_free(c->session);
	case_db_close(c->db);
	memset(c, 0, sizeof(*c));
}
