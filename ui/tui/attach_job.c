/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attach_job.c — files read by a child process while the wizard goes on
 * (attach_job.h).
 *
 * The child is forked from the wizard, so it has the flow and the options,
 * but it uses nothing of the wizard's connection to the database (SQLite's
 * connections must not cross a fork) nor of its terminal: it opens the case
 * again through its own connection and writes only to the pipe. Its lines:
 *   B i        reading the i-th of its files
 *   W i        recording it (the database changes now)
 *   D i bad s  done: s is the sentence for the status line
 *   F s        the case could not be opened: nothing is read
 * The wizard reloads the case at each D, quietly: the change is its own
 * user's, not "someone else's". */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "attach_job.h"
#include "base/base.h"
#include "case/case.h"
#include "coach.h"
#include "evidence/evidence.h"
#include "ui_internal.h"

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void item_clear(struct attach_item *it)
{
	free(it->field);
	free(it->path);
}

/* Take v[0..k) off the queue. */
static void drop_front(struct attach_jobs *j, size_t k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k; i++)
		item_clear(&j->v[i]);
	memmove(j->v, j->v + k, (j->n - k) * sizeof(*j->v));
	j->n -= k;
	if (j->n == 0)
		j->batch_done = j->batch_total = 0;
}

bool attach_job_add(struct ui *ui, const char *field, const char *path)
{
	struct attach_jobs *j = &ui->attach;
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->v[i].field, field) == 0 && strcmp(j->v[i].path, path) == 0) {
			ui_status(ui, false, _("“%s” is already being read."), base_name(path));
			return false;
		}
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 8;
		j->v = xreallocarray(j->v, j->cap, sizeof(*j->v));
	}
	j->v[j->n].field = xstrdup(field);
	j->v[j->n].path = xstrdup(path);
	j->n++;
	j->batch_total++;
	return true;
}

size_t attach_job_pending(const struct ui *ui, const char *field)
{
	size_t k = 0;
	for (size_t i = 0; i < ui->attach.n; i++)
		k += !field || strcmp(ui->attach.v[i].field, field) == 0;
	return k;
}

const struct attach_item *attach_job_item(const struct ui *ui, const char *field, size_t nth,
					  bool *being_read)
{
	const struct attach_jobs *j = &ui->attach;
	for (size_t i = 0; i < j->n; i++)
		if (strcmp(j->v[i].field, field) == 0 && nth-- == 0) {
			*being_read = j->pid && j->reading && i == j->current;
			return &j->v[i];
		}
	return NULL;
}

bool attach_job_writing(const struct ui *ui)
{
	return ui->attach.pid && ui->attach.writing;
}

/* --- the child ------------------------------------------------------- */

static void say(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(int fd, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(buf) - 2)
		n = (int)sizeof(buf) - 2;
	/* one message a line: a sentence never breaks the protocol */
	for (int i = 0; i < n; i++)
		if (buf[i] == '\n' || buf[i] == '\r')
			buf[i] = ' ';
	buf[n++] = '\n';
	for (const char *p = buf; n > 0;) {
		ssize_t w = write(fd, p, (size_t)n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(1); /* the wizard is gone */
		p += w;
		n -= (int)w;
	}
}

static void read_one(struct session *s, int fd, size_t i, const struct attach_item *it)
{
	say(fd, "B %zu", i);
	struct evidence_result res;
	memset(&res, 0, sizeof(res));
	struct ipw_error err = {0};
	bool bad;
	char *line = NULL;
	if (evidence_case_check(s, it->field, it->path, &res, &err) != IPW_OK) {
		bad = true;
		line = xstrdup(err.msg);
	} else if (res.verdict == EVIDENCE_ERROR) { /* unreadable: nothing to record */
		bad = true;
		line = xasprintf("%s %s", res.message, res.fix);
	} else {
		say(fd, "W %zu", i);
		if (evidence_case_record(s, it->field, it->path, &res, &err) != IPW_OK) {
			bad = true;
			line = xstrdup(err.msg);
		} else {
			line = evidence_row_verdict_line(it->path, &res, &bad);
		}
	}
	say(fd, "D %zu %d %s", i, bad ? 1 : 0, line);
	free(line);
}

static _Noreturn void child_run(struct ui *ui, int fd, const struct attach_item *v, size_t n)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
	/* The wizard's handlers only set its flags: here a signal simply ends
	 * the reading (the file being recorded is one transaction). Ctrl-C
	 * belongs to the wizard. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGWINCH, SIG_IGN);
	/* Nothing of a library's may reach the wizard's screen. */
	int devnull = open("/dev/null", O_RDWR);
	if (devnull >= 0) {
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(devnull, 2);
		if (devnull > 2)
			close(devnull);
	}
	struct case_db *db = NULL;
	struct session *s = NULL;
	struct ipw_error err = {0};
	int64_t id = session_case_id(ui->session);
	if (case_db_open(ui->opt, 0, &db, &err) != IPW_OK ||
	    case_open(db, id, &s, &err) != IPW_OK) {
		say(fd, "F %s", err.msg);
		_exit(1);
	}
	for (size_t i = 0; i < n; i++)
		read_one(s, fd, i, &v[i]);
	/* Its own file checker dies with it (PR_SET_PDEATHSIG). */
	session_free(s);
	case_db_close(db);
	_exit(0);
}

/* --- the wizard's side ----------------------------------------------- */

static void start_child(struct ui *ui)
{
	struct attach_jobs *j = &ui->attach;
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0) {
		ui_status(ui, true, _("Cannot start reading the files: %s."), strerror(errno));
		drop_front(j, j->n);
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		ui_status(ui, true, _("Cannot start reading the files: %s."), strerror(errno));
		close(p[0]);
		close(p[1]);
		drop_front(j, j->n);
		return;
	}
	if (pid == 0) {
		close(p[0]);
		child_run(ui, p[1], j->v, j->n);
	}
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	j->pid = pid;
	j->fd = p[0];
	j->taken = j->n;
	j->current = 0;
	j->reading = j->writing = false;
	j->len = 0;
}

/* "Checking 2 of 5 ▕███░░░░░▏ invoice.pdf…" */
static void say_progress(struct ui *ui)
{
	struct attach_jobs *j = &ui->attach;
	size_t done = j->batch_done + 1, total = j->batch_total;
	char *head = xasprintf(_("Checking %zu of %zu"), done, total);
	struct strbuf b;
	strbuf_init(&b);
	strbuf_addf(&b, "%s ", head);
	if (total > 1 && ui_theme.utf8) {
		const int cells = 10;
		int full = (int)((done - 1) * (size_t)cells / total);
		strbuf_add(&b, "▕");
		for (int i = 0; i < cells; i++)
			strbuf_add(&b, i < full ? "█" : "░");
		strbuf_add(&b, "▏ ");
	}
	strbuf_add(&b, base_name(j->v[j->current].path));
	strbuf_add(&b, ui_theme.ellipsis);
	if (j->finishing)
		strbuf_addf(&b, " %s", _("Esc stops reading; the files read so far are kept."));
	ui_status(ui, false, "%s", b.s);
	strbuf_free(&b);
	free(head);
}

static void heard(struct ui *ui, char *msg)
{
	struct attach_jobs *j = &ui->attach;
	char kind = msg[0];
	if (kind == 'F') { /* the case could not be opened again */
		ui_status(ui, true, _("%s The files were not attached."), msg + (msg[1] ? 2 : 1));
		j->current = j->taken;
		return;
	}
	char *end;
	unsigned long long i = strtoull(msg + (msg[0] ? 1 : 0), &end, 10);
	if (i >= j->taken)
		return;
	if (kind == 'B') {
		j->current = (size_t)i;
		j->reading = true;
		j->writing = false;
		say_progress(ui);
	} else if (kind == 'W') {
		j->writing = true;
	} else if (kind == 'D') {
		bool bad = strtol(end, &end, 10) != 0;
		if (*end == ' ')
			end++;
		coach_reload_own(ui);
		ui_status(ui, bad, "%s", end);
		if (!bad)
			ui->saved = true;
		j->reading = j->writing = false;
		j->current = (size_t)i + 1;
		j->batch_done++;
	}
}

/* The child has ended: what it did not get to is not attached. */
static void reap(struct ui *ui)
{
	struct attach_jobs *j = &ui->attach;
	close(j->fd);
	j->fd = -1;
	int st = 0;
	while (waitpid(j->pid, &st, 0) < 0 && errno == EINTR)
		;
	j->pid = 0;
	size_t left = j->taken - j->current;
	if (left && j->current < j->taken) {
		const char *name = base_name(j->v[j->current].path);
		if (left == 1)
			ui_status(ui, true,
				  _("Reading stopped before “%s” was done: it is not attached. "
				    "Attach it again."),
				  name);
		else
			ui_status(ui, true,
				  ngettext("Reading stopped before “%s” was done: it and %zu more "
					   "file are not attached. Attach them again.",
					   "Reading stopped before “%s” was done: it and %zu more "
					   "files are not attached. Attach them again.",
					   left - 1),
				  name, left - 1);
		xstrset(&j->stopped, ui->status);
	} else if (j->batch_done > 1 && j->n == j->taken)
		ui_status(ui, false,
			  ngettext("%zu file checked; its verdict is under the field.",
				   "%zu files checked; each verdict is under the field.",
				   j->batch_done),
			  j->batch_done);
	coach_reload_own(ui);
	drop_front(j, j->taken);
	j->taken = j->current = 0;
	j->reading = j->writing = false;
}

bool attach_job_tick(struct ui *ui)
{
	struct attach_jobs *j = &ui->attach;
	bool redraw = false;
	if (!j->pid) {
		if (!j->n || !ui->session)
			return false;
		start_child(ui);
		return true;
	}
	for (;;) {
		ssize_t got = read(j->fd, j->line + j->len, sizeof(j->line) - 1 - j->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break; /* nothing more for now */
		if (got == 0) {
			reap(ui);
			return true;
		}
		j->len += (size_t)got;
		char *nl;
		while ((nl = memchr(j->line, '\n', j->len))) {
			*nl = '\0';
			heard(ui, j->line);
			size_t used = (size_t)(nl + 1 - j->line);
			memmove(j->line, nl + 1, j->len - used);
			j->len -= used;
			redraw = true;
		}
		if (j->len == sizeof(j->line) - 1)
			j->len = 0; /* not a message of ours */
	}
	return redraw;
}

static void stop_child(struct ui *ui)
{
	struct attach_jobs *j = &ui->attach;
	if (j->pid) {
		kill(j->pid, SIGTERM);
		kill(j->pid, SIGCONT); /* a stopped child takes it only when it runs */
	}
}

void attach_job_finish(struct ui *ui, bool stop)
{
	struct attach_jobs *j = &ui->attach;
	if (!j->pid && (!j->n || !ui->session)) {
		drop_front(j, j->n);
		return;
	}
	if (stop || isendwin())
		stop_child(ui);
	else
		ui_status(ui, false, "%s",
			  _("Reading the files before the case is closed; Esc stops, keeping "
			    "those read so far."));
	j->finishing = true;
	while (j->pid || (j->n && !stop)) {
		if (!j->pid) {
			start_child(ui);
			continue;
		}
		if (stop || isendwin()) {
			struct pollfd p = {.fd = j->fd, .events = POLLIN};
			poll(&p, 1, 200);
			attach_job_tick(ui);
			continue;
		}
		if (ui->redraw)
			ui->redraw(ui, ui->redraw_state);
		ui_draw_status(ui);
		refresh();
		struct ui_key k;
		ui_read_key(ui, &k, false, false);
		if (k.act == ACT_CANCEL || k.act == ACT_QUIT || k.act == ACT_SIGNAL) {
			stop_child(ui);
			stop = true;
		}
	}
	drop_front(j, j->n);
	j->taken = j->current = 0;
	j->finishing = false;
}
