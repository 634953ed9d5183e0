/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence.h — one file against one requirement: is it what the platform
 * will accept? Opened O_NONBLOCK, fstat'd (regular files only), size-checked
 * before reading, typed by content with libmagic, decoded in full (PNG, JPEG,
 * every page of a PDF) in a sandboxed worker process within a time budget,
 * hashed from the same descriptor. Never blocks, never trusts the file name. */
#ifndef IPWIZ_EVIDENCE_H
#define IPWIZ_EVIDENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/base.h"
#include "evidence_look.h"
#include "flow/flow.h"
#include "record/record.h"

enum {
	EVIDENCE_LOOK_PAGES = 32,	 /* pages whose look is kept in a result */
	EVIDENCE_TEXT_MAX = 32 * 1024,	 /* bytes of a PDF's text layer kept */
	EVIDENCE_MAX_PIXELS = 100000000, /* a picture larger is refused by its size */
	EVIDENCE_FINDINGS_MAX = 12	 /* findings kept in a result */
};

struct evidence_result {
	enum evidence_verdict verdict;
	char key[64];	   /* stable message key, e.g. "wrong-type", "too-large" */
	char message[512]; /* a sentence for the seller, translated */
	char fix[512];	   /* what to do, translated ("" when ok) */
	char mime[128];	   /* detected type/subtype, or "" */
	char ext[16];	   /* the right extension for the content ("pdf"), or "" */
	char sha256[65];
	uint64_t size;
	int64_t mtime;
	unsigned width, height; /* images */
	unsigned pages;		/* pages of a PDF, 1 for a decoded image, 0 when not decoded */
	unsigned nlooks;	/* looks[0..nlooks): the first EVIDENCE_LOOK_PAGES pages */
	struct evidence_look looks[EVIDENCE_LOOK_PAGES];
	char detail[192]; /* what the decoder said, untranslated ASCII ("png-crc: IDAT: CRC
			     error"), for logs and --json; "" */
	/* What a reviewer would notice (evidence_check_read): findings[0] is
	 * also the file's key/message/fix when it made an ok file a warning. */
	unsigned nfindings;
	struct evidence_finding findings[EVIDENCE_FINDINGS_MAX];
	/* What was read, per `reads:` entry, for a one-glance line. */
	unsigned nread;
	const char *read_label[EVIDENCE_FINDINGS_MAX]; /* static strings */
	enum evidence_read_state read_state[EVIDENCE_FINDINGS_MAX];
};

/* Judge the file at path against req. Always fills res; returns IPW_OK when
 * a verdict was reached (even "reject"), IPW_EENV when the checker itself
 * could not run. */
int evidence_check(const char *path, const struct evidence_req *req, struct evidence_result *res,
		   struct ipw_error *err);

/* evidence_check, and the text the file holds: the text layer of a PDF's
 * pages (UTF-8, pages separated by a form feed, at most EVIDENCE_TEXT_MAX
 * bytes). *text is NULL when there is none (an image, a scan-only PDF, a
 * rejected file); the caller frees it. */
int evidence_check_text(const char *path, const struct evidence_req *req,
			struct evidence_result *res, char **text, struct ipw_error *err);

/* What the caller remembers about files (the store, through the case
 * layer). Readings: what the worker found, so the same bytes are not
 * decoded and read again; the strings are the evidence module's own
 * (evidence_reading.c): get returns malloc'd copies and true when a reading
 * of the bytes sha256 by reader is kept; put keeps one, replacing the last
 * (it may fail silently: the file is read again next time). And the
 * findings a person acknowledged (may be NULL): true when the finding key
 * on page (0: the whole file) of those bytes was. And (may be NULL) the
 * SHA-256 the file at path had when it was last judged with this size and
 * modification time, into sha256: only a guess at what its hash will be,
 * so that a worker is started while the file is hashed when no reading of
 * those bytes is stored (a reading is used only under the hash of the
 * bytes themselves). */
struct evidence_cache {
	void *ctx;
	bool (*get)(void *ctx, const char *sha256, const char *reader, char **found, char **text);
	void (*put)(void *ctx, const char *sha256, const char *reader, const char *found,
		    const char *text);
	bool (*acknowledged)(void *ctx, const char *sha256, const char *key, unsigned page);
	bool (*recorded)(void *ctx, const char *path, uint64_t size, int64_t mtime,
			 char sha256[65]);
};

struct expr_env;
/* evidence_check, then what a reviewer would notice: the pages against the
 * field's `legible:` and, with the answers (env; NULL: none, so nothing is
 * read), the text against its `reads:` — scans are read with OCR for that.
 * Findings go in res->findings; an ok file with findings becomes a warning.
 * With a cache (NULL: none), a file whose bytes were read before is judged
 * from that reading (the verdict under this field and these answers is
 * always made afresh). */
int evidence_check_read(const char *path, const struct evidence_req *req,
			const struct expr_env *env, const struct evidence_cache *cache,
			struct evidence_result *res, struct ipw_error *err);
/* The judgement of the bytes was (a result of evidence_check_read with
 * this cache) made again, e.g. in another language, from the reading
 * stored under was->sha256 alone: nothing of the file is read, so the
 * words are about exactly the bytes was judged, even if the file changed
 * since. False (res unspecified) when the stored reading cannot give the
 * whole judgement — none is stored, it holds only the type of a decoded
 * format, or the format's structure check reads the file — or was has no
 * hash (a file not read, or changed while it was): judge the file itself
 * then. */
bool evidence_check_again(const char *path, const struct evidence_req *req,
			  const struct expr_env *env, const struct evidence_cache *cache,
			  const struct evidence_result *was, struct evidence_result *res);
/* The same judgement on a result already decoded and its text (NULL when
 * none), e.g. after the answers changed. Findings mem says were
 * acknowledged are marked so and do not make the file a warning. */
void evidence_findings_judge(const struct evidence_req *req, const struct expr_env *env,
			     const struct evidence_cache *mem, const char *text,
			     struct evidence_result *res);

/* Which of the findings is the file's own line (its key is key and it is
 * not acknowledged: evidence_findings_judge made the warning of it), so a
 * front end lists the others under that line; -1 when none is. */
int evidence_lead_finding(const struct evidence_finding *f, unsigned n, const char *key);

/* evidence_check_read of each of paths[0..n) with no answers and no store,
 * into res[i], several at once: one file checker per processor (at most
 * 4, IPWIZ_CHECK_JOBS overrides; 1 checks one file after the other).
 * started(i, ctx), when given, is called as file i is begun. Returns what
 * evidence_check_read returns, the first failure's. */
int evidence_check_many(char **paths, size_t n, const struct evidence_req *req,
			struct evidence_result *res, void (*started)(size_t i, void *ctx),
			void *ctx, struct ipw_error *err);
/* How many files evidence_check_many judges at once for that many files. */
unsigned evidence_check_jobs(size_t files);

/* The next file checked is the last for a while (a command's last file):
 * the worker process is stopped as soon as it has answered for it, so that
 * the kernel takes its memory back (an OCR worker's 190 MB: 5–7 ms) while
 * the file is hashed again and its verdict recorded, instead of at exit.
 * It is reaped at exit or before the next worker starts; a later check
 * starts one as usual. */
void evidence_worker_last_file(void);

/* The time budget of one file, in seconds: IPWIZ_CHECK_SECONDS (1 to 3600),
 * else 20. A file not judged within it is "not-checked-in-time". */
unsigned evidence_check_seconds(void);

/* Re-hash only: has the file changed since it was checked? Fills res->sha256,
 * size, mtime; returns IPW_OK, or IPW_EUSER when it is gone/unreadable. A
 * file whose size is not recorded_size has changed and is not read at all
 * (a 622-byte invoice replaced by 20 GB costs nothing): res->sha256 is then
 * empty, which matches no recorded hash. */
int evidence_rehash(const char *path, int64_t recorded_size, struct evidence_result *res,
		    struct ipw_error *err);

/* A page of a file made small for a preview or a contact sheet: RGB, 8
 * bits a channel, rows of stride bytes (rgb is the caller's to free with
 * evidence_thumb_free). page is 1-based, pages how many the file has. */
struct evidence_thumb {
	unsigned width, height;
	size_t stride;
	unsigned char *rgb;
	unsigned page, pages;
	unsigned char *png; /* the same picture as a PNG file, when asked for; or NULL */
	size_t png_len;
};
void evidence_thumb_free(struct evidence_thumb *t);
enum { EVIDENCE_THUMB_MAX = 160 }; /* pixels on the longer side */
/* Page page of the PNG, JPEG or PDF at path, decoded and made small in the
 * worker (at most EVIDENCE_THUMB_MAX pixels a side, in proportion); png:
 * also as a PNG file (made in the worker, for a contact sheet).
 * IPW_OK with out filled; IPW_EUSER (err says why) when the page cannot be
 * drawn; IPW_EENV when the checker cannot run. */
int evidence_thumb_page(const char *path, unsigned page, bool png, struct evidence_thumb *out,
			struct ipw_error *err);

/* A human name for a MIME type ("a Word document"), for messages. */
const char *evidence_mime_description(const char *mime);
/* A checked file in a line, for the wizard's view and the line mode: "a
 * PDF document · 1.2 MB · 3 pages" (and the pixels of an image); and what
 * was read against the answers, "brand found · date differs" (NULL when
 * nothing was read). The caller frees both. */
char *evidence_result_describe(const struct evidence_result *res);
char *evidence_result_reads(const struct evidence_result *res);

#endif
