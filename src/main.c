/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c — global options and dispatch: a command of ui/cmd, or an
 * interactive start in one of the two front ends (the ncurses wizard on a
 * capable terminal, the plain line mode otherwise). Everything else lives
 * in the core (libipwiz.a) and the front ends (libipwizui.a). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "cmd/cmd.h"
#include "plain/plain.h"
#include "tui/tui.h"

/* The terminal's charset (base/term_charset.h): the standard streams
 * replaced by converting ones (glibc lets a program set them), once each. */
static FILE *plain_stdout; /* the stdout a converting one replaced */
static bool wrapped_out, wrapped_err, wrapped_in;

static void charset_stderr(void)
{
	FILE *f = wrapped_err ? NULL : term_charset_output(stderr);
	wrapped_err = true;
	if (f) {
		setvbuf(f, NULL, _IONBF, 0); /* as stderr was */
		stderr = f;
	}
}

static void charset_stdout(void)
{
	FILE *f = wrapped_out ? NULL : term_charset_output(stdout);
	wrapped_out = true;
	if (f) {
		plain_stdout = stdout;
		stdout = f;
	}
}

static void charset_stdin(void)
{
	FILE *f = wrapped_in ? NULL : term_charset_input(fileno(stdin));
	wrapped_in = true;
	if (f)
		stdin = f;
}

/* stdout as it was, for the wizard: ncursesw writes the terminal's charset
 * itself, to the descriptor under stdout. The converting stream is left
 * open (closing it would close the real stdout) and is not written again. */
static void charset_stdout_restore(void)
{
	if (!plain_stdout)
		return;
	fflush(stdout);
	stdout = plain_stdout;
	plain_stdout = NULL;
}

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
	fprintf(f, _("\nOptions (before the command, or among its own):\n"));
	cli_print_common_options(f);
	fprintf(f, _("  --version           show the version\n\n"
		     "`ipwiz help COMMAND` or `ipwiz COMMAND --help` shows a command's options.\n\n"
		     "Exit status: 0 ok, 1 something to fix (invalid answer, rejected file),\n"
		     "2 wrong command line, 3 environment (database, disk).\n"));
	/* The address comes from AC_INIT, the one place that names it. */
	fprintf(f, _("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

/* The version notice the GNU coding standards ask for: name and version,
 * the copyright, then the licence in words a user can act on. */
static void print_version(void)
{
	printf("ipwiz %s\n", PACKAGE_VERSION);
	printf("Copyright (C) 2026 The ipwiz authors.\n");
	printf(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
		 "This is free software: you are free to change and redistribute it.\n"
		 "There is NO WARRANTY, to the extent permitted by law.\n"));
}

/* The options before the command: the common ones, --help and --version.
 * Parsing stops at the command ("+"), whose own line cli_parse reads. */
enum { MAIN_VERSION = 1, MAIN_HELP, MAIN_DB, MAIN_LANG, MAIN_PLAIN };

static int parse_globals(struct cli *cli, int argc, char **argv, bool *version)
{
	static const struct option lo[] = {
	    {"db", required_argument, NULL, MAIN_DB},
	    {"lang", required_argument, NULL, MAIN_LANG},
	    {"plain", no_argument, NULL, MAIN_PLAIN},
	    {"help", no_argument, NULL, MAIN_HELP},
	    {"version", no_argument, NULL, MAIN_VERSION},
	    {NULL, 0, NULL, 0},
	};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "+:hV", lo, NULL)) != -1) {
		/* The option as typed, without "=value", made harmless. */
		char *arg = xstrndup(argv[optind - 1], strcspn(argv[optind - 1], "="));
		char *safe = utf8_sanitize(arg);
		free(arg);
		int status = IPW_OK;
		if (c == ':' || (optarg && !*optarg)) {
			/* "--db=$EMPTY" in a script: not the default */
			fprintf(stderr, _("ipwiz: %s needs a value.\n"), safe);
			status = IPW_EUSAGE;
		} else if (c == '?') {
			if (optopt)
				fprintf(stderr, _("ipwiz: unknown option -%c\n"), optopt);
			else
				fprintf(stderr, _("ipwiz: unknown option %s\n"), safe);
			fprintf(stderr, _("Try 'ipwiz --help'.\n"));
			status = IPW_EUSAGE;
		} else if (c == 'V' || c == MAIN_VERSION) {
			*version = true;
		} else if (c == 'h' || c == MAIN_HELP) {
			cli->help = true;
		} else {
			cli_take_common(cli,
					c == MAIN_DB	 ? "db"
					: c == MAIN_LANG ? "lang"
							 : "plain",
					optarg);
		}
		free(safe);
		if (status)
			return status;
	}
	return IPW_OK;
}

/* An interactive start: the wizard on a terminal that can show it, the
 * line mode otherwise (or when asked for with --plain). */
static int run_front_end(struct cli *cli)
{
	if (cli->plain || !ui_terminal_ok()) {
		charset_stdin();
		charset_stdout();
		return plain_run(&cli->opt, &cli->start, stdin, stdout);
	}
	/* ncurses writes the terminal's charset itself (ui/tui/draw.c). */
	charset_stdout_restore();
	struct ipw_error err = {0};
	int status = ui_run(&cli->opt, &cli->start, &err);
	if (err.status)
		return cli_fail(&err);
	return status;
}

/* --lang LANG must be one ipwiz speaks; the messages switch to it. */
static int check_language(const struct cli *cli)
{
	if (!cli->opt.lang || i18n_known_language(cli->opt.lang))
		return IPW_OK;
	char *safe = utf8_sanitize(cli->opt.lang);
	fprintf(stderr, _("ipwiz: there is no language “%s”; use en, zh_CN or id.\n"), safe);
	free(safe);
	return IPW_EUSAGE;
}

/* An unknown command, quoted back made harmless. */
static int unknown_command(const char *name)
{
	char *safe = utf8_sanitize(name);
	fprintf(stderr, _("ipwiz: unknown command “%s”.\n"), safe);
	fprintf(stderr, _("Try 'ipwiz --help'.\n"));
	free(safe);
	return IPW_EUSAGE;
}

/* What a command printed on stdout (a --json backup, a report, the help)
 * is its result: when it did not all reach its file (a full disk, a closed
 * stdout), the command failed, whatever it returned. Checked once, here. */
static int finish_output(int status)
{
	bool failed = ferror(stdout) != 0;
	int e = errno;
	if (fclose(stdout) != 0) {
		failed = true;
		e = errno;
	}
	if (!failed)
		return status;
	fprintf(stderr,
		_("ipwiz: The output could not be written (%s), so it is incomplete. Free some "
		  "space or check where the output goes, then run the command again.\n"),
		strerror(e ? e : EIO));
	return IPW_EENV;
}

static int run(int argc, char **argv)
{
	struct cli cli = {.prog = "ipwiz"};
	bool version = false;
	/* The environment's language first, so a usage error reads in it. */
	i18n_init(NULL);
	/* Messages in the terminal's charset (term_charset.h); stdout below,
	 * once it is known whether it carries JSON. */
	charset_stderr();
	int status = parse_globals(&cli, argc, argv, &version);
	if (status == IPW_OK && cli.opt.lang)
		i18n_init(cli.opt.lang);
	if (status == IPW_OK)
		status = check_language(&cli);
	if (status)
		return status;
	argc -= optind;
	argv += optind;
	if (version) {
		charset_stdout();
		print_version();
		return 0;
	}
	/* `ipwiz help`, `ipwiz help CMD`, `ipwiz --help` */
	bool help_cmd = argc >= 1 && strcmp(argv[0], "help") == 0;
	if (cli.help || help_cmd) {
		charset_stdout();
		const char *name =
		    help_cmd ? (argc >= 2 ? argv[1] : NULL) : (argc >= 1 ? argv[0] : NULL);
		if (!name) {
			print_help(stdout);
			return 0;
		}
		const struct cli_command *cmd = cli_find(name);
		if (!cmd)
			return unknown_command(name);
		cli_print_help(cmd, stdout);
		return 0;
	}
	if (argc < 1) {
		cli.start = (struct case_request){.start = CASE_START_HOME};
		return run_front_end(&cli);
	}
	const struct cli_command *cmd = cli_find(argv[0]);
	if (!cmd)
		return unknown_command(argv[0]);
	const char *lang_before = cli.opt.lang;
	if (cli_parse(&cli, cmd, &argc, &argv) != IPW_OK)
		return IPW_EUSAGE;
	if (cli.opt.lang != lang_before) {
		i18n_init(cli.opt.lang);
		if ((status = check_language(&cli)) != IPW_OK)
			return status;
	}
	if (cli.help) {
		charset_stdout();
		cli_print_help(cmd, stdout);
		return 0;
	}
	/* JSON and a POT file are UTF-8 by their formats, whatever the
	 * terminal; everything else is for reading there. */
	if (!cli_flag(&cli, "json") && !cli_flag(&cli, "pot"))
		charset_stdout();
	status = cmd->fn(&cli, argc, argv);
	if (status == IPW_OK && cli.interactive)
		return run_front_end(&cli);
	return status;
}

int main(int argc, char **argv)
{
	return finish_output(run(argc, argv));
}
