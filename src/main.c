/* main.c — global options and dispatch: a command of ui/cmd, or an
 * interactive start in one of the two front ends (the ncurses wizard on a
 * capable terminal, the plain line mode otherwise). Everything else lives
 * in the core (libipwiz.a) and the front ends (libipwizui.a). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "cmd/cmd.h"
#include "plain/plain.h"
#include "tui/tui.h"

static void print_help(FILE *f)
{
	fprintf(f, _("Usage: ipwiz [OPTION]... [COMMAND [ARG]...]\n"
		     "Prepare an answer to an intellectual-property complaint on a marketplace,\n"
		     "or a complaint against counterfeits, step by step. Works offline.\n\n"
		     "Without a command, ipwiz opens the case list (or the flow picker).\n\n"
		     "Commands:\n"));
	/* Like man pages' synopsis: the command line, then what it does,
	 * indented, so an 80-column terminal shows both without wrapping. */
	for (const struct cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %s %s\n      %s\n", c->name, c->usage, _(c->summary));
	fprintf(f, _("\nOptions:\n"
		     "  --db PATH      use this database (default $XDG_DATA_HOME/ipwiz/cases.db,\n"
		     "                 or $IPWIZ_DB)\n"
		     "  --lang LANG    language: en, zh_CN, id (default: from the environment)\n"
		     "  --plain        ask questions as plain lines (screen readers, TERM=dumb)\n"
		     "  --help         show this help\n"
		     "  --version      show the version\n\n"
		     "Exit status: 0 ok, 1 something to fix (invalid answer, rejected file),\n"
		     "2 wrong command line, 3 environment (database, disk).\n"));
}

/* Take a global option at argv[*i] (with its value); false when it is not one. */
static bool take_global(struct cli *cli, int argc, char **argv, int *i, int *status)
{
	const char *a = argv[*i];
	const char **slot = NULL;
	size_t len = 0;
	if (strncmp(a, "--db", 4) == 0 && (a[4] == '\0' || a[4] == '='))
		slot = &cli->opt.db_path, len = 4;
	else if (strncmp(a, "--lang", 6) == 0 && (a[6] == '\0' || a[6] == '='))
		slot = &cli->opt.lang, len = 6;
	else if (strcmp(a, "--plain") == 0) {
		cli->plain = true;
		return true;
	} else
		return false;
	if (a[len] == '=' && a[len + 1]) {
		*slot = a + len + 1;
	} else if (a[len] == '=') { /* "--db=$EMPTY" in a script: not the default */
		fprintf(stderr, _("ipwiz: %.*s needs a value.\n"), (int)len, a);
		*status = IPW_EUSAGE;
	} else if (*i + 1 < argc) {
		*slot = argv[++*i];
	} else {
		fprintf(stderr, _("ipwiz: %s needs a value.\n"), a);
		*status = IPW_EUSAGE;
	}
	return true;
}

/* Pull the global options out of argv (anywhere before "--"), leaving the
 * command and its own arguments in order. */
static int strip_globals(struct cli *cli, int *argc, char **argv)
{
	int status = 0, out = 1;
	bool dashdash = false;
	for (int i = 1; i < *argc; i++) {
		if (!dashdash && strcmp(argv[i], "--") == 0) {
			dashdash = true;
			argv[out++] = argv[i];
			continue;
		}
		if (dashdash || !take_global(cli, *argc, argv, &i, &status))
			argv[out++] = argv[i];
	}
	*argc = out;
	argv[out] = NULL;
	return status;
}

/* An interactive start: the wizard on a terminal that can show it, the
 * line mode otherwise (or when asked for with --plain). */
static int run_front_end(struct cli *cli)
{
	if (cli->plain || !ui_terminal_ok())
		return plain_run(&cli->opt, &cli->start, stdin, stdout);
	struct ipw_error err = {0};
	int status = ui_run(&cli->opt, &cli->start, &err);
	if (err.status)
		return cli_fail(&err);
	return status;
}

int main(int argc, char **argv)
{
	struct cli cli = {.prog = "ipwiz"};
	int status = strip_globals(&cli, &argc, argv);
	i18n_init(cli.opt.lang);
	if (status)
		return status;
	if (cli.opt.lang && !i18n_known_language(cli.opt.lang)) {
		char *safe = utf8_sanitize(cli.opt.lang);
		fprintf(stderr, _("ipwiz: there is no language “%s”; use en, zh_CN or id.\n"),
			safe);
		free(safe);
		return IPW_EUSAGE;
	}
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "help") == 0)) {
		print_help(stdout);
		return 0;
	}
	if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		printf("ipwiz %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (argc < 2) {
		cli.start = (struct case_request){.start = CASE_START_HOME};
		return run_front_end(&cli);
	}
	const struct cli_command *cmd = argv[1][0] == '-' ? NULL : cli_find(argv[1]);
	if (!cmd) {
		/* Whatever was typed or pasted is quoted back, made harmless. */
		char *safe = utf8_sanitize(argv[1]);
		if (argv[1][0] == '-')
			fprintf(stderr, _("ipwiz: unknown option %s\n"), safe);
		else
			fprintf(stderr, _("ipwiz: unknown command “%s”.\n"), safe);
		fprintf(stderr, _("Try 'ipwiz --help'.\n"));
		free(safe);
		return IPW_EUSAGE;
	}
	status = cmd->fn(&cli, argc - 1, argv + 1);
	if (status == IPW_OK && cli.interactive)
		return run_front_end(&cli);
	return status;
}
