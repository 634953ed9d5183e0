/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_coach.c — a support team sharing one database: init-shared, notes. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "cli.h"

/* A setgid 2770 directory owned by the team's group: files made inside
 * belong to the group, nobody else can enter. */
static int make_shared_dir(const char *dir, gid_t gid, struct ipw_error *err)
{
	if (mkdir(dir, 0770) != 0 && errno != EEXIST) {
		int e = errno;
		char *parent = xstrdup(dir);
		char *slash = strrchr(parent, '/');
		if (slash && slash != parent)
			*slash = '\0';
		int r = ipw_error_set(
		    err, IPW_EENV,
		    _("Cannot create the directory %s: %s. Create %s first, or choose "
		      "another directory."),
		    dir, strerror(e), parent);
		free(parent);
		return r;
	}
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return ipw_error_set(err, IPW_EENV, _("%s exists and is not a directory."), dir);
	if (chown(dir, (uid_t)-1, gid) != 0 || chmod(dir, 02770) != 0)
		return ipw_error_set(
		    err, IPW_EENV,
		    _("Cannot give %s to the group: %s (run this as the directory's "
		      "owner or as root)."),
		    dir, strerror(errno));
	return IPW_OK;
}

/* The database file itself: 0660, the team's group. SQLite gives its WAL
 * and shared-memory files the same mode. */
static int make_shared_db(const char *path, gid_t gid, struct ipw_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (fd < 0) {
		if (errno == EEXIST)
			return ipw_error_set(err, IPW_EUSER,
					     _("%s already exists; nothing was changed."), path);
		return ipw_error_set(err, IPW_EENV, _("Cannot create %s: %s."), path,
				     strerror(errno));
	}
	int r = IPW_OK;
	if (fchown(fd, (uid_t)-1, gid) != 0 || fchmod(fd, 0660) != 0)
		r = ipw_error_set(err, IPW_EENV, _("Cannot give %s to the group: %s."), path,
				  strerror(errno));
	close(fd);
	return r;
}

int cli_cmd_init_shared(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("init-shared");
	const char *dir = argc > 1 ? argv[1] : NULL, *group = cli_value(cli, "group");
	if (argc > 2)
		return cli_usage(cmd, _("unexpected argument %s"), argv[2]);
	if (!dir || !group)
		return cli_usage(cmd, _("give the directory and the team's group"));
	struct group *gr = getgrnam(group);
	if (!gr) {
		fprintf(stderr,
			_("ipwiz: there is no group “%s”; create it first (groupadd %s).\n"), group,
			group);
		return IPW_EUSER;
	}
	gid_t gid = gr->gr_gid;
	struct ipw_error err = {0};
	char *db = xasprintf("%s/cases.db", dir);
	struct case_db *cdb = NULL;
	int r = make_shared_dir(dir, gid, &err);
	if (r == IPW_OK)
		r = make_shared_db(db, gid, &err);
	if (r == IPW_OK)
		r = case_db_open(&(struct case_options){.db_path = db}, CASE_DB_CREATE, &cdb, &err);
	if (r != IPW_OK) {
		free(db);
		return cli_fail(&err);
	}
	case_db_close(cdb);
	char *safe = utf8_sanitize(db), *safe_group = utf8_sanitize(group);
	printf(_("Shared database ready: %s (group %s, mode 0660, directory 2770).\n"
		 "Every member of the group opens it with:\n"
		 "  ipwiz --db %s\n"
		 "or by setting IPWIZ_DB=%s\n"),
	       safe, safe_group, safe, safe);
	free(safe);
	free(safe_group);
	free(db);
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
	else
		r = session_note_add(cc.session, argv[2], argv[3], &err);
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
