/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence.c — one file against one requirement. The order matters: what
 * the file is (stat, kind) before opening it, its size before reading it,
 * its type by content before its content is decoded, and every step on the
 * one descriptor opened at the start, so the verdict is about the bytes that
 * were read. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "evidence_internal.h"

/* Types libmagic names differently from what flow authors write. */
static const char *canonical_mime(const char *m)
{
	if (strcmp(m, "image/x-ms-bmp") == 0)
		return "image/bmp";
	if (strcmp(m, "image/jpg") == 0 || strcmp(m, "image/pjpeg") == 0)
		return "image/jpeg";
	return m;
}

static bool accepted(const struct evidence_req *req, const char *mime)
{
	if (req->naccept == 0)
		return true;
	const char *m = canonical_mime(mime);
	for (size_t i = 0; i < req->naccept; i++) {
		const char *a = canonical_mime(req->accept[i]);
		size_t n = strlen(a);
		if (strcmp(a, m) == 0 ||
		    (n >= 2 && strcmp(a + n - 2, "/*") == 0 && strncmp(a, m, n - 1) == 0))
			return true;
	}
	return false;
}

static void reject_type(const struct evidence_req *req, struct evidence_result *res)
{
	char fix[512], names[256];
	evidence_fix_for(res->mime, req, fix, sizeof(fix));
	const char *what =
	    res->mime[0] ? evidence_mime_description(res->mime) : _("a file of an unknown kind");
	if (req->naccept == 1) {
		evidence_set(res, EVIDENCE_REJECT, "wrong-type", fix, _("This file is %s, not %s."),
			     what, evidence_mime_description(req->accept[0]));
		return;
	}
	evidence_accepted_names(req, names, sizeof(names));
	evidence_set(res, EVIDENCE_REJECT, "wrong-type", fix,
		     _("This file is %s; this field takes only %s files."), what, names);
}

static void report_size(const struct evidence_req *req, struct evidence_result *res)
{
	char have[32], limit[32];
	evidence_format_size(res->size, have, sizeof(have));
	evidence_format_size(req->max_size, limit, sizeof(limit));
	evidence_set(res, EVIDENCE_REJECT, "too-large",
		     _("Make it smaller: save the PDF again with a smaller size, scan at 200–300 "
		       "dpi, or resize the photo; or split the document into several files."),
		     _("This file is %s; this field takes at most %s."), have, limit);
}

static void report_stopped(struct evidence_result *res)
{
	evidence_set(res, EVIDENCE_ERROR, "check-failed",
		     _("Open the file yourself to see whether it is what you meant; save "
		       "it again as PDF, JPEG or PNG and attach the new copy."),
		     _("ipwiz could not check this file: the checker stopped on it (the file "
		       "may be damaged or made to attack programs)."));
}

static void report_broken(struct evidence_result *res, const struct ipw_error *err)
{
	evidence_set(res, EVIDENCE_ERROR, "check-failed",
		     _("Fix the problem above and check the file again."), "%s",
		     err ? err->msg : _("The file checker could not run."));
}

/* Viewers take a PDF whose header comes after other bytes, as long as it is
 * in the first 1024; libmagic names such a file by its first bytes. */
static bool pdf_header_within(int fd, uint64_t size)
{
	char head[1024];
	size_t n = size < sizeof(head) ? (size_t)size : sizeof(head);
	if (!evidence_pread(fd, head, n, 0))
		return false;
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(head + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

/* The type of the content: libmagic's, refined where it is known to name
 * a file by too little (Office files and plain ZIPs look alike; a PDF after
 * leading bytes is "data"). */
static void refine_type(int fd, uint64_t size, char *mime, size_t msize)
{
	bool vague =
	    strcmp(mime, "application/octet-stream") == 0 || strcmp(mime, "text/plain") == 0;
	if (strcmp(mime, "application/zip") == 0 || strcmp(mime, "application/octet-stream") == 0 ||
	    strncmp(mime, "application/vnd.openxmlformats-officedocument.", 46) == 0) {
		const char *kind = evidence_zip_kind(fd, size);
		if (kind) {
			snprintf(mime, msize, "%s", kind);
			return;
		}
	}
	if (vague && pdf_header_within(fd, size))
		snprintf(mime, msize, "application/pdf");
}

/* The formats decoded in full; the others get a structure check. */
static enum evidence_format decoded_format(const char *mime)
{
	if (strcmp(mime, "image/png") == 0)
		return EVIDENCE_FORMAT_PNG;
	if (strcmp(mime, "image/jpeg") == 0)
		return EVIDENCE_FORMAT_JPEG;
	if (strcmp(mime, "application/pdf") == 0)
		return EVIDENCE_FORMAT_PDF;
	return EVIDENCE_FORMAT_NONE;
}

/* Decode in the worker; the text goes to *text when text is not NULL. */
static int decode(int fd, const char *path, enum evidence_format format,
		  const struct evidence_req *req, struct evidence_result *res, char **text,
		  struct ipw_error *err)
{
	struct evidence_decoded *d = xmalloc(sizeof(*d));
	int r = IPW_OK;
	switch (evidence_worker_decode(fd, format, text && req->nreads > 0, d, err)) {
	case EVIDENCE_WORKER_BROKEN:
		report_broken(res, err);
		r = IPW_EENV;
		break;
	case EVIDENCE_WORKER_CRASHED:
		report_stopped(res);
		break;
	case EVIDENCE_WORKER_TIMEOUT:
		evidence_report_late(res);
		break;
	case EVIDENCE_WORKER_DONE:
		evidence_report_decoded(path, req, d, res);
		if (text && d->text_len && evidence_verdict_usable(res->verdict))
			*text = xstrdup(d->text);
		break;
	}
	free(d);
	return r;
}

/* Type, content and size verdicts, on an open regular file. Returns
 * IPW_EENV only when the checker itself could not run. */
static int judge(int fd, const char *path, const struct evidence_req *req,
		 struct evidence_result *res, char **text, struct ipw_error *err)
{
	char mime[sizeof(res->mime)];
	switch (evidence_worker_type(fd, mime, sizeof(mime), err)) {
	case EVIDENCE_WORKER_BROKEN:
		report_broken(res, err);
		return IPW_EENV;
	case EVIDENCE_WORKER_CRASHED:
		report_stopped(res);
		return IPW_OK;
	case EVIDENCE_WORKER_TIMEOUT:
		evidence_report_late(res);
		return IPW_OK;
	case EVIDENCE_WORKER_DONE:
		break;
	}
	refine_type(fd, res->size, mime, sizeof(mime));
	snprintf(res->mime, sizeof(res->mime), "%s", canonical_mime(mime));
	snprintf(res->ext, sizeof(res->ext), "%s", evidence_mime_ext(res->mime));
	if (!accepted(req, res->mime)) {
		reject_type(req, res);
		return IPW_OK;
	}
	enum evidence_format format = decoded_format(res->mime);
	if (format)
		return decode(fd, path, format, req, res, text, err);
	struct evidence_shape sh;
	evidence_shape_check(fd, res->size, res->mime, &sh);
	res->width = sh.width;
	res->height = sh.height;
	if (sh.flaw != EVIDENCE_FLAW_NONE)
		evidence_report_flaw(req, sh.flaw, res);
	else
		evidence_report_usable(path, req, NULL, NULL, res);
	return IPW_OK;
}

static void report_changed(struct evidence_result *res)
{
	evidence_set(res, EVIDENCE_ERROR, "changed-while-checking",
		     _("Wait until the download or copy has finished, then check it again."),
		     _("This file changed while ipwiz was reading it."));
}

/* Hash the bytes that were judged; a verdict survives only if the file
 * stayed the same throughout. */
static void fingerprint(int fd, struct evidence_result *res)
{
	int e = evidence_sha256(fd, res->size, res->sha256);
	struct stat after;
	if (e == EIO || fstat(fd, &after) != 0 || (uint64_t)after.st_size != res->size ||
	    after.st_mtime != res->mtime) {
		res->sha256[0] = '\0';
		report_changed(res);
	} else if (e) {
		res->sha256[0] = '\0';
		evidence_set(res, EVIDENCE_REJECT, "not-readable",
			     _("Copy the file to a local folder and attach the copy."),
			     _("This file is not readable: %s."), strerror(e));
	}
}

int evidence_check(const char *path, const struct evidence_req *req, struct evidence_result *res,
		   struct ipw_error *err)
{
	return evidence_check_text(path, req, res, NULL, err);
}

int evidence_check_text(const char *path, const struct evidence_req *req,
			struct evidence_result *res, char **text, struct ipw_error *err)
{
	memset(res, 0, sizeof(*res));
	if (text)
		*text = NULL;
	struct stat st;
	int fd = evidence_open(path, &st, res);
	if (fd < 0)
		return IPW_OK;
	res->size = (uint64_t)st.st_size;
	res->mtime = (int64_t)st.st_mtime;
	int r = IPW_OK;
	if (res->size == 0) {
		snprintf(res->mime, sizeof(res->mime), "inode/x-empty");
		evidence_set(res, EVIDENCE_REJECT, "empty",
			     _("The download or copy did not finish: get the document again and "
			       "attach the new copy."),
			     _("This file is empty (0 bytes)."));
	} else if (req->max_size && res->size > req->max_size) {
		report_size(req, res); /* nothing is read: a huge file costs nothing */
	} else {
		r = judge(fd, path, req, res, text, err);
		if (r == IPW_OK && res->verdict != EVIDENCE_ERROR)
			fingerprint(fd, res);
		if (text && *text && !evidence_verdict_usable(res->verdict)) {
			free(*text); /* the file changed while it was read */
			*text = NULL;
		}
	}
	close(fd);
	return r;
}

int evidence_rehash(const char *path, int64_t recorded_size, struct evidence_result *res,
		    struct ipw_error *err)
{
	memset(res, 0, sizeof(*res));
	struct stat st;
	int fd = evidence_open(path, &st, res);
	if (fd < 0)
		return ipw_error_set(err, IPW_EUSER, "%s", res->message);
	res->size = (uint64_t)st.st_size;
	res->mtime = (int64_t)st.st_mtime;
	if ((int64_t)st.st_size != recorded_size) {
		close(fd);
		evidence_set(res, EVIDENCE_OK, "ok", "", "%s", "");
		return IPW_OK;
	}
	int e = evidence_sha256(fd, res->size, res->sha256);
	close(fd);
	if (e) {
		res->sha256[0] = '\0';
		if (e == EIO)
			report_changed(res);
		else
			evidence_set(res, EVIDENCE_ERROR, "not-readable", "",
				     _("This file is not readable: %s."), strerror(e));
		return ipw_error_set(err, IPW_EUSER, "%s", res->message);
	}
	evidence_set(res, EVIDENCE_OK, "ok", "", "%s", "");
	return IPW_OK;
}
