/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h — the package a seller takes to the platform's web form: every
 * document as text (and printable HTML) in the case's language and the
 * language the platform reviews in, copies of the evidence in upload order
 * (NN-field.ext, re-verified against the hash recorded when they were
 * checked), manifest.txt saying what to paste into which form field and what
 * to upload in which order (and manifest.json for programs), deadlines.ics,
 * SHA256SUMS (`sha256sum -c`), and optionally one zip. The directory is
 * 0700, every file 0600; it is built beside its final place and renamed into
 * it, so a refused export leaves nothing half-written. A hidden mark
 * (.ipwiz-package) lists the files written, so that --force into the same
 * folder later replaces only those. */
#ifndef IPWIZ_EXPORT_H
#define IPWIZ_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "case/case.h"

struct export_options {
	const char *out_dir; /* NULL: ipwiz-case-N in the current directory */
	bool zip;	     /* also write DIR.zip */
	/* Export despite missing answers, changed or vanished evidence, or an
	 * existing directory; every problem passed over is written to the
	 * manifest and the audit trail. */
	bool force;
};

struct export_result {
	char *dir;
	char *zip; /* NULL without opt.zip */
	size_t ndocuments, nevidence;
	char **forced; /* the problems --force passed over, one sentence each */
	size_t nforced;
	/* The contact sheet beside the package (DIR-review/index.html), for
	 * looking through before uploading; NULL, and why in sheet_problem,
	 * when it could not be written (the package stands without it). */
	char *sheet, *sheet_problem;
};

/* Write the package of the case of s. IPW_EUSER with a sentence when the
 * case is not ready, evidence changed or vanished, or the directory exists
 * (and no --force); IPW_EENV when the disk refuses. */
int export_case(struct session *s, const struct export_options *opt, struct export_result *res,
		struct ipw_error *err);
void export_result_clear(struct export_result *res);

#endif
