/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr_plugin.h — the OCR engine as the evidence worker loads it
 * (ipwiz-ocr.so, evidence_ocr_tess.c): tesseract and leptonica behind four
 * calls. It is a module of its own because tesseract brings some thirty
 * libraries (curl, GnuTLS, Kerberos, ICU, libarchive…) whose loading and
 * constructors took every worker 10 ms to start, two thirds of its start;
 * a worker that reads no scan never loads them (evidence_ocr.c loads the
 * module when the parent says scans will be read, before the sandbox).
 *
 * The module calls nothing of ipwiz's: only tesseract, leptonica and the C
 * library, so it is built on its own (position-independent) and needs no
 * part of libipwiz.a. */
#ifndef IPWIZ_EVIDENCE_OCR_PLUGIN_H
#define IPWIZ_EVIDENCE_OCR_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>

#include "evidence_look.h"

/* Raised when a call below changes: a module of another version is not
 * used (OCR is then unavailable, as without tesseract). */
#define EVIDENCE_OCR_PLUGIN_VERSION 1

struct evidence_ocr_engine; /* one loaded tesseract */

struct evidence_ocr_plugin {
	unsigned version;
	/* tesseract with the models langs ("chi_sim+eng+ind") from datadir:
	 * the LSTM reader with automatic page segmentation, or for "osd" the
	 * orientation detector (legacy engine). NULL when it cannot load. */
	struct evidence_ocr_engine *(*open)(const char *datadir, const char *langs);
	/* Read r (grey or RGB) into text (UTF-8, cut on a character boundary
	 * to size): tesseract's mean confidence 0..100, or -1. */
	int (*read)(struct evidence_ocr_engine *e, const struct evidence_raster *r, char *text,
		    size_t size);
	/* Which way r is turned: degrees counter-clockwise and the detector's
	 * confidence; false when it cannot tell. */
	bool (*orient)(struct evidence_ocr_engine *e, const struct evidence_raster *r, int *deg,
		       float *conf);
	void (*close)(struct evidence_ocr_engine *e);
};

/* The one symbol the module exports, looked up by this name. */
#define EVIDENCE_OCR_PLUGIN_SYMBOL "evidence_ocr_plugin"
const struct evidence_ocr_plugin *evidence_ocr_plugin(void);

#endif
