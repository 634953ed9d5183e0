/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_internal.h — the pieces of evidence_check(), one file each:
 * opening (evidence_open.c), typing with libmagic in a worker process
 * (evidence_magic.c), structure and image size (evidence_shape.c, zip
 * directories in evidence_zip.c), hashing (evidence_hash.c) and the words
 * (evidence_words.c). Tests include this header to reach the worker. */
#ifndef IPWIZ_EVIDENCE_INTERNAL_H
#define IPWIZ_EVIDENCE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "base/base.h"
#include "evidence.h"

/* Fill res with a verdict, its key and two sentences (printf-style message,
 * fix already formatted or ""). Truncates on a character boundary. */
void evidence_set(struct evidence_result *res, enum evidence_verdict v, const char *key,
		  const char *fix, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Open path for checking: stat first (no device is ever opened), then
 * open O_RDONLY|O_NONBLOCK|O_NOCTTY|O_CLOEXEC and fstat the descriptor.
 * Returns the descriptor of a regular file with *st filled, or -1 with a
 * reject verdict in res (missing, dangling link, loop, unreadable, folder,
 * pipe, device, socket). */
int evidence_open(const char *path, struct stat *st, struct evidence_result *res);

/* libmagic, run in a worker process that lives as long as this one: the
 * descriptor is passed over a socket (SCM_RIGHTS), so the worker reads the
 * same open file. A crash or hang of libmagic on a hostile file kills only
 * the worker; the next call starts a new one. */
enum evidence_magic_outcome {
	EVIDENCE_MAGIC_DONE,	/* mime holds "type/subtype" (or "" when unshaped) */
	EVIDENCE_MAGIC_CRASHED, /* the worker died on this file */
	EVIDENCE_MAGIC_TIMEOUT, /* the worker took longer than the time limit */
	EVIDENCE_MAGIC_BROKEN,	/* no worker could run: err says why */
};
enum evidence_magic_outcome evidence_magic_type(int fd, char *mime, size_t size,
						struct ipw_error *err);
/* Stop the worker (also registered with atexit). */
void evidence_magic_shutdown(void);
/* The worker's process id (0 when none), and its time limit per file. */
pid_t evidence_magic_worker(void);
void evidence_magic_set_timeout(int ms);

/* What the structure check found in an accepted format. */
enum evidence_flaw {
	EVIDENCE_FLAW_NONE,
	EVIDENCE_FLAW_TRUNCATED, /* no end marker: PDF %%EOF/startxref, JPEG EOI, PNG IEND */
	EVIDENCE_FLAW_CORRUPT,	 /* header or directory does not hold together */
	EVIDENCE_FLAW_ENCRYPTED, /* PDF with an /Encrypt dictionary */
};

struct evidence_shape {
	enum evidence_flaw flaw;
	unsigned width, height; /* 0 when not an image or unknown */
};

/* Check the structure of the format mime names, reading with pread only. */
void evidence_shape_check(int fd, uint64_t size, const char *mime, struct evidence_shape *out);

/* The office format a ZIP holds, found by its central directory: the
 * OOXML MIME type, "application/zip" for a plain archive, or NULL when the
 * directory cannot be read (truncated or not a ZIP). */
const char *evidence_zip_kind(int fd, uint64_t size);

/* Read exactly n bytes at off (pread, so no offset is shared); false on a
 * short file or an error. */
bool evidence_pread(int fd, void *buf, size_t n, uint64_t off);

/* SHA-256 of the whole file through pread; 0 or an errno value. The file
 * must still be size bytes long (a shorter read is EIO). */
int evidence_sha256(int fd, uint64_t size, char hex[65]);

/* Words: a short format name ("PDF"), the usual extension ("pdf") and
 * whether name's extension fits mime. */
const char *evidence_mime_short(const char *mime);
const char *evidence_mime_ext(const char *mime);
bool evidence_ext_fits(const char *name, const char *mime);
/* "PDF, JPEG or PNG": the accepted types, short, into buf. */
void evidence_accepted_names(const struct evidence_req *req, char *buf, size_t size);
/* "6.1 MB" into buf. */
void evidence_format_size(uint64_t bytes, char *buf, size_t size);
/* What to do with a file of type mime when the field accepts other types. */
const char *evidence_fix_for(const char *mime, const struct evidence_req *req, char *buf,
			     size_t size);

#endif
