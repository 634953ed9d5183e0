/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_args.c — the command line of one command, parsed with getopt_long
 * from the options its table entry declares, and its --help. One parser
 * for every command, so `--`, `--opt=value`, a missing value and an
 * unknown option behave the same everywhere. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cli.h"

/* getopt_long's values for the common options; a command's own option i
 * comes back as OWN + i. */
enum { OPT_DB = 256, OPT_LANG, OPT_PLAIN, OPT_HELP, OWN = 512 };

static const struct cli_option_spec common[] = {
    {"db", "PATH", N_("use this database (default $XDG_DATA_HOME/ipwiz/cases.db, or $IPWIZ_DB)")},
    {"lang", "LANG", N_("language: en, zh_CN, id (default: from the environment)")},
    {"plain", NULL, N_("ask questions as plain lines (screen readers, TERM=dumb)")},
    {"help", NULL, N_("show this help")},
};

bool cli_take_common(struct cli *cli, const char *name, const char *value)
{
	if (strcmp(name, "db") == 0)
		cli->opt.db_path = value;
	else if (strcmp(name, "lang") == 0)
		cli->opt.lang = value;
	else if (strcmp(name, "plain") == 0)
		cli->plain = true;
	else if (strcmp(name, "help") == 0)
		cli->help = true;
	else
		return false;
	return true;
}

int cli_parse(struct cli *cli, const struct cli_command *cmd, int *argc, char ***argv)
{
	struct option lo[CLI_MAX_OPTIONS + sizeof(common) / sizeof(common[0]) + 1];
	size_t n = 0;
	for (size_t i = 0; i < CLI_MAX_OPTIONS && cmd->opts[i].name; i++)
		lo[n++] = (struct option){cmd->opts[i].name,
					  cmd->opts[i].metavar ? required_argument : no_argument,
					  NULL, OWN + (int)i};
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		lo[n++] = (struct option){common[i].name,
					  common[i].metavar ? required_argument : no_argument, NULL,
					  OPT_DB + (int)i};
	lo[n] = (struct option){0};
	cli->cmd = cmd;
	memset(cli->optval, 0, sizeof(cli->optval));
	memset(cli->optset, 0, sizeof(cli->optset));
	/* ":" first: a missing value comes back as ':' so the message is ours
	 * (translated, the usage after it); "+" stops at the first argument. */
	const char *shortopts = cmd->options_first ? "+:" : ":";
	opterr = 0;
	optind = 0; /* start afresh: main's own getopt_long ran before */
	int c;
	while ((c = getopt_long(*argc, *argv, shortopts, lo, NULL)) != -1) {
		/* The option as typed, without "=value". */
		char arg[64];
		snprintf(arg, sizeof(arg), "%.*s", (int)strcspn((*argv)[optind - 1], "="),
			 (*argv)[optind - 1]);
		if (c == ':') {
			cli_usage(cmd, _("%s needs a value."), arg);
			return IPW_EUSAGE;
		}
		if (c == '?') {
			char shortname[3] = {'-', (char)optopt, '\0'};
			cli_usage(cmd, _("unknown option %s"), optopt ? shortname : arg);
			return IPW_EUSAGE;
		}
		if (optarg && !*optarg) { /* "--out=$EMPTY" in a script: not the default */
			cli_usage(cmd, _("%s needs a value."), arg);
			return IPW_EUSAGE;
		}
		if (c >= OWN) {
			cli->optset[c - OWN] = true;
			cli->optval[c - OWN] = optarg;
		} else {
			cli_take_common(cli, common[c - OPT_DB].name, optarg);
		}
	}
	/* The arguments follow the last option getopt_long moved them past:
	 * hand the command its name and them, as argv[0..]. */
	(*argv)[optind - 1] = (char *)cmd->name;
	*argv += optind - 1;
	*argc -= optind - 1;
	return IPW_OK;
}

static int own_index(const struct cli *cli, const char *name)
{
	for (int i = 0; cli->cmd && i < CLI_MAX_OPTIONS && cli->cmd->opts[i].name; i++)
		if (strcmp(cli->cmd->opts[i].name, name) == 0)
			return i;
	return -1;
}

bool cli_flag(const struct cli *cli, const char *name)
{
	int i = own_index(cli, name);
	return i >= 0 && cli->optset[i];
}

const char *cli_value(const struct cli *cli, const char *name)
{
	int i = own_index(cli, name);
	return i >= 0 && cli->optset[i] ? cli->optval[i] : NULL;
}

struct help_lines {
	FILE *f;
	bool first;
};

static void help_line(const char *line, size_t len, void *ctx)
{
	struct help_lines *h = ctx;
	if (!h->first)
		fprintf(h->f, "%22s", "");
	fprintf(h->f, "%.*s\n", (int)len, line);
	h->first = false;
}

/* "  --name METAVAR      help", the help from column 23 (on the next line
 * when the option is longer) and wrapped to fit 80 columns in any
 * language, as GNU programs print them. */
static void print_option(FILE *f, const struct cli_option_spec *o)
{
	int w =
	    fprintf(f, "  --%s%s%s", o->name, o->metavar ? " " : "", o->metavar ? o->metavar : "");
	if (w >= 21)
		fprintf(f, "\n%22s", "");
	else
		fprintf(f, "%*s", 22 - w, "");
	struct help_lines h = {f, true};
	utf8_wrap(_(o->help), 79 - 22, help_line, &h);
}

void cli_print_common_options(FILE *f)
{
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		print_option(f, &common[i]);
}

void cli_print_help(const struct cli_command *cmd, FILE *f)
{
	fprintf(f, _("Usage: ipwiz %s %s\n"), cmd->name, cmd->usage);
	fprintf(f, "%s\n", _(cmd->summary));
	if (cmd->opts[0].name) {
		fprintf(f, _("\nOptions:\n"));
		for (size_t i = 0; i < CLI_MAX_OPTIONS && cmd->opts[i].name; i++)
			print_option(f, &cmd->opts[i]);
	}
	fprintf(f, _("\nOptions of every command:\n"));
	cli_print_common_options(f);
	if (cmd->options_first)
		fprintf(f, _("\nOptions come before the arguments: a value that starts with - is "
			     "taken as it is.\n"));
	else
		fprintf(f, _("\nPut -- before an argument that starts with -.\n"));
}

int cli_case_arg(const struct cli *cli, int argc, char **argv, const char **case_arg)
{
	*case_arg = NULL;
	if (argc < 2)
		return cli_usage(cli->cmd, _("which case? `ipwiz list` shows them"));
	if (argc > 2)
		return cli_usage(cli->cmd, _("unexpected argument %s"), argv[2]);
	*case_arg = argv[1];
	return IPW_OK;
}
