/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_many.c — many loose files judged at once, one file checker per
 * processor (evidence_check_many in evidence.h).
 *
 * A reviewer checks a whole evidence folder; each file is decoded, drawn
 * and measured in full, which takes one core a while. So the files are
 * shared among a few forked copies of this process, each with its own
 * worker (evidence_worker.c gives a forked child a worker of its own), and
 * handed out one at a time as each copy finishes one, so a large PDF does
 * not hold up the files behind it. A copy sends back each result as it is
 * (struct evidence_result holds no pointer but to static strings, which a
 * fork keeps at the same addresses). A copy that dies leaves its file to
 * this process, which judges it itself: a crash never loses a file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "base/base.h"
#include "evidence.h"
#include "evidence_internal.h"

enum { JOBS_MAX = 4, NO_FILE = UINT32_MAX };

struct reply {
	uint32_t index;
	int32_t rc;
	struct evidence_result res;
	struct ipw_error err;
};

struct helper {
	pid_t pid;
	int to, from;  /* the file numbers it is given; its replies */
	uint32_t busy; /* the file it is judging, or NO_FILE */
};

unsigned evidence_check_jobs(size_t files)
{
	const char *v = getenv("IPWIZ_CHECK_JOBS");
	long n = 0;
	if (v && *v) {
		char *end;
		errno = 0;
		n = strtol(v, &end, 10);
		if (errno || *end || n < 1)
			n = 0;
	}
	if (n == 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		if (n > JOBS_MAX)
			n = JOBS_MAX;
	}
	if (n < 1)
		n = 1;
	if ((size_t)n > files)
		n = (long)files;
	return n < 1 ? 1 : (unsigned)n;
}

static bool full_io(int fd, void *buf, size_t len, bool out)
{
	char *p = buf;
	while (len) {
		ssize_t k = out ? write(fd, p, len) : read(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		len -= (size_t)k;
	}
	return true;
}

/* In a forked copy: judge each file number given until told to stop. */
static _Noreturn void helper_run(int to, int from, char **paths, const struct evidence_req *req)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	uint32_t i;
	while (full_io(to, &i, sizeof(i), false) && i != NO_FILE) {
		struct reply *r = xcalloc(1, sizeof(*r));
		r->index = i;
		r->rc = evidence_check_read(paths[i], req, NULL, NULL, &r->res, &r->err);
		bool sent = full_io(from, r, sizeof(*r), true);
		free(r);
		if (!sent)
			break;
	}
	_exit(0); /* its worker dies with it (PR_SET_PDEATHSIG) */
}

static bool helper_start(struct helper *h, char **paths, const struct evidence_req *req)
{
	int down[2], up[2];
	if (pipe2(down, O_CLOEXEC) != 0)
		return false;
	if (pipe2(up, O_CLOEXEC) != 0) {
		close(down[0]);
		close(down[1]);
		return false;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(down[0]);
		close(down[1]);
		close(up[0]);
		close(up[1]);
		return false;
	}
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		helper_run(down[0], up[1], paths, req);
	}
	close(down[0]);
	close(up[1]);
	*h = (struct helper){.pid = pid, .to = down[1], .from = up[0], .busy = NO_FILE};
	return true;
}

static void helper_stop(struct helper *h)
{
	if (h->pid <= 0)
		return;
	uint32_t stop = NO_FILE;
	full_io(h->to, &stop, sizeof(stop), true);
	close(h->to);
	close(h->from);
	while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
		;
	h->pid = 0;
}

/* Give h the next file, if any is left. */
static void hand_out(struct helper *h, size_t *next, size_t n, void (*started)(size_t, void *),
		     void *ctx)
{
	if (*next >= n)
		return;
	uint32_t i = (uint32_t)*next;
	if (!full_io(h->to, &i, sizeof(i), true))
		return; /* it is gone: its end is seen on h->from */
	h->busy = i;
	(*next)++;
	if (started)
		started(i, ctx);
}

int evidence_check_many(char **paths, size_t n, const struct evidence_req *req,
			struct evidence_result *res, void (*started)(size_t i, void *ctx),
			void *ctx, struct ipw_error *err)
{
	unsigned jobs = evidence_check_jobs(n);
	struct helper h[JOBS_MAX];
	unsigned nh = 0;
	if (jobs > 1) {
		/* Pipes to copies that died must not kill us. */
		struct sigaction ign = {.sa_handler = SIG_IGN}, old;
		sigaction(SIGPIPE, &ign, &old);
		while (nh < jobs && helper_start(&h[nh], paths, req))
			nh++;
		size_t next = 0, got = 0;
		bool *done = xcalloc(n, sizeof(*done));
		for (unsigned k = 0; k < nh; k++)
			hand_out(&h[k], &next, n, started, ctx);
		int rc = IPW_OK;
		struct reply *r = xcalloc(1, sizeof(*r));
		while (got < n && rc == IPW_OK) {
			struct pollfd p[JOBS_MAX];
			unsigned busy = 0;
			for (unsigned k = 0; k < nh; k++) {
				p[k] = (struct pollfd){.fd = h[k].pid > 0 ? h[k].from : -1,
						       .events = POLLIN};
				busy += h[k].pid > 0 && h[k].busy != NO_FILE;
			}
			/* Nobody at work: every copy died, or those left are idle
			 * with the files a dead one had. They are judged here. */
			if (!busy)
				break;
			if (poll(p, nh, -1) < 0) {
				if (errno == EINTR)
					continue;
				break;
			}
			for (unsigned k = 0; k < nh && rc == IPW_OK; k++) {
				if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
					continue;
				if (!full_io(h[k].from, r, sizeof(*r), false) || r->index >= n ||
				    r->index != h[k].busy) {
					/* died (or spoke nonsense): its file is judged here */
					kill(h[k].pid, SIGKILL);
					helper_stop(&h[k]);
					continue;
				}
				res[r->index] = r->res;
				done[r->index] = true;
				got++;
				h[k].busy = NO_FILE;
				if (r->rc != IPW_OK) {
					*err = r->err;
					rc = r->rc;
					break;
				}
				hand_out(&h[k], &next, n, started, ctx);
			}
		}
		free(r);
		for (unsigned k = 0; k < nh; k++)
			helper_stop(&h[k]);
		sigaction(SIGPIPE, &old, NULL);
		/* What no copy judged (none could start, or one died under it). */
		for (size_t i = 0; i < n && rc == IPW_OK; i++)
			if (!done[i]) {
				if (started)
					started(i, ctx);
				rc = evidence_check_read(paths[i], req, NULL, NULL, &res[i], err);
			}
		free(done);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		if (started)
			started(i, ctx);
		int rc = evidence_check_read(paths[i], req, NULL, NULL, &res[i], err);
		if (rc != IPW_OK)
			return rc;
	}
	return IPW_OK;
}
