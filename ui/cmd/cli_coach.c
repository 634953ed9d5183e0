/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_coach.c — a support team sharing one database: init-shared, notes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "cli.h"

/* Say what init-shared really did: the core made or changed only that. */
static void print_setup(const char *dir, const char *group, const struct shared_setup *s)
{
	char *d = utf8_sanitize(dir), *g = utf8_sanitize(group), *old = utf8_sanitize(s->old_group);
	char *db = utf8_sanitize(s->db_path);
	if (s->made_dir)
		printf(_("Made the folder %s (group %s, mode 2770).\n"), d, g);
	else if (s->group_changed && s->mode_changed)
		printf(
		    _("Gave the folder %s to the group %s (it was %s's) and set its mode to 2770 "
		      "(it was %04o).\n"),
		    d, g, old, s->old_mode);
	else if (s->group_changed)
		printf(_("Gave the folder %s to the group %s (it was %s's).\n"), d, g, old);
	else if (s->mode_changed)
		printf(_("Set the folder %s to mode 2770 (it was %04o).\n"), d, s->old_mode);
	else
		printf(_("The folder %s was already the group's, with mode 2770.\n"), d);
	printf(_("Made the shared database %s (group %s, mode 0660).\n"), db, g);
	printf(_("Shared database ready: %s (group %s, mode 0660, directory 2770).\n"
		 "Every member of the group opens it with:\n"
		 "  ipwiz --db %s\n"
		 "or by setting IPWIZ_DB=%s\n"),
	       db, g, db, db);
	free(d);
	free(g);
	free(old);
	free(db);
}

int cli_cmd_init_shared(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("init-shared");
	const char *dir = argc > 1 ? argv[1] : NULL, *group = cli_value(cli, "group");
	if (argc > 2)
		return cli_usage(cmd, _("unexpected argument %s"), argv[2]);
	if (!dir || !group)
		return cli_usage(cmd, _("give the directory and the team's group"));
	struct ipw_error err = {0};
	struct shared_setup setup;
	if (case_db_init_shared(dir, group, &setup, &err) != IPW_OK)
		return cli_fail(&err);
	print_setup(dir, group, &setup);
	shared_setup_clear(&setup);
	return 0;
}

int cli_cmd_note(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("note");
	if (argc != 4)
		return cli_usage(cmd, _("give the case, the field and the note"));
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK)
		return cli_fail(&err);
	int r = IPW_OK;
	if (!flow_find_field(cc.flow, argv[2]) && strcmp(argv[2], "-") != 0)
		r = ipw_error_set(&err, IPW_EUSAGE, _("This flow has no field “%s”."), argv[2]);
	else if (!*argv[3])
		r = ipw_error_set(&err, IPW_EUSAGE, _("The note is empty."));
	else {
		char *text = term_charset_text_in(argv[3]); /* typed on the terminal */
		r = session_note_add(cc.session, argv[2], text, &err);
		free(text);
	}
	cli_case_close(&cc);
	return r == IPW_OK ? 0 : cli_fail(&err);
}

static void print_note_text(const struct flow *flow, const struct note_row *n)
{
	char when[32];
	time_t t = (time_t)n->when;
	struct tm tm;
	/* A time from the database may be beyond any calendar (gmtime fails). */
	if (!gmtime_r(&t, &tm) || !strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm))
		snprintf(when, sizeof(when), "?");
	const struct flow_field *f = flow_find_field(flow, n->field);
	char *author = utf8_sanitize(n->author ? n->author : "?");
	char *text = utf8_sanitize(n->text ? n->text : "");
	printf("%s  %s  %s: %s\n", when, author, f ? flow_tr(f->label) : _("(the whole case)"),
	       text);
	free(author);
	free(text);
}

int cli_cmd_notes(struct cli *cli, int argc, char **argv)
{
	bool json = cli_flag(cli, "json");
	const char *case_arg;
	int u = cli_case_arg(cli, argc, argv, &case_arg);
	if (u != IPW_OK)
		return u;
	struct cli_case cc;
	struct ipw_error err = {0};
	if (cli_case_read(cli, case_arg, "notes", &cc, &err) != IPW_OK)
		return cli_fail(&err);
	struct note_row *v = NULL;
	size_t n = 0;
	int r = session_notes(cc.session, &v, &n, &err);
	if (r == IPW_OK && json) {
		printf("{\"case\":%lld,\"notes\":[", (long long)cc.id);
		for (size_t i = 0; i < n; i++) {
			printf("%s{\"field\":", i ? "," : "");
			escape_json_fputs(stdout, v[i].field);
			printf(",\"author\":");
			escape_json_fputs(stdout, v[i].author);
			printf(",\"text\":");
			escape_json_fputs(stdout, v[i].text);
			printf(",\"time\":%lld}", (long long)v[i].when);
		}
		printf("]}\n");
	} else if (r == IPW_OK) {
		if (!n)
			printf("%s\n", _("No notes on this case."));
		for (size_t i = 0; i < n; i++)
			print_note_text(cc.flow, &v[i]);
	}
	note_rows_free(v, n);
	cli_case_close(&cc);
	return r == IPW_OK ? 0 : cli_fail(&err);
}
