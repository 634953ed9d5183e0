/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_watch.c — `ipwiz watch CASE` in the line mode: every saved change
 * of the case as a line a screen reader reads well, until Ctrl-C. The
 * watcher announces itself, so the other person's header names them. */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "plain_internal.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* One audit row as a line. */
static void print_change(struct plain *p, const struct audit_row *a)
{
	char when[32] = "?";
	time_t t = (time_t)a->when;
	struct tm tm;
	if (gmtime_r(&t, &tm))
		strftime(when, sizeof when, "%H:%M:%S", &tm);
	const char *what = a->what ? a->what : "?";
	const char *path = strncmp(what, "answer ", 7) == 0 ? what + 7 : NULL;
	const struct flow_field *f = path ? flow_find_field(p->cc.flow, path) : NULL;
	plain_printf(p, _("%s %s changed %s: %s\n"), when, plain_safe(p, a->actor ? a->actor : "?"),
		     plain_safe(p, f ? flow_tr(f->label) : what),
		     plain_safe(p, a->new_value ? a->new_value : _("(cleared)")));
	fflush(p->out);
}

int plain_watch(struct plain *p)
{
	struct session *s = p->cc.session;
	struct ipw_error err = {0};
	struct audit_row *v = NULL;
	size_t n = 0, seen = 0;
	if (session_audit(s, &v, &n, &err) != IPW_OK) {
		plain_error(p, &err);
		return err.status ? (int)err.status : IPW_EENV;
	}
	seen = n;
	audit_rows_free(v, n);
	if (session_watch_announce(s, NULL, NULL, &err) != IPW_OK) {
		plain_error(p, &err);
		return IPW_EENV;
	}
	plain_printf(p,
		     _("Watching case #%lld; changes appear below as they are saved. Ctrl-C "
		       "stops.\n"),
		     (long long)p->cc.id);
	fflush(p->out);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	time_t announced = time(NULL);
	while (!stop) {
		if (time(NULL) - announced >= PRESENCE_HEARTBEAT_SECONDS) {
			/* Nobody is watched unseen: no announcement, no watching. */
			if (session_watch_announce(s, NULL, NULL, &err) != IPW_OK) {
				plain_error(p, &err);
				return IPW_EENV;
			}
			announced = time(NULL);
		}
		if (session_changed(s) && session_audit(s, &v, &n, &err) == IPW_OK) {
			for (size_t i = seen; i < n; i++)
				print_change(p, &v[i]);
			seen = n;
			audit_rows_free(v, n);
		}
		nanosleep(&(struct timespec){0, 300 * 1000 * 1000}, NULL);
	}
	session_presence_leave(s, &err);
	return IPW_OK;
}
