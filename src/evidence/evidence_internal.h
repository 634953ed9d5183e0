/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_internal.h — the pieces of evidence_check(), one file each:
 * opening (evidence_open.c); the worker process (evidence_worker.c, its
 * sandbox evidence_sandbox.c, its messages evidence_wire.c) that types with
 * libmagic (evidence_magic.c) and decodes PNG, JPEG and PDF
 * (evidence_decode*.c); the verdicts of a decode (evidence_report.c); the
 * structure of the other formats (evidence_shape.c, zip directories in
 * evidence_zip.c); hashing (evidence_hash.c) and the words
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

/* The worker process (evidence_worker.c): libmagic and the decoders run
 * there, never in the wizard. The descriptor is passed over a socket
 * (SCM_RIGHTS), so the worker reads the same open file. A crash or hang on a
 * hostile file kills only the worker; the next call starts a new one. */
enum evidence_worker_outcome {
	EVIDENCE_WORKER_DONE,	 /* the answer is filled in */
	EVIDENCE_WORKER_CRASHED, /* the worker died on this file */
	EVIDENCE_WORKER_TIMEOUT, /* the file took longer than its budget */
	EVIDENCE_WORKER_BROKEN,	 /* no worker could run: err says why */
};

/* The formats the worker decodes. */
enum evidence_format {
	EVIDENCE_FORMAT_NONE, /* not decoded: a structure check instead */
	EVIDENCE_FORMAT_PNG,
	EVIDENCE_FORMAT_JPEG,
	EVIDENCE_FORMAT_PDF
};

/* What decoding found, mildest first. */
enum evidence_damage {
	EVIDENCE_DAMAGE_NONE,	     /* decoded cleanly */
	EVIDENCE_DAMAGE_REPAIRED,    /* faults every viewer repairs without a word */
	EVIDENCE_DAMAGE_LOST,	     /* content lost: part of the picture, or page bad_page */
	EVIDENCE_DAMAGE_TRUNCATED,   /* the end is missing, and content with it */
	EVIDENCE_DAMAGE_UNREADABLE,  /* viewers cannot open it at all */
	EVIDENCE_DAMAGE_UNSUPPORTED, /* a rare form of the format ordinary viewers do not show */
	EVIDENCE_DAMAGE_PASSWORD,    /* a PDF that opens only with a password */
	EVIDENCE_DAMAGE_TOO_BIG,     /* more pixels than EVIDENCE_MAX_PIXELS: not decoded */
	EVIDENCE_DAMAGE_COUNT
};

/* A PDF's owner restrictions (it opens without a password). */
enum {
	EVIDENCE_PDF_NO_PRINT = 1,
	EVIDENCE_PDF_NO_COPY = 2,
	EVIDENCE_PDF_NO_EDIT = 4,
	EVIDENCE_PDF_RESTRICTIONS = 7
};

/* The worker's answer to a decode, as the parent has validated it. */
struct evidence_decoded {
	enum evidence_damage damage;
	char key[32];		/* the decoder's word for the fault ("png-crc"), [a-z0-9-] */
	char detail[128];	/* the library's words, printable ASCII */
	unsigned pages;		/* pages (1 for an image) */
	unsigned bad_page;	/* 1-based page of the fault, 0 = the whole file */
	unsigned width, height; /* an image's pixels */
	unsigned restrictions;	/* EVIDENCE_PDF_* */
	unsigned nlooks;
	struct evidence_look looks[EVIDENCE_LOOK_PAGES];
	size_t text_len; /* text[0..text_len) is valid UTF-8 without NUL; text[text_len] = 0 */
	char text[EVIDENCE_TEXT_MAX + 1];
};

/* What a worker is made ready for when it starts, before its sandbox:
 * reading scans (the OCR models, 60 MB and a sixth of a second) and PDFs
 * (poppler's global tables and fontconfig, drawn once on a sample page).
 * A worker is asked to decode or draw a PDF only when it warmed poppler
 * up, and to read a scan only when it loaded the models: one without is
 * replaced, and every later worker of the process is made ready for it too. */
enum { EVIDENCE_READY_OCR = 1, EVIDENCE_READY_PDF = 2 };
/* Type fd with libmagic in the worker: mime gets "type/subtype" (or "").
 * ready: what may come next (EVIDENCE_READY_*: the file's text will be read,
 * the field takes PDFs), so that a worker started now is ready for it (one
 * start instead of two). */
enum evidence_worker_outcome evidence_worker_type(int fd, char *mime, size_t size, unsigned ready,
						  struct ipw_error *err);
/* Decode fd fully as format in the worker, within the file's budget; read:
 * OCR the pages that have no text layer (it costs about half a second a page). */
enum evidence_worker_outcome evidence_worker_decode(int fd, enum evidence_format format, bool read,
						    struct evidence_decoded *out,
						    struct ipw_error *err);
/* The decoded format of fd's content, typed as a check types it (NONE for
 * any other type). */
enum { EVIDENCE_WIRE_MIME_SIZE = 128 };
enum evidence_worker_outcome evidence_format_of(int fd, uint64_t size, enum evidence_format *format,
						struct ipw_error *err);
/* Page page of fd as format, made small in the worker (out->rgb NULL when
 * the page cannot be drawn). */
struct evidence_thumb;
enum evidence_worker_outcome evidence_worker_thumb(int fd, enum evidence_format format,
						   unsigned page, bool png,
						   struct evidence_thumb *out,
						   struct ipw_error *err);
/* Start a worker ready for what may come (EVIDENCE_READY_*) without
 * waiting for it, when none is running: it loads its libraries and models
 * while the parent does something else (hashes the file), and the first
 * request waits for it to be in its sandbox. A worker that cannot start
 * is reported by that request. */
void evidence_worker_prepare(unsigned ready);
/* The worker has answered all it will for the file being checked: let go
 * when evidence_worker_last_file said it was the last. */
void evidence_worker_file_done(void);
/* Stop the worker (also registered with atexit). */
void evidence_worker_shutdown(void);
/* The worker's process id (0 when none); its wall-clock limit per file in
 * ms (0: the check budget, evidence_check_seconds()). */
pid_t evidence_worker_pid(void);
void evidence_worker_set_timeout(int ms);
/* What confines the running worker: EVIDENCE_SANDBOX_* bits (0 when none
 * runs). */
enum { EVIDENCE_SANDBOX_SECCOMP = 1, EVIDENCE_SANDBOX_LANDLOCK = 2 };
unsigned evidence_worker_sandbox(void);

/* What the structure check found in an accepted format that is not
 * decoded (GIF, BMP, Office files). */
enum evidence_flaw {
	EVIDENCE_FLAW_NONE,
	EVIDENCE_FLAW_TRUNCATED, /* no end: GIF trailer, BMP size, ZIP directory */
	EVIDENCE_FLAW_CORRUPT,	 /* header does not hold together */
};

struct evidence_shape {
	enum evidence_flaw flaw;
	unsigned width, height; /* 0 when not an image or unknown */
};

/* Check the structure of the format mime names, reading with pread only
 * (PNG, JPEG and PDF are decoded instead: nothing is checked here). */
void evidence_shape_check(int fd, uint64_t size, const char *mime, struct evidence_shape *out);

/* Verdicts in the seller's words (evidence_report.c): of a decode; of a
 * file whose check did not end within its budget; of a structure flaw; of
 * a file that can be used (the name, the size, the pixels; note, with its
 * key, is added to the "ok" sentence, e.g. that it was repaired). */
void evidence_report_decoded(const char *path, const struct evidence_req *req,
			     const struct evidence_decoded *d, struct evidence_result *res);
void evidence_report_late(struct evidence_result *res);
void evidence_report_flaw(const struct evidence_req *req, enum evidence_flaw flaw,
			  struct evidence_result *res);
void evidence_report_usable(const char *path, const struct evidence_req *req, const char *note_key,
			    const char *note, struct evidence_result *res);

/* Stored readings (evidence_reading.c): the identity of the reader this
 * program is, with OCR or without; a reading as the "found" string kept
 * with its text (d NULL: typed, not decoded); and a kept reading parsed
 * back as untrusted input — false when it is not one this program wrote
 * (*decoded false: only the type was kept). */
void evidence_reader_id(bool read, char *buf, size_t size);
char *evidence_reading_encode(const char *mime, const struct evidence_decoded *d);
bool evidence_reading_parse(const char *found, const char *text, char *mime, size_t msize,
			    struct evidence_decoded *d, bool *decoded);

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
