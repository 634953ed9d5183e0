/* cli.h — the non-interactive commands. main.c parses the global options and
 * dispatches through the table in cli.c; each command lives in a file of its
 * own (cli_<name>.c) and uses these helpers to reach the core. Commands print
 * results on stdout, messages on stderr, and return the exit status
 * (0 ok, 1 user must fix, 2 usage, 3 environment). */
#ifndef IPWIZ_CLI_H
#define IPWIZ_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/base.h"
#include "case/case.h"
#include "flow/flow.h"

struct cli {
	struct case_options opt; /* --db, --lang */
	bool plain;		 /* --plain: the line-mode front end */
	const char *prog;	 /* argv[0] for messages */
	/* An interactive command (new, open, watch) does not run a front
	 * end itself: it says what to open, and main runs one. */
	bool interactive;
	struct case_request start;
};

typedef int (*cli_command_fn)(struct cli *cli, int argc, char **argv);

struct cli_command {
	const char *name;
	cli_command_fn fn;
	const char *usage;   /* "CASE FIELD VALUE" */
	const char *summary; /* one line, translatable (N_) */
};

/* The command table, terminated by a {NULL} entry. */
extern const struct cli_command cli_commands[];
const struct cli_command *cli_find(const char *name);

/* Print "ipwiz: message" (with file:line:col when set) on stderr; returns
 * err->status so commands can `return cli_fail(&err);`. */
int cli_fail(const struct ipw_error *err);
/* Print a usage error for cmd on stderr and return IPW_EUSAGE. */
int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* When argv[*i] is the option `name`, take its value into *value (moving
 * *i past it) and return 1; when the value is missing, print why with the
 * usage and return -1 (the caller returns IPW_EUSAGE); 0 when argv[*i] is
 * something else. */
int cli_option(const struct cli_command *cmd, int argc, char **argv, int *i, const char *name,
	       const char **value);

/* The arguments of `ipwiz COMMAND CASE [--json]`: IPW_OK with *case_arg
 * and *json set, or the usage printed and IPW_EUSAGE returned. */
int cli_case_json_args(const struct cli_command *cmd, int argc, char **argv, const char **case_arg,
		       bool *json);

/* Ask main to start a front end on req; returns IPW_OK. */
int cli_start(struct cli *cli, struct case_request req);
/* Open the database (creating the default one when flags has CASE_DB_CREATE). */
int cli_db_open(struct cli *cli, unsigned flags, struct case_db **out, struct ipw_error *err);
/* Open the database, the case named by case_arg, its flow and a session
 * over them. The caller frees with cli_case_close(). */
struct cli_case {
	struct case_db *db;
	const struct flow *flow; /* the session's */
	struct session *session;
	int64_t id;
};
int cli_case_open(struct cli *cli, const char *case_arg, unsigned db_flags, struct cli_case *out,
		  struct ipw_error *err);
void cli_case_close(struct cli_case *c);

/* Commands (cli_<name>.c). */

int cli_cmd_new(struct cli *cli, int argc, char **argv);
int cli_cmd_open(struct cli *cli, int argc, char **argv);
int cli_cmd_list(struct cli *cli, int argc, char **argv);
int cli_cmd_show(struct cli *cli, int argc, char **argv);
int cli_cmd_set(struct cli *cli, int argc, char **argv);
int cli_cmd_fill(struct cli *cli, int argc, char **argv);
int cli_cmd_attach(struct cli *cli, int argc, char **argv);
int cli_cmd_check(struct cli *cli, int argc, char **argv);
int cli_cmd_export(struct cli *cli, int argc, char **argv);
int cli_cmd_submitted(struct cli *cli, int argc, char **argv);
int cli_cmd_reply(struct cli *cli, int argc, char **argv);
int cli_cmd_flows(struct cli *cli, int argc, char **argv);
int cli_cmd_lint(struct cli *cli, int argc, char **argv);
int cli_cmd_history(struct cli *cli, int argc, char **argv);
int cli_cmd_watch(struct cli *cli, int argc, char **argv);
int cli_cmd_init_shared(struct cli *cli, int argc, char **argv);
int cli_cmd_note(struct cli *cli, int argc, char **argv);
int cli_cmd_notes(struct cli *cli, int argc, char **argv);

#endif
