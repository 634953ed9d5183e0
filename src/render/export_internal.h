/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_internal.h — one export in progress, shared by export*.c. */
#ifndef IPWIZ_EXPORT_INTERNAL_H
#define IPWIZ_EXPORT_INTERNAL_H

#include "case/case.h"
#include "export.h"
#include "render.h"

/* A file written into the package, for SHA256SUMS. */
struct export_file {
	char *name;
	char sha256[65];
};

/* A document written, for the manifest. */
struct export_doc {
	const struct flow_document *doc;
	char *lang;
	char *file; /* "statement.en.txt" */
	char *html; /* "statement.en.html" */
};

/* What happened to one evidence file. */
enum export_copy { EXPORT_COPIED, EXPORT_CHANGED, EXPORT_VANISHED };

struct export_job {
	struct session *s;
	const struct export_options *opt;
	long today;
	char *dir; /* where the package ends up */
	bool
	    exists; /* dir was there already (--force): staged inside it, replaced all or nothing */
	char *stage; /* where it is built */
	struct export_file *files;
	size_t nfiles;
	struct export_doc *docs;
	size_t ndocs;
	struct render_evidence *ev;
	size_t nev;
	enum export_copy *copy; /* per evidence file */
	struct deadline_due *dl;
	size_t ndl;
	char **forced; /* what --force passed over, in the user's language */
	size_t nforced;
	char **doc_forced; /* the same in the case's, for the package's own files */
	size_t ndoc_forced;
	bool in_document; /* notes go to doc_forced */
};

/* The mark an export leaves in its folder: the files it wrote, so that a
 * later --force replaces only those (export_publish.c). Hidden, so that it
 * is not uploaded with the package; not in SHA256SUMS or the zip. */
#define EXPORT_MARKER ".ipwiz-package"

/* The error for a write the disk refused, errno e, on path. */
int export_disk_error(struct ipw_error *err, const char *path, int e);
/* Create name in the staging directory (0600, never following a link) with
 * data, not part of the package's list. */
int export_write_raw(struct export_job *j, const char *name, const char *data, size_t len,
		     struct ipw_error *err);
/* Create name in the staging directory (0600, never following a link) with
 * data, and remember its hash. */
int export_write_file(struct export_job *j, const char *name, const char *data, size_t len,
		      struct ipw_error *err);
/* Remember a file of the package (its hash filled by the caller). */
struct export_file *export_add_file(struct export_job *j, const char *name);
void export_note_forced(struct export_job *j, const char *msg);
/* The package's text speaks the case's language: i18n_document_begin with
 * it, for the making of a file's text (not its writing, whose errors are
 * the user's). End with i18n_document_end. */
char *export_document_begin(const struct export_job *j);
/* Note what --force passes over for evidence file i (changed or vanished). */
void export_note_copy(struct export_job *j, size_t i);

/* Copy every evidence file, hashing the bytes copied, and compare with the
 * hash recorded when it was checked. */
int export_copy_evidence(struct export_job *j, struct ipw_error *err);

int export_write_manifest(struct export_job *j, struct ipw_error *err);
int export_write_json(struct export_job *j, struct ipw_error *err);
int export_write_ics(struct export_job *j, struct ipw_error *err);
int export_write_sums(struct export_job *j, struct ipw_error *err);
/* The mark, listing every file of the package; written last. */
int export_write_marker(struct export_job *j, struct ipw_error *err);
/* Put the staged package into place: a new folder by one rename; an existing
 * one only when every file replaced is one an earlier export marked. */
int export_publish(struct export_job *j, struct ipw_error *err);
/* DIR.zip from the finished directory (libarchive). */
int export_write_zip(struct export_job *j, const char *zip_path, struct ipw_error *err);

void export_sha256_hex(const unsigned char digest[32], char hex[65]);

#endif
