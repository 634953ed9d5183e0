/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr.h — OCR of one page with tesseract, in the evidence worker.
 * The models (chi_sim, eng, ind: whichever are installed) load on first
 * use and stay loaded for the worker's life. */
#ifndef IPWIZ_EVIDENCE_OCR_H
#define IPWIZ_EVIDENCE_OCR_H

#include <stdbool.h>
#include <stddef.h>

#include "evidence_look.h"

/* The installed models (evidence_ocr_models.c: plain files, no tesseract):
 * the tessdata folder (TESSDATA_PREFIX as tesseract reads it, else
 * Debian's), whether LANG.traineddata is there, and "chi_sim+eng+ind" — the
 * ones of chi_sim, eng and ind present, in the order tesseract weighs them
 * ("" when none). */
const char *evidence_ocr_data_dir(void);
bool evidence_ocr_model_present(const char *lang);
void evidence_ocr_models(char *buf, size_t size);

/* True when ipwiz was built with tesseract and a model is installed. */
bool evidence_ocr_available(void);
/* "chi_sim+eng+ind": the models in use, "" when none. */
const char *evidence_ocr_languages(void);

/* Read the page into text (UTF-8, cut on a character boundary to size); a
 * page read without confidence is turned the way orientation detection says
 * and read again, the better reading kept.
 * *turn gets the degrees the page was turned clockwise to read it (0 when
 * upright or unsure). Returns tesseract's mean confidence 0..100, or -1
 * when nothing could be read (no OCR, bad raster). */
int evidence_ocr_page(const struct evidence_raster *r, char *text, size_t size, int *turn);

/* Free the models (the worker's end). */
void evidence_ocr_end(void);

#endif
