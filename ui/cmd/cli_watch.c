/* cli_watch.c — `ipwiz watch CASE`: follow a case somebody else is working
 * on. On a terminal, the wizard opens read-only and follows the other
 * person's step; in the line mode (--plain, a screen reader, a pipe) every
 * saved change is printed as a line as it happens. Either way the watcher
 * shows in the other person's header: nobody is observed unseen. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "store/store.h"
#include "cli.h"
#include "front.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* One audit row as a line a screen reader reads well. */
static void print_change(const struct session *s, const struct audit_row *a)
{
	char when[32];
	time_t t = (time_t)a->when;
	strftime(when, sizeof when, "%H:%M:%S", gmtime(&t));
	const char *path = strncmp(a->what, "answer ", 7) == 0 ? a->what + 7 : NULL;
	const struct flow_field *f = path ? flow_find_field(session_flow(s), path) : NULL;
	char *who = utf8_sanitize(a->actor ? a->actor : "?");
	char *what = utf8_sanitize(f ? flow_tr(f->label) : a->what);
	char *value = utf8_sanitize(a->new_value ? a->new_value : _("(cleared)"));
	printf(_("%s %s changed %s: %s\n"), when, who, what, value);
	fflush(stdout);
	free(who);
	free(what);
	free(value);
}

/* The line mode: print each new audit row until interrupted. */
static int watch_lines(struct cli_case *cc)
{
	struct ipw_error err = {0};
	struct audit_row *v = NULL;
	size_t n = 0, seen = 0;
	if (store_audit_list(cc->store, cc->id, &v, &n, &err) != IPW_OK)
		return cli_fail(&err);
	seen = n;
	audit_rows_free(v, n);
	printf(_("Watching case #%lld; changes appear below as they are saved. Ctrl-C stops.\n"),
	       (long long)cc->id);
	fflush(stdout);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	time_t announced = 0;
	while (!stop) {
		if (time(NULL) - announced >= PRESENCE_HEARTBEAT_SECONDS) {
			presence_announce(cc->store, cc->id, PRESENCE_WATCHING, NULL, NULL, &err);
			announced = time(NULL);
		}
		if (store_changed(cc->store) &&
		    store_audit_list(cc->store, cc->id, &v, &n, &err) == IPW_OK) {
			for (size_t i = seen; i < n; i++)
				print_change(cc->session, &v[i]);
			seen = n;
			audit_rows_free(v, n);
		}
		nanosleep(&(struct timespec){0, 300 * 1000 * 1000}, NULL);
	}
	presence_leave(cc->store, cc->id, &err);
	return IPW_OK;
}

int cli_cmd_watch(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd = cli_find("watch");
	if (argc < 2)
		return cli_usage(cmd, _("which case? `ipwiz list` shows them"));
	if (argc > 2)
		return cli_usage(cmd, _("unexpected argument %s"), argv[2]);
	struct ipw_error err = {0};
	struct cli_case cc;
	if (cli_case_open(cli, argv[1], 0, &cc, &err) != IPW_OK)
		return cli_fail(&err);
	int r;
	if (cli->plain || !ui_terminal_ok()) {
		r = watch_lines(&cc);
		cli_case_close(&cc);
		return r;
	}
	int64_t id = cc.id;
	cli_case_close(&cc);
	return front_run(cli, &(struct ui_request){.start = UI_START_WATCH, .case_id = id});
}
