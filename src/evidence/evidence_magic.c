/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_magic.c — libmagic behind a process boundary. libmagic parses
 * hostile bytes with hundreds of rules; a crash or an endless loop there must
 * not take the wizard (and the answer being typed) down. One worker process
 * loads the magic database once from the system path and serves requests:
 * the parent passes the open descriptor (SCM_RIGHTS), the worker answers
 * with the MIME type. The worker has CPU, memory and file-size limits; the
 * parent waits a bounded time, kills a worker that hangs and starts a new
 * one on the next request. A worker per process (not per file) keeps the
 * cost per file to two small messages. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "base/base.h"
#include "evidence_internal.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

enum {
	REPLY_MIME = 128,
	WORKER_CPU_SECONDS = 5,
	WORKER_MEMORY = 1024 * 1024 * 1024,
	MAGIC_BYTES = 1024 * 1024,
};

struct reply {
	char ok;
	char mime[REPLY_MIME];
};

static pid_t worker_pid;
static pid_t worker_owner; /* a forked child must not share its parent's worker */
static int worker_sock = -1;
static int timeout_ms = 10000;
static bool atexit_done;

/* --- the worker side ------------------------------------------------- */

static void worker_limits(void)
{
	struct rlimit zero = {0, 0};
	setrlimit(RLIMIT_CORE, &zero);
	setrlimit(RLIMIT_FSIZE, &zero);
#ifndef UNDER_ASAN
	/* ASan reserves terabytes of shadow address space: no limit there. */
	struct rlimit mem = {WORKER_MEMORY, WORKER_MEMORY};
	setrlimit(RLIMIT_AS, &mem);
#endif
}

/* The CPU limit counts the worker's whole life, so it is moved forward
 * before each file: every file gets WORKER_CPU_SECONDS of its own. */
static void worker_cpu_budget(void)
{
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		return;
	rlim_t used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
	struct rlimit cpu = {used + WORKER_CPU_SECONDS, used + WORKER_CPU_SECONDS + 1};
	setrlimit(RLIMIT_CPU, &cpu);
}

static magic_t worker_magic(void)
{
	/* The system database only: never $MAGIC or ~/.magic of the user. */
	unsetenv("MAGIC");
	unsetenv("HOME");
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF);
	if (!m)
		return NULL;
	if (magic_load(m, magic_getpath(NULL, 0)) != 0) {
		magic_close(m);
		return NULL;
	}
	size_t bytes = MAGIC_BYTES, indir = 10, name = 30, phnum = 128, shnum = 1024, notes = 64;
	magic_setparam(m, MAGIC_PARAM_BYTES_MAX, &bytes);
	magic_setparam(m, MAGIC_PARAM_INDIR_MAX, &indir);
	magic_setparam(m, MAGIC_PARAM_NAME_MAX, &name);
	magic_setparam(m, MAGIC_PARAM_ELF_PHNUM_MAX, &phnum);
	magic_setparam(m, MAGIC_PARAM_ELF_SHNUM_MAX, &shnum);
	magic_setparam(m, MAGIC_PARAM_ELF_NOTES_MAX, &notes);
#ifdef MAGIC_PARAM_REGEX_MAX
	size_t regex = 8192;
	magic_setparam(m, MAGIC_PARAM_REGEX_MAX, &regex);
#endif
	return m;
}

/* Receive one descriptor; -1 at end of requests. */
static int worker_receive(int sock)
{
	char byte;
	struct iovec iov = {&byte, 1};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct msghdr msg = {.msg_iov = &iov,
			     .msg_iovlen = 1,
			     .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf)};
	ssize_t n;
	do
		n = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
		return -2;
	int fd;
	memcpy(&fd, CMSG_DATA(c), sizeof(fd));
	return fd;
}

static void worker_serve(int sock, magic_t m)
{
	for (;;) {
		int fd = worker_receive(sock);
		if (fd == -1)
			return;
		struct reply r = {0};
		if (fd >= 0) {
			worker_cpu_budget();
			const char *t = magic_descriptor(m, fd);
			if (t) {
				r.ok = 1;
				strncpy(r.mime, t, sizeof(r.mime) - 1);
			}
			close(fd);
		}
		if (send(sock, &r, sizeof(r), MSG_NOSIGNAL) != (ssize_t)sizeof(r))
			return;
	}
}

static void worker_main(int sock)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	/* The parent's handlers (a test harness's, the wizard's terminal
	 * restore) must not run here: a crash in libmagic is simply a death. */
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Keep nothing of the parent open: no terminal, no database, and no
	 * pipe a shell waits on for end of output. The socket moves out of the
	 * way first, in case the parent ran with 0-2 closed. */
	int high = fcntl(sock, F_DUPFD, 10);
	if (high < 0)
		_exit(1);
	int devnull = open("/dev/null", O_RDWR);
	if (devnull >= 0) {
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(devnull, 2);
	}
	dup2(high, 3);
	sock = 3;
	close_range(4, ~0U, 0);
	magic_t m = worker_magic();
	worker_limits();
	struct reply r = {.ok = m != NULL};
	if (send(sock, &r, sizeof(r), MSG_NOSIGNAL) == (ssize_t)sizeof(r) && m)
		worker_serve(sock, m);
	_exit(0);
}

/* --- the parent side ------------------------------------------------- */

static void worker_reap(bool kill_it)
{
	if (worker_sock >= 0)
		close(worker_sock);
	worker_sock = -1;
	if (worker_pid > 0) {
		if (kill_it)
			kill(worker_pid, SIGKILL);
		while (waitpid(worker_pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	worker_pid = 0;
}

/* Forget a worker this process inherited from its parent by fork. */
static void forget_inherited(void)
{
	if (worker_pid > 0 && worker_owner != getpid()) {
		close(worker_sock);
		worker_sock = -1;
		worker_pid = 0;
	}
}

void evidence_magic_shutdown(void)
{
	forget_inherited();
	/* The worker is idle between files, so it is simply killed: waiting for
	 * it to see end-of-file could hang when a forked child of this process
	 * still holds the socket. */
	worker_reap(true);
}

/* Wait up to timeout_ms for one reply; returns bytes read, 0 at EOF,
 * -1 on timeout. */
static ssize_t receive_reply(struct reply *r)
{
	struct pollfd p = {.fd = worker_sock, .events = POLLIN};
	int n;
	do
		n = poll(&p, 1, timeout_ms);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	ssize_t got;
	do
		got = recv(worker_sock, r, sizeof(*r), 0);
	while (got < 0 && errno == EINTR);
	return got < 0 ? 0 : got;
}

static bool worker_start(struct ipw_error *err)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
		ipw_error_set(err, IPW_EENV, _("Cannot start the file checker: %s."),
			      strerror(errno));
		return false;
	}
	pid_t pid = fork();
	if (pid < 0) {
		ipw_error_set(err, IPW_EENV, _("Cannot start the file checker: %s."),
			      strerror(errno));
		close(sv[0]);
		close(sv[1]);
		return false;
	}
	if (pid == 0) {
		close(sv[0]);
		worker_main(sv[1]);
	}
	close(sv[1]);
	worker_pid = pid;
	worker_owner = getpid();
	worker_sock = sv[0];
	if (!atexit_done) {
		atexit(evidence_magic_shutdown);
		atexit_done = true;
	}
	struct reply hello;
	if (receive_reply(&hello) != (ssize_t)sizeof(hello) || !hello.ok) {
		worker_reap(true);
		ipw_error_set(err, IPW_EENV,
			      _("Cannot load the file type database of libmagic; install the "
				"package libmagic1 (or libmagic-mgc) and try again."));
		return false;
	}
	return true;
}

static bool send_fd(int fd)
{
	char byte = 0;
	struct iovec iov = {&byte, 1};
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	memset(&ctl, 0, sizeof(ctl));
	struct msghdr msg = {.msg_iov = &iov,
			     .msg_iovlen = 1,
			     .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf)};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(fd));
	ssize_t n;
	do
		n = sendmsg(worker_sock, &msg, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	return n == 1;
}

/* Only "type/subtype" made of token characters counts as an answer. */
static bool mime_shaped(const char *s)
{
	const char *slash = strchr(s, '/');
	if (!slash || slash == s || !slash[1] || strchr(slash + 1, '/'))
		return false;
	for (const char *p = s; *p; p++)
		if (!(p == slash || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("+-.!#$&^_", *p)))
			return false;
	return true;
}

enum evidence_magic_outcome evidence_magic_type(int fd, char *mime, size_t size,
						struct ipw_error *err)
{
	mime[0] = '\0';
	forget_inherited(); /* the parent's worker: leave it to the parent */
	/* A worker that died between two files is replaced once, silently. */
	for (int attempt = 0; attempt < 2; attempt++) {
		if (worker_pid > 0 && waitpid(worker_pid, NULL, WNOHANG) == worker_pid) {
			worker_pid = 0;
			worker_reap(false);
		}
		if (worker_pid <= 0 && !worker_start(err))
			return EVIDENCE_MAGIC_BROKEN;
		if (!send_fd(fd)) {
			worker_reap(true);
			continue;
		}
		struct reply r;
		ssize_t got = receive_reply(&r);
		if (got < 0) {
			worker_reap(true);
			return EVIDENCE_MAGIC_TIMEOUT;
		}
		if (got != (ssize_t)sizeof(r)) {
			worker_reap(true);
			return EVIDENCE_MAGIC_CRASHED;
		}
		r.mime[sizeof(r.mime) - 1] = '\0';
		if (r.ok && mime_shaped(r.mime) && strlen(r.mime) < size)
			memcpy(mime, r.mime, strlen(r.mime) + 1);
		return EVIDENCE_MAGIC_DONE;
	}
	ipw_error_set(err, IPW_EENV, _("The file checker stopped answering."));
	return EVIDENCE_MAGIC_BROKEN;
}

pid_t evidence_magic_worker(void)
{
	return worker_pid;
}

void evidence_magic_set_timeout(int ms)
{
	timeout_ms = ms > 0 ? ms : 10000;
}
