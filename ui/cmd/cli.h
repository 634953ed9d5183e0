/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* At most this many options of a command's own (the common ones aside). */
#define CLI_MAX_OPTIONS 8

struct cli {
	struct case_options opt; /* --db, --lang */
	bool plain;		 /* --plain: the line-mode front end */
	bool help;		 /* --help: print the command's help, exit 0 */
	const char *prog;	 /* argv[0] for messages */
	/* The command's own options as cli_parse found them, by their place
	 * in the command's table entry: read with cli_flag / cli_value. */
	const struct cli_command *cmd;
	const char *optval[CLI_MAX_OPTIONS];
	bool optset[CLI_MAX_OPTIONS];
	/* An interactive command (new, open, watch) does not run a front
	 * end itself: it says what to open, and main runs one. */
	bool interactive;
	struct case_request start;
};

typedef int (*cli_command_fn)(struct cli *cli, int argc, char **argv);

/* One option of a command: --name, or --name METAVAR when metavar is set. */
struct cli_option_spec {
	const char *name;
	const char *metavar;
	const char *help; /* translatable (N_) */
};

struct cli_command {
	const char *name;
	cli_command_fn fn;
	const char *usage;   /* "CASE [--json]": the synopsis after the name */
	const char *summary; /* one line, translatable (N_) */
	/* Its own options (the common --db, --lang, --plain and --help are
	 * everyone's), ending with an entry whose name is NULL. */
	struct cli_option_spec opts[CLI_MAX_OPTIONS + 1];
	/* Arguments are free text that may start with '-' (an answer, a
	 * note): options only before the first argument, as `+` in getopt. */
	bool options_first;
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

/* Parse the command line of cmd with getopt_long (cli_args.c): its own
 * options and the common ones, anywhere among the arguments (or only before
 * them with options_first), `--` ending them. On IPW_OK argc and argv are the
 * command's name followed by its arguments alone; otherwise the reason and
 * the usage were printed and IPW_EUSAGE is returned. */
int cli_parse(struct cli *cli, const struct cli_command *cmd, int *argc, char ***argv);
/* Take a common option (db, lang, plain) into cli; false when name is not one. */
bool cli_take_common(struct cli *cli, const char *name, const char *value);
/* Was the command's option `name` given; its value (NULL when not given). */
bool cli_flag(const struct cli *cli, const char *name);
const char *cli_value(const struct cli *cli, const char *name);
/* The help of a command (`ipwiz CMD --help`, `ipwiz help CMD`) on f. */
void cli_print_help(const struct cli_command *cmd, FILE *f);
/* The options every command takes, for the program's own --help. */
void cli_print_common_options(FILE *f);

/* The one argument of `ipwiz COMMAND CASE`: IPW_OK with *case_arg set, or
 * the usage printed and IPW_EUSAGE returned. */
int cli_case_arg(const struct cli *cli, int argc, char **argv, const char **case_arg);

/* Ask main to start a front end on req; returns IPW_OK. */
int cli_start(struct cli *cli, struct case_request req);
/* Open the database (creating the default one when flags has CASE_DB_CREATE). */
int cli_db_open(struct cli *cli, unsigned flags, struct case_db **out, struct ipw_error *err);
/* Open the database, the case named by case_arg, its flow and a session
 * over them. The caller frees with cli_case_close(). */
/* cli_progress.c: "Checking 3 of 20: NAME…" on a terminal's stderr while
 * files are read (nothing elsewhere, nothing for one file). */
struct cli_progress {
	bool on;
	size_t total, done, shown;
};
void cli_progress_start(struct cli_progress *p, size_t total);
void cli_progress_step(struct cli_progress *p, const char *path); /* before each file */
void cli_progress_end(struct cli_progress *p);

struct cli_case {
	struct case_db *db;
	const struct flow *flow; /* the session's */
	struct session *session;
	int64_t id;
};
int cli_case_open(struct cli *cli, const char *case_arg, unsigned db_flags, struct cli_case *out,
		  struct ipw_error *err);
void cli_case_close(struct cli_case *c);
/* cli_case_open for a command that only reads (how: "show", "export" …):
 * a read by someone other than the owner is recorded in the case's trail;
 * when it cannot be (a read-only database), the reader is warned that the
 * owner will not see it (case_db_record_read). */
int cli_case_read(struct cli *cli, const char *case_arg, const char *how, struct cli_case *out,
		  struct ipw_error *err);

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
/* One line per affirmed declaration: whether its seal holds (cli_show.c). */
void cli_affirmation_notes(const struct session *s);
/* indent, the label made safe, and the language's colon ("Title: ",
 * "标题："): what comes before a value. */
void cli_print_label(const char *indent, const char *label);
int cli_cmd_note(struct cli *cli, int argc, char **argv);
int cli_cmd_notes(struct cli *cli, int argc, char **argv);

#endif
