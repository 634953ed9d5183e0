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

/* One check's dealings with the caller's store of readings: what was
 * found for these bytes before, and what this check learnt that is worth
 * keeping. */
struct reading {
	const struct evidence_cache *cache; /* NULL: none */
	bool want_read;			    /* the field's text is read: scans need OCR */
	unsigned ready;			    /* EVIDENCE_READY_* for a worker started now */
	char sha256[65];		    /* of the bytes, hashed before anything else */
	bool hit, hit_decoded;		    /* a stored reading, with the decoders' findings */
	bool found_early;		    /* looked up under the hash last recorded */
	bool typed, decoded;		    /* this check ran the worker: to be stored */
	char mime[sizeof(((struct evidence_result *)0)->mime)];
	struct evidence_decoded *d;
};

/* The decoders' findings (from the worker or a stored reading) as the
 * verdict; the text goes to *text when text is not NULL. */
static void use_decoded(const char *path, const struct evidence_req *req,
			const struct evidence_decoded *d, struct evidence_result *res, char **text)
{
	evidence_report_decoded(path, req, d, res);
	if (text && d->text_len && evidence_verdict_usable(res->verdict))
		*text = xstrdup(d->text);
}

/* Decode in the worker. */
static int decode(int fd, const char *path, enum evidence_format format,
		  const struct evidence_req *req, struct evidence_result *res, char **text,
		  struct reading *rd, struct ipw_error *err)
{
	if (rd->hit_decoded) {
		use_decoded(path, req, rd->d, res, text);
		return IPW_OK;
	}
	int r = IPW_OK;
	switch (evidence_worker_decode(fd, format, rd->want_read, rd->d, err)) {
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
		rd->decoded = true;
		use_decoded(path, req, rd->d, res, text);
		break;
	}
	return r;
}

/* The type by content: the stored reading's, else libmagic's in the worker,
 * refined. Returns false when there is no verdict on the type (res says why). */
static bool content_type(int fd, struct evidence_result *res, struct reading *rd,
			 struct ipw_error *err, int *r)
{
	*r = IPW_OK;
	if (rd->hit)
		return true;
	switch (evidence_worker_type(fd, rd->mime, sizeof(rd->mime), rd->ready, err)) {
	case EVIDENCE_WORKER_BROKEN:
		report_broken(res, err);
		*r = IPW_EENV;
		return false;
	case EVIDENCE_WORKER_CRASHED:
		report_stopped(res);
		return false;
	case EVIDENCE_WORKER_TIMEOUT:
		evidence_report_late(res);
		return false;
	case EVIDENCE_WORKER_DONE:
		break;
	}
	refine_type(fd, res->size, rd->mime, sizeof(rd->mime));
	const char *canon = canonical_mime(rd->mime);
	if (canon != rd->mime)
		snprintf(rd->mime, sizeof(rd->mime), "%s", canon);
	rd->typed = true;
	return true;
}

enum evidence_worker_outcome evidence_format_of(int fd, uint64_t size, enum evidence_format *format,
						struct ipw_error *err)
{
	char mime[EVIDENCE_WIRE_MIME_SIZE];
	*format = EVIDENCE_FORMAT_NONE;
	/* A page to draw: a worker started now warms poppler up, as most
	 * previews are of PDFs. */
	enum evidence_worker_outcome r =
	    evidence_worker_type(fd, mime, sizeof(mime), EVIDENCE_READY_PDF, err);
	if (r == EVIDENCE_WORKER_DONE) {
		refine_type(fd, size, mime, sizeof(mime));
		*format = decoded_format(canonical_mime(mime));
	}
	return r;
}

/* Type, content and size verdicts, on an open regular file. Returns
 * IPW_EENV only when the checker itself could not run. */
static int judge(int fd, const char *path, const struct evidence_req *req,
		 struct evidence_result *res, char **text, struct reading *rd,
		 struct ipw_error *err)
{
	int r;
	if (!content_type(fd, res, rd, err, &r))
		return r;
	snprintf(res->mime, sizeof(res->mime), "%s", rd->mime);
	snprintf(res->ext, sizeof(res->ext), "%s", evidence_mime_ext(res->mime));
	if (!accepted(req, res->mime)) {
		reject_type(req, res);
		return IPW_OK;
	}
	enum evidence_format format = decoded_format(res->mime);
	if (format)
		return decode(fd, path, format, req, res, text, rd, err);
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

/* A stored reading of the bytes hashed rd->sha256: by the reader this
 * check needs, or — when the text is not read — by either (a reading with
 * OCR holds all a plain one does). */
static void reading_find(struct reading *rd)
{
	for (int ocr = rd->want_read; ocr <= 1 && !rd->hit; ocr++) {
		char id[160];
		evidence_reader_id(ocr, id, sizeof(id));
		char *found = NULL, *text = NULL;
		if (rd->cache->get(rd->cache->ctx, rd->sha256, id, &found, &text))
			rd->hit = evidence_reading_parse(found, text, rd->mime, sizeof(rd->mime),
							 rd->d, &rd->hit_decoded);
		free(found);
		free(text);
	}
}

/* Before the bytes are hashed (a 13 MB scan takes 10 ms): the stored
 * reading under the hash the file had when last recorded at this size and
 * time, which is the likely one; and when there is none, a worker started
 * now, so that it loads its libraries and models meanwhile. A guess only:
 * reading_look_up keeps what it found only if the bytes hash the same. A
 * file never recorded starts one too, for nothing when the same bytes
 * were read under another name (the worker then waits for the next file). */
static void reading_expect(const char *path, uint64_t size, int64_t mtime, struct reading *rd)
{
	if (!rd->cache)
		return;
	if (rd->cache->recorded &&
	    rd->cache->recorded(rd->cache->ctx, path, size, mtime, rd->sha256) && rd->sha256[0]) {
		rd->sha256[sizeof(rd->sha256) - 1] = '\0';
		reading_find(rd);
		rd->found_early = true;
	}
	if (!rd->hit)
		evidence_worker_prepare(rd->ready);
}

/* What reading_expect found, forgotten: it was under other bytes' hash. */
static void reading_forget(struct reading *rd)
{
	rd->hit = rd->hit_decoded = rd->found_early = false;
	rd->mime[0] = '\0';
	memset(rd->d, 0, sizeof(*rd->d));
}

/* The bytes hashed first, from the descriptor that is judged, and their
 * stored reading. */
static void reading_look_up(int fd, uint64_t size, struct reading *rd)
{
	char sha256[sizeof(rd->sha256)];
	if (!rd->cache || evidence_sha256(fd, size, sha256) != 0) {
		reading_forget(rd);
		rd->sha256[0] = '\0';
		rd->cache = NULL;
		return;
	}
	if (rd->found_early && strcmp(sha256, rd->sha256) == 0)
		return; /* looked up under this hash already */
	reading_forget(rd);
	memcpy(rd->sha256, sha256, sizeof(rd->sha256));
	reading_find(rd);
}

/* Keep what the worker found, when the bytes judged are the bytes hashed. */
static void reading_keep(const struct reading *rd, const struct evidence_result *res)
{
	if (!rd->cache || !(rd->typed || rd->decoded) || strcmp(res->sha256, rd->sha256) != 0)
		return;
	char id[160];
	evidence_reader_id(rd->want_read, id, sizeof(id));
	char *found = evidence_reading_encode(rd->mime, rd->decoded ? rd->d : NULL);
	rd->cache->put(rd->cache->ctx, rd->sha256, id, found, rd->decoded ? rd->d->text : "");
	free(found);
}

/* A verdict from a stored reading stands if the file was not touched
 * since it was hashed (nothing else of it was read). */
static void still_the_same(int fd, const struct reading *rd, struct evidence_result *res)
{
	struct stat after;
	memcpy(res->sha256, rd->sha256, sizeof(res->sha256));
	if (fstat(fd, &after) != 0 || (uint64_t)after.st_size != res->size ||
	    after.st_mtime != res->mtime) {
		res->sha256[0] = '\0';
		report_changed(res);
	}
}

static int check_one(const char *path, const struct evidence_req *req,
		     const struct evidence_cache *cache, struct evidence_result *res, char **text,
		     struct ipw_error *err)
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
		struct reading rd = {.cache = cache,
				     .want_read = text && req->nreads > 0,
				     .d = xmalloc(sizeof(struct evidence_decoded))};
		rd.ready = (rd.want_read ? EVIDENCE_READY_OCR : 0) |
			   (accepted(req, "application/pdf") ? EVIDENCE_READY_PDF : 0);
		reading_expect(path, res->size, res->mtime, &rd);
		reading_look_up(fd, res->size, &rd);
		r = judge(fd, path, req, res, text, &rd, err);
		evidence_worker_file_done(); /* before the bytes are hashed again */
		if (r == IPW_OK && res->verdict != EVIDENCE_ERROR) {
			if (rd.hit)
				still_the_same(fd, &rd, res);
			else
				fingerprint(fd, res);
			reading_keep(&rd, res);
		}
		free(rd.d);
		if (text && *text && !evidence_verdict_usable(res->verdict)) {
			free(*text); /* the file changed while it was read */
			*text = NULL;
		}
	}
	close(fd);
	return r;
}

static int check_file(const char *path, const struct evidence_req *req,
		      const struct evidence_cache *cache, struct evidence_result *res, char **text,
		      struct ipw_error *err)
{
	int r = check_one(path, req, cache, res, text, err);
	evidence_worker_file_done(); /* also when nothing was read */
	return r;
}

int evidence_check(const char *path, const struct evidence_req *req, struct evidence_result *res,
		   struct ipw_error *err)
{
	return check_file(path, req, NULL, res, NULL, err);
}

int evidence_check_text(const char *path, const struct evidence_req *req,
			struct evidence_result *res, char **text, struct ipw_error *err)
{
	return check_file(path, req, NULL, res, text, err);
}

int evidence_check_read(const char *path, const struct evidence_req *req,
			const struct expr_env *env, const struct evidence_cache *cache,
			struct evidence_result *res, struct ipw_error *err)
{
	char *text = NULL;
	int r = check_file(path, req, cache, res, env && req->nreads ? &text : NULL, err);
	if (r == IPW_OK)
		evidence_findings_judge(req, env, cache, text, res);
	free(text);
	return r;
}

/* Whether the stored reading answers everything judge() asks, so that it
 * never touches the file: the type, and for a decoded format the
 * decoders' findings (a reading of the type alone sends the file to the
 * worker; the other formats' structure check reads the file). */
static bool reading_suffices(const struct evidence_req *req, const struct reading *rd)
{
	if (!rd->hit)
		return false;
	if (!accepted(req, rd->mime))
		return true;
	return decoded_format(rd->mime) != EVIDENCE_FORMAT_NONE && rd->hit_decoded;
}

bool evidence_check_again(const char *path, const struct evidence_req *req,
			  const struct expr_env *env, const struct evidence_cache *cache,
			  const struct evidence_result *was, struct evidence_result *res)
{
	memset(res, 0, sizeof(*res));
	if (!cache || !was->sha256[0] || was->verdict == EVIDENCE_ERROR)
		return false;
	bool reads = env && req->nreads;
	struct reading rd = {
	    .cache = cache, .want_read = reads, .d = xmalloc(sizeof(struct evidence_decoded))};
	memcpy(rd.sha256, was->sha256, sizeof(rd.sha256));
	reading_find(&rd);
	bool ok = reading_suffices(req, &rd);
	char *text = NULL;
	if (ok) {
		res->size = was->size;
		res->mtime = was->mtime;
		struct ipw_error err = {0};
		judge(-1, path, req, res, reads ? &text : NULL, &rd, &err);
		memcpy(res->sha256, rd.sha256, sizeof(res->sha256));
		evidence_findings_judge(req, env, cache, text, res);
	}
	free(text);
	free(rd.d);
	return ok;
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
