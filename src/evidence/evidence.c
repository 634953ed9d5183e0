/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence.c — one file against one requirement. The order matters: what
 * the file is (stat, kind) before opening it, its size before reading it,
 * its type by content before its structure, and every step on the one
 * descriptor opened at the start, so the verdict is about the bytes that
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

/* A flaw found by the structure check: the flow says warn or reject,
 * except encryption, which a reviewer can never get past. */
static bool report_flaw(const struct evidence_req *req, const struct evidence_shape *sh,
			struct evidence_result *res)
{
	enum evidence_verdict v =
	    req->structure == EVIDENCE_POLICY_REJECT ? EVIDENCE_REJECT : EVIDENCE_WARN;
	const char *what = evidence_mime_description(res->mime);
	switch (sh->flaw) {
	case EVIDENCE_FLAW_NONE:
		return false;
	case EVIDENCE_FLAW_ENCRYPTED:
		evidence_set(res, EVIDENCE_REJECT, "encrypted",
			     _("Open it with its password and print it to a new PDF (Print → Save "
			       "as PDF), or save a copy without protection; attach the copy."),
			     _("This PDF is protected by a password or encryption; reviewers may "
			       "not be able to open it."));
		return true;
	case EVIDENCE_FLAW_TRUNCATED:
		evidence_set(res, v, "truncated",
			     _("The download or copy did not finish: get the document again (or "
			       "save it again from the program that made it) and attach the new "
			       "copy."),
			     _("This file is %s, but its end is missing (it is cut short); "
			       "reviewers may not be able to open it."),
			     what);
		return true;
	case EVIDENCE_FLAW_CORRUPT:
		break;
	}
	evidence_set(res, v, "corrupt",
		     _("Open the file yourself to see whether it shows; save it again from "
		       "the program that made it, or scan the paper again, and attach the "
		       "new copy."),
		     _("This file looks like %s, but its inside is damaged."), what);
	return true;
}

static bool report_pixels(const struct evidence_req *req, struct evidence_result *res)
{
	unsigned shortest = res->width < res->height ? res->width : res->height;
	if (!req->min_pixels || !res->width || !res->height || shortest >= req->min_pixels)
		return false;
	evidence_set(res, EVIDENCE_REJECT, "too-small-image",
		     _("Attach the original photo or scan (not a thumbnail, a preview or a "
		       "chat-app copy)."),
		     _("This image is only %u × %u pixels; reviewers need at least %u pixels "
		       "on its shorter side to read it."),
		     res->width, res->height, req->min_pixels);
	return true;
}

/* Warnings for a file that is otherwise fine; the first one found is kept. */
static void report_ok(const char *path, const struct evidence_req *req, struct evidence_result *res)
{
	char have[32], limit[32];
	evidence_format_size(res->size, have, sizeof(have));
	if (!evidence_ext_fits(path, res->mime)) {
		char fix[256];
		snprintf(fix, sizeof(fix),
			 _("Nothing to do here: the export names it correctly. If you upload it "
			   "yourself, rename it to end in .%s first."),
			 res->ext);
		evidence_set(res, EVIDENCE_WARN, "wrong-extension", fix,
			     _("This file is %s, but its name does not end in .%s; some upload "
			       "pages refuse it for that."),
			     evidence_mime_description(res->mime), res->ext);
	} else if (req->warn_size && res->size > req->warn_size) {
		evidence_format_size(req->warn_size, limit, sizeof(limit));
		evidence_set(res, EVIDENCE_WARN, "large",
			     _("If the upload fails, make it smaller: save the PDF again with a "
			       "smaller size, or resize the photo."),
			     _("This file is %s; upload pages often refuse files over %s."), have,
			     limit);
	} else if (res->width && res->height) {
		evidence_set(res, EVIDENCE_OK, "ok", "", _("This is %s of %s (%u × %u pixels)."),
			     evidence_mime_description(res->mime), have, res->width, res->height);
	} else {
		evidence_set(res, EVIDENCE_OK, "ok", "", _("This is %s of %s."),
			     evidence_mime_description(res->mime), have);
	}
}

/* Type, structure and size verdicts, on an open regular file. Returns
 * IPW_EENV only when the checker itself could not run. */
static int judge(int fd, const char *path, const struct evidence_req *req,
		 struct evidence_result *res, struct ipw_error *err)
{
	char mime[sizeof(res->mime)];
	switch (evidence_magic_type(fd, mime, sizeof(mime), err)) {
	case EVIDENCE_MAGIC_BROKEN:
		evidence_set(res, EVIDENCE_ERROR, "check-failed",
			     _("Fix the problem above and check the file again."), "%s",
			     err ? err->msg : _("The file checker could not run."));
		return IPW_EENV;
	case EVIDENCE_MAGIC_CRASHED:
	case EVIDENCE_MAGIC_TIMEOUT:
		evidence_set(res, EVIDENCE_ERROR, "check-failed",
			     _("Open the file yourself to see whether it is what you meant; save "
			       "it again as PDF, JPEG or PNG and attach the new copy."),
			     _("ipwiz could not check this file: the type checker stopped on it "
			       "(the file may be damaged or made to attack programs)."));
		return IPW_OK;
	case EVIDENCE_MAGIC_DONE:
		break;
	}
	/* Office files and plain ZIPs look alike to libmagic: the directory tells. */
	if (strcmp(mime, "application/zip") == 0 || strcmp(mime, "application/octet-stream") == 0 ||
	    strncmp(mime, "application/vnd.openxmlformats-officedocument.", 46) == 0) {
		const char *kind = evidence_zip_kind(fd, res->size);
		if (kind)
			snprintf(mime, sizeof(mime), "%s", kind);
	}
	snprintf(res->mime, sizeof(res->mime), "%s", canonical_mime(mime));
	snprintf(res->ext, sizeof(res->ext), "%s", evidence_mime_ext(res->mime));
	if (!accepted(req, res->mime)) {
		reject_type(req, res);
		return IPW_OK;
	}
	struct evidence_shape sh;
	evidence_shape_check(fd, res->size, res->mime, &sh);
	res->width = sh.width;
	res->height = sh.height;
	if (!report_flaw(req, &sh, res) && !report_pixels(req, res))
		report_ok(path, req, res);
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
	memset(res, 0, sizeof(*res));
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
		r = judge(fd, path, req, res, err);
		if (r == IPW_OK && res->verdict != EVIDENCE_ERROR)
			fingerprint(fd, res);
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
