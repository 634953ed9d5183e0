/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_worker.c — libmagic and the decoders behind a process boundary,
 * the parent's side. They parse hostile bytes with a great deal of code; a
 * crash or an endless loop there must not take the wizard (and the answer
 * being typed) down. One worker process per ipwiz process is started at the
 * first file: forked, then the worker program (ipwiz-worker,
 * evidence_serve.c) is executed, so the worker holds none of the wizard's
 * memory and the wizard loads none of the decoders' libraries. The parent
 * passes the open descriptor (SCM_RIGHTS) with what to do — TYPE or DECODE
 * — and the worker answers with one fixed-size message (evidence_wire.h).
 * Each file has a CPU budget in the worker and a wall-clock budget here; a
 * worker that runs over is killed, one that dies is replaced on the next
 * request. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "base/base.h"
#include "evidence_internal.h"
#include "evidence_wire.h"

enum { HELLO_MS = 60000 }; /* loading fonts may build fontconfig's cache */

static pid_t worker_pid;
static pid_t worker_owner; /* a forked child must not share its parent's worker */
static int worker_sock = -1;
static int timeout_ms; /* 0: the check budget */
static unsigned worker_sandbox;
static unsigned worker_ready;  /* EVIDENCE_READY_*: what the running worker loaded */
static unsigned process_ready; /* what every worker of this process loads from now on */
static bool hello_pending;     /* started, its hello not yet read */
static bool last_file;	       /* evidence_worker_last_file: let go after this one */
static pid_t dying_pid;	       /* let go after the last file, not yet reaped */
static uint32_t next_seq;
static bool atexit_done;

unsigned evidence_check_seconds(void)
{
	const char *v = getenv("IPWIZ_CHECK_SECONDS");
	char *end;
	if (v && *v) {
		errno = 0;
		unsigned long n = strtoul(v, &end, 10);
		if (!errno && !*end && n >= 1 && n <= 3600)
			return (unsigned)n;
	}
	return 20;
}

/* --- the parent side ------------------------------------------------- */

static void worker_reap(bool kill_it, int *status)
{
	if (worker_sock >= 0)
		close(worker_sock);
	worker_sock = -1;
	if (worker_pid > 0) {
		if (kill_it)
			kill(worker_pid, SIGKILL);
		int st = 0;
		while (waitpid(worker_pid, &st, 0) < 0 && errno == EINTR)
			;
		if (status)
			*status = st;
	}
	worker_pid = 0;
	worker_sandbox = 0;
	hello_pending = false;
}

/* Forget a worker this process inherited from its parent by fork. */
static void forget_inherited(void)
{
	if (worker_pid > 0 && worker_owner != getpid()) {
		close(worker_sock);
		worker_sock = -1;
		worker_pid = 0;
		worker_sandbox = 0;
		hello_pending = false;
	}
}

/* The worker let go last, reaped (it was killed: this waits only for the
 * kernel to finish taking its memory back). A forked child's waitpid of
 * its parent's worker fails at once. */
static void reap_dying(void)
{
	if (dying_pid > 0)
		while (waitpid(dying_pid, NULL, 0) < 0 && errno == EINTR)
			;
	dying_pid = 0;
}

void evidence_worker_last_file(void)
{
	last_file = true;
}

void evidence_worker_file_done(void)
{
	if (!last_file)
		return;
	last_file = false;
	forget_inherited();
	if (worker_pid <= 0)
		return;
	reap_dying();
	close(worker_sock);
	worker_sock = -1;
	kill(worker_pid, SIGKILL);
	dying_pid = worker_pid;
	worker_pid = 0;
	worker_sandbox = 0;
	hello_pending = false;
}

void evidence_worker_shutdown(void)
{
	forget_inherited();
	reap_dying();
	/* The worker is idle between files, so it is simply killed: waiting for
	 * it to see end-of-file could hang when a forked child of this process
	 * still holds the socket. */
	worker_reap(true, NULL);
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait up to ms for one message into buf (size bytes, one more than any
 * valid message); returns its length, 0 at end of file or on an error,
 * -1 on timeout. */
static ssize_t receive_reply(void *buf, size_t size, int ms)
{
	long long deadline = now_ms() + ms;
	struct pollfd p = {.fd = worker_sock, .events = POLLIN};
	int n;
	for (;;) {
		long long left = deadline - now_ms();
		n = poll(&p, 1, left > 0 ? (int)left : 0);
		if (n >= 0 || errno != EINTR)
			break;
	}
	if (n <= 0)
		return -1;
	ssize_t got;
	do
		got = recv(worker_sock, buf, size, 0);
	while (got < 0 && errno == EINTR);
	return got < 0 ? 0 : got;
}

static int budget_ms(void)
{
	return timeout_ms > 0 ? timeout_ms : (int)evidence_check_seconds() * 1000;
}

/* In the forked child: the worker program, with the socket as descriptor 3
 * and nothing else of the parent's. Only async-signal-safe calls here. */
/* The worker's environment: ours, and OpenMP (tesseract) on one thread,
 * because the sandbox lets no thread start. Made before fork: the child
 * may only exec. */
static char **worker_environment(void)
{
	extern char **environ;
	size_t n = 0;
	while (environ[n])
		n++;
	char **env = xcalloc(n + 2, sizeof(*env));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "OMP_THREAD_LIMIT=", 17) != 0)
			env[k++] = environ[i];
	env[k++] = (char *)"OMP_THREAD_LIMIT=1";
	env[k] = NULL;
	return env;
}

static void exec_worker(int sock, const char *path, unsigned ready, char **env)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL); /* kept across exec */
#endif
	/* The parent's handlers and mask must not carry over: a crash in a
	 * decoder is simply a death. */
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Its own process group: a Ctrl-C at the terminal is the wizard's to
	 * handle, and must not kill the worker under a file, which would be
	 * judged as a file that crashed the checker. It still dies with us
	 * (PR_SET_PDEATHSIG). */
	setpgid(0, 0);
	/* No terminal, no database, and no pipe a shell waits on for end of
	 * output. The socket moves out of the way first, in case the parent
	 * ran with 0-2 closed. */
	int high = fcntl(sock, F_DUPFD, 10);
	if (high < 0)
		_exit(127);
	int devnull = open("/dev/null", O_RDWR);
	if (devnull >= 0) {
		dup2(devnull, 0);
		dup2(devnull, 1);
		dup2(devnull, 2);
	}
	dup2(high, 3); /* without FD_CLOEXEC: the worker's to keep */
	close_range(4, ~0U, 0);
	char *argv[4] = {(char *)"ipwiz-worker"};
	int argc = 1;
	if (ready & EVIDENCE_READY_OCR)
		argv[argc++] = (char *)"--ocr";
	if (ready & EVIDENCE_READY_PDF)
		argv[argc++] = (char *)"--pdf";
	argv[argc] = NULL;
	execve(path, argv, env);
	_exit(127);
}

/* Fork and execute the worker; its hello is read by worker_await. */
static bool worker_spawn(unsigned ready, struct ipw_error *err)
{
	reap_dying();
	const char *path = install_worker_path();
	if (access(path, X_OK) != 0) {
		ipw_error_set(err, IPW_EENV,
			      _("The file checker %s is missing or cannot be run; install ipwiz "
				"again."),
			      path);
		return false;
	}
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
		ipw_error_set(err, IPW_EENV, _("Cannot start the file checker: %s."),
			      strerror(errno));
		return false;
	}
	int bufsize =
	    2 * (int)(sizeof(struct evidence_wire_thumb) > sizeof(struct evidence_wire_decode)
			  ? sizeof(struct evidence_wire_thumb)
			  : sizeof(struct evidence_wire_decode));
	setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &bufsize, sizeof(bufsize));
	setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &bufsize, sizeof(bufsize));
	char **env = worker_environment();
	pid_t pid = fork();
	if (pid != 0)
		free(env);
	if (pid < 0) {
		ipw_error_set(err, IPW_EENV, _("Cannot start the file checker: %s."),
			      strerror(errno));
		close(sv[0]);
		close(sv[1]);
		return false;
	}
	if (pid == 0) {
		close(sv[0]);
		exec_worker(sv[1], path, ready, env);
	}
	close(sv[1]);
	worker_pid = pid;
	worker_ready = ready;
	process_ready |= ready;
	worker_owner = getpid();
	worker_sock = sv[0];
	if (!atexit_done) {
		atexit(evidence_worker_shutdown);
		atexit_done = true;
	}
	hello_pending = true;
	return true;
}

/* The started worker's hello: it is in its sandbox, ready for requests. */
static bool worker_await(struct ipw_error *err)
{
	if (!hello_pending)
		return true;
	hello_pending = false;
	struct evidence_wire_hello hello[2];
	int ms = budget_ms() > HELLO_MS ? budget_ms() : HELLO_MS;
	ssize_t got = receive_reply(hello, sizeof(hello), ms);
	if (got <= 0 || !evidence_wire_parse_hello(hello, (size_t)got, &worker_sandbox)) {
		worker_reap(true, NULL);
		ipw_error_set(err, IPW_EENV,
			      _("Cannot load the file type database of libmagic; install the "
				"package libmagic1 (or libmagic-mgc) and try again."));
		return false;
	}
	return true;
}

void evidence_worker_prepare(unsigned ready)
{
	forget_inherited();
	if (worker_pid > 0)
		return;
	struct ipw_error ignored = {0}; /* the request that needs it will say */
	worker_spawn(process_ready | ready, &ignored);
}

static bool send_request(int fd, const struct evidence_wire_request *rq)
{
	struct iovec iov = {(void *)rq, sizeof(*rq)};
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
	return n == (ssize_t)sizeof(*rq);
}

/* One request and its reply (at most size - 1 bytes: a longer one is
 * malformed); *got is the reply's length. */
static enum evidence_worker_outcome call(int fd, uint32_t op, uint32_t format, bool read,
					 unsigned ready, uint32_t page, void *reply, size_t size,
					 ssize_t *got, struct ipw_error *err)
{
	forget_inherited(); /* the parent's worker: leave it to the parent */
	/* A worker that died between two files is replaced once, silently. */
	for (int attempt = 0; attempt < 2; attempt++) {
		if (worker_pid > 0 && waitpid(worker_pid, NULL, WNOHANG) == worker_pid) {
			worker_pid = 0;
			worker_reap(false, NULL);
		}
		/* A worker started for checks alone has no OCR models, one
		 * started for images only has no PDF engine warmed up: one that
		 * must read a scan, or decode or draw a PDF, replaces it (once
		 * per process, then every worker is ready for it). */
		/* read is OCR for a decode; for a thumbnail it asks for a PNG. */
		unsigned need =
		    (read && op == EVIDENCE_WIRE_DECODE ? EVIDENCE_READY_OCR : 0) |
		    (op != EVIDENCE_WIRE_TYPE && format == EVIDENCE_FORMAT_PDF ? EVIDENCE_READY_PDF
									       : 0);
		if (worker_pid > 0 && (need & ~worker_ready))
			worker_reap(true, NULL);
		if (worker_pid <= 0 && !worker_spawn(process_ready | need | ready, err))
			return EVIDENCE_WORKER_BROKEN;
		if (!worker_await(err))
			return EVIDENCE_WORKER_BROKEN;
		struct evidence_wire_request rq = {.magic = EVIDENCE_WIRE_MAGIC,
						   .op = op,
						   .seq = ++next_seq,
						   .format = format,
						   .read = read,
						   .page = page,
						   .seconds = evidence_check_seconds()};
		if (!send_request(fd, &rq)) {
			worker_reap(true, NULL);
			continue;
		}
		*got = receive_reply(reply, size, budget_ms());
		if (*got < 0) {
			worker_reap(true, NULL);
			return EVIDENCE_WORKER_TIMEOUT;
		}
		uint32_t head[3] = {0};
		if (*got >= (ssize_t)sizeof(head))
			memcpy(head, reply, sizeof(head));
		if (*got == 0 || head[2] != rq.seq) {
			/* Dead (its CPU budget used up is a timeout) or talking nonsense. */
			int status = 0;
			worker_reap(*got != 0, &status);
			return WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU
				   ? EVIDENCE_WORKER_TIMEOUT
				   : EVIDENCE_WORKER_CRASHED;
		}
		return EVIDENCE_WORKER_DONE;
	}
	ipw_error_set(err, IPW_EENV, _("The file checker stopped answering."));
	return EVIDENCE_WORKER_BROKEN;
}

enum evidence_worker_outcome evidence_worker_type(int fd, char *mime, size_t size, unsigned ready,
						  struct ipw_error *err)
{
	struct evidence_wire_type reply[2];
	ssize_t got = 0;
	mime[0] = '\0';
	enum evidence_worker_outcome r =
	    call(fd, EVIDENCE_WIRE_TYPE, 0, false, ready, 0, reply, sizeof(reply), &got, err);
	if (r != EVIDENCE_WORKER_DONE)
		return r;
	if (!evidence_wire_parse_type(reply, (size_t)got, mime, size)) {
		worker_reap(true, NULL);
		return EVIDENCE_WORKER_CRASHED;
	}
	return EVIDENCE_WORKER_DONE;
}

enum evidence_worker_outcome evidence_worker_decode(int fd, enum evidence_format format, bool read,
						    struct evidence_decoded *out,
						    struct ipw_error *err)
{
	size_t size = sizeof(struct evidence_wire_decode) + 1;
	void *reply = xmalloc(size);
	ssize_t got = 0;
	enum evidence_worker_outcome r =
	    call(fd, EVIDENCE_WIRE_DECODE, (uint32_t)format, read, 0, 0, reply, size, &got, err);
	if (r == EVIDENCE_WORKER_DONE && !evidence_wire_parse_decode(reply, (size_t)got, out)) {
		worker_reap(true, NULL);
		r = EVIDENCE_WORKER_CRASHED;
	}
	free(reply);
	return r;
}

enum evidence_worker_outcome evidence_worker_thumb(int fd, enum evidence_format format,
						   unsigned page, bool png,
						   struct evidence_thumb *out,
						   struct ipw_error *err)
{
	size_t size = sizeof(struct evidence_wire_thumb) + 1;
	void *reply = xmalloc(size);
	ssize_t got = 0;
	memset(out, 0, sizeof(*out));
	enum evidence_worker_outcome r =
	    call(fd, EVIDENCE_WIRE_THUMB, (uint32_t)format, png, 0, page, reply, size, &got, err);
	if (r == EVIDENCE_WORKER_DONE && !evidence_wire_parse_thumb(reply, (size_t)got, out)) {
		worker_reap(true, NULL);
		r = EVIDENCE_WORKER_CRASHED;
	}
	free(reply);
	return r;
}

pid_t evidence_worker_pid(void)
{
	return worker_pid;
}

unsigned evidence_worker_sandbox(void)
{
	return worker_pid > 0 ? worker_sandbox : 0;
}

void evidence_worker_set_timeout(int ms)
{
	timeout_ms = ms > 0 ? ms : 0;
}
