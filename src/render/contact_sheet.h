/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contact_sheet.h — one HTML page an offline reviewer can look through:
 * every file, its verdict, its findings and a thumbnail of each page. The
 * page is self-contained (no script, no link outside the folder, a strict
 * Content-Security-Policy); every value in it is escaped. The caller writes
 * the page and the thumbnails (the export into its package, `ipwiz check
 * --report` into a folder of its own). */
#ifndef IPWIZ_CONTACT_SHEET_H
#define IPWIZ_CONTACT_SHEET_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "evidence/evidence.h"

struct sheet_read {
	const char *label; /* "buyer", translated */
	enum evidence_read_state state;
};

struct sheet_file {
	const char *group;     /* the field's label, or "" */
	const char *name;      /* the file's name as the package or folder has it */
	const char *verdict;   /* "ok", "warn", "reject", "error" */
	const char *message;   /* the verdict's sentence */
	const char *fix;       /* what to do, or "" */
	const char *described; /* "PDF, 3 pages, 1.2 MB", or "" */
	const struct evidence_finding *findings;
	const char *const *acked; /* per finding: "li, 2026-12-03" or NULL */
	size_t nfindings;
	const struct sheet_read *reads;
	size_t nreads;
	const char *const *thumbs; /* file names of the page thumbnails, relative */
	size_t nthumbs;
};

/* Append the page to out. */
void contact_sheet_html(struct strbuf *out, const char *title, const char *lang,
			const struct sheet_file *files, size_t n);

/* One file for contact_sheet_write: its group (the field's label, or ""),
 * the name shown, where it is (its pages are drawn from it), its verdict
 * and findings, and per finding who acknowledged it (NULL: nobody). */
struct sheet_source {
	const char *group, *name, *path;
	const struct evidence_result *res;
	const char *const *acked;
};
/* Write dir/index.html and a PNG of each of the first pages of every
 * usable file into dir, made private (0700; an existing folder must be
 * the user's and writable by nobody else). */
int contact_sheet_write(const char *dir, const char *title, const char *lang,
			const struct sheet_source *src, size_t n, struct ipw_error *err);

/* The words for a reading state ("found", "not found", "differs"). */
const char *contact_sheet_state(enum evidence_read_state s);

#endif
