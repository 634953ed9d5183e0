/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_serve.c — the worker program, ipwiz-worker: started by ipwiz
 * (evidence_worker.c) with its socket as descriptor 3, it loads libmagic
 * and the decoders (with --pdf, draws a first page so fonts and caches are
 * read; with --ocr, loads the OCR models), enters
 * its sandbox (evidence_sandbox.c) and answers one request at a time — TYPE
 * or DECODE, each with the file's descriptor — with one fixed-size message
 * (evidence_wire.h), until the socket closes. It is its own program so that
 * the wizard links none of these libraries (and stays small), and the
 * worker holds none of the wizard's memory. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "evidence_decode.h"
#include "evidence_internal.h"
#include "evidence_ocr.h"
#include "evidence_wire.h"
#include "evidence_worker.h"

/* Receive one request and its descriptor: the descriptor, -1 at end of
 * requests, -2 for a request without one. */
static int worker_receive(int sock, struct evidence_wire_request *rq)
{
	struct iovec iov = {rq, sizeof(*rq)};
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
	if (n != (ssize_t)sizeof(*rq) || rq->magic != EVIDENCE_WIRE_MAGIC) {
		close(fd);
		return -2;
	}
	return fd;
}

static bool worker_send(int sock, const void *msg, size_t n)
{
	ssize_t sent;
	do
		sent = send(sock, msg, n, MSG_NOSIGNAL);
	while (sent < 0 && errno == EINTR);
	return sent == (ssize_t)n;
}

static void worker_serve(int sock, void *magic, bool pdf)
{
	static struct evidence_decoded decoded;
	static struct evidence_wire_decode reply;
	for (;;) {
		struct evidence_wire_request rq;
		int fd = worker_receive(sock, &rq);
		if (fd == -1)
			return;
		evidence_sandbox_cpu(rq.seconds ? rq.seconds : 20);
		/* poppler met for the first time inside the sandbox would find
		 * its fonts and tables only in part: a PDF for a worker that did
		 * not warm it up ends the worker (the parent never sends one). */
		if (fd >= 0 && !pdf && rq.format == EVIDENCE_FORMAT_PDF &&
		    (rq.op == EVIDENCE_WIRE_DECODE || rq.op == EVIDENCE_WIRE_THUMB)) {
			close(fd);
			return;
		}
		if (fd >= 0 && rq.op == EVIDENCE_WIRE_THUMB) {
			static struct evidence_wire_thumb thumb;
			evidence_decode_thumb(fd, (enum evidence_format)rq.format, rq.page,
					      rq.read == 1, &thumb);
			thumb.seq = rq.seq;
			close(fd);
			if (!worker_send(sock, &thumb, sizeof(thumb)))
				return;
			continue;
		}
		if (fd >= 0 && rq.op == EVIDENCE_WIRE_DECODE) {
			evidence_decode_file(fd, (enum evidence_format)rq.format, rq.read == 1,
					     &decoded);
			evidence_wire_encode_decode(&decoded, &reply);
			reply.seq = rq.seq;
			close(fd);
			if (!worker_send(sock, &reply, sizeof(reply)))
				return;
			continue;
		}
		struct evidence_wire_type t = {
		    .magic = EVIDENCE_WIRE_MAGIC, .op = EVIDENCE_WIRE_TYPE, .seq = rq.seq};
		if (fd >= 0) {
			t.ok = evidence_magic_describe(magic, fd, t.mime, sizeof(t.mime));
			close(fd);
		}
		if (!worker_send(sock, &t, sizeof(t)))
			return;
	}
}

int main(int argc, char **argv)
{
	/* --ocr: the parent will ask for scans to be read, so the models are
	 * loaded now, before the sandbox (they are 60 MB and take a sixth of a
	 * second: a worker for checks alone does without). The orientation
	 * model waits for a page read without confidence (evidence_ocr.c).
	 * --pdf: it may ask for PDFs, so poppler and fontconfig are warmed up
	 * (a tenth of the start of a worker without models); it asks no worker
	 * without it to decode or draw one (evidence_worker.c). */
	bool ocr = false, pdf = false;
	for (int i = 1; i < argc; i++) {
		ocr = ocr || strcmp(argv[i], "--ocr") == 0;
		pdf = pdf || strcmp(argv[i], "--pdf") == 0;
	}
	int sock = 3; /* set up by the parent (evidence_worker.c) */
	struct stat st;
	if (fstat(sock, &st) != 0 || !S_ISSOCK(st.st_mode))
		return 2; /* not started by ipwiz */
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() == 1)
		return 1; /* the parent is already gone */
#endif
	signal(SIGPIPE, SIG_IGN);
	/* Nothing of the user's: no ~/.magic, no ~/.fonts.conf. */
	unsetenv("HOME");
	void *magic = evidence_magic_load();
	evidence_sandbox_limits();
	if (magic && pdf)
		evidence_decode_warm_up();
	if (magic && ocr)
		evidence_ocr_available();
	struct evidence_wire_hello hello = {.magic = EVIDENCE_WIRE_MAGIC,
					    .op = EVIDENCE_WIRE_HELLO,
					    .ok = magic != NULL,
					    .sandbox = magic ? evidence_sandbox_enter() : 0};
	if (worker_send(sock, &hello, sizeof(hello)) && magic)
		worker_serve(sock, magic, pdf);
	evidence_ocr_end();
	return 0;
}
