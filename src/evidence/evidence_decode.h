/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_decode.h — the decoders, in the worker process only: each reads
 * one format in full with the library made for it (libpng, libjpeg-turbo,
 * poppler-glib with cairo), reports the worst fault it met as a viewer would
 * judge it, and hands every decoded image or rendered page to the sink
 * (evidence_decode.c), which passes it on to worker_page_seen. */
#ifndef IPWIZ_EVIDENCE_DECODE_H
#define IPWIZ_EVIDENCE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "evidence_internal.h"
#include "evidence_look.h"

enum {
	DECODE_RASTER_MAX = 40000000, /* pixels of a raster handed on; larger ones are shrunk */
	DECODE_PDF_DPI = 150,	      /* a PDF page is rendered at this resolution … */
	DECODE_PAGE_PIXELS = 8000000, /* … or less, so that it has at most this many pixels */
};

/* Where a decoder puts what it found. */
struct evidence_decode_sink {
	struct evidence_decoded *out;
	unsigned long long max_pixels; /* EVIDENCE_MAX_PIXELS, or less in tests */
	bool read;		       /* OCR the pages that have no text layer */
	bool page_has_text;	       /* the page being decoded has a text layer */
	/* The resolution the page being handed on is judged at when its
	 * raster was made smaller than the page for the measures alone
	 * (evidence_decode_reduce); 0: the raster's own. */
	double page_dpi;
	unsigned ocr_page; /* the last page whose text came from OCR */
	/* A preview (evidence_decode_thumb): only this page is drawn, into
	 * thumb, and nothing is measured or read. 0: every page, a check. */
	unsigned only_page;
	struct evidence_wire_thumb *thumb;
};

/* Start a decode: out cleared. */
void evidence_decode_begin(struct evidence_decode_sink *s, struct evidence_decoded *out);

/* Decode fd as format; out gets the outcome. read: OCR what has no text. */
void evidence_decode_file(int fd, enum evidence_format format, bool read,
			  struct evidence_decoded *out);

/* Decode fd as format for page page's preview: thumb gets it made small
 * (ok 0 when there is no such page or it cannot be drawn). */
struct evidence_wire_thumb;
void evidence_decode_thumb(int fd, enum evidence_format format, unsigned page, bool png,
			   struct evidence_wire_thumb *thumb);
/* width×height RGB rows as a PNG file into out (at most max bytes); its
 * length, or 0 when it does not fit or libpng fails. */
size_t evidence_png_encode(const unsigned char *rgb, unsigned width, unsigned height,
			   unsigned char *out, size_t max);

/* Memory for pixels that the next file reuses (fresh memory from the
 * kernel costs a page fault per 4 KiB, a third of a photo's decoding):
 * slot's buffer of at least n bytes, valid until the next call for the
 * slot. Buffers over DECODE_SCRATCH_KEEP are given back after each file. */
enum {
	DECODE_SCRATCH_PIXELS,
	DECODE_SCRATCH_SHRUNK,
	DECODE_SCRATCH_TURNED,
	DECODE_SCRATCH_OCR, /* a page turned upright for OCR */
	DECODE_SCRATCH_SLOTS
};
enum { DECODE_SCRATCH_KEEP = 64 * 1024 * 1024 };
void *evidence_decode_scratch(unsigned slot, size_t n);

/* r turned clockwise by turn degrees (90, 180, 270) into out, its pixels
 * in scratch slot (valid until the slot's next use); false for any other
 * turn, and out is left alone. */
bool evidence_decode_turn(const struct evidence_raster *r, int turn, unsigned slot,
			  struct evidence_raster *out);

/* By how much the decoder may make the raster of a page of width × height
 * pixels smaller than the page before handing it on: the measures' own
 * factor (evidence_look_factor), since they box the page down to that
 * anyway; 1 for a page that OCR reads (it wants every pixel) and for a
 * preview. A decoder that uses it still decodes everything it would have
 * (every stream, every coefficient): only fewer pixels are made. */
unsigned evidence_decode_reduce(const struct evidence_decode_sink *s, unsigned width,
				unsigned height);

/* Whether the page being decoded is only measured: no preview draws it
 * and OCR does not read it. Such a page may be handed on smaller
 * (evidence_decode_reduce) and in the decoder's own pixel layout (a PDF
 * page as cairo's BGRX, channels 4), which only the measures take. */
bool evidence_decode_measured_only(const struct evidence_decode_sink *s);

/* Record a fault; the worst one is kept (the first of equal ones). page is
 * 1-based, 0 for the whole file; key is [a-z0-9-]; the detail is printf-like. */
void evidence_decode_fault(struct evidence_decode_sink *s, enum evidence_damage d, unsigned page,
			   const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Page page (1-based) is decoded: r is its pixels, valid during the call. */
void evidence_decode_page(struct evidence_decode_sink *s, unsigned page,
			  const struct evidence_raster *r);

/* The same for a picture that viewers turn by turn degrees clockwise (0,
 * 90, 180, 270) before showing it: the page hook sees it turned. */
void evidence_decode_page_turned(struct evidence_decode_sink *s, unsigned page,
				 const struct evidence_raster *r, int turn);

/* Append page text (UTF-8) to the file's text, up to EVIDENCE_TEXT_MAX
 * bytes, cut at a whole character; pages are separated by a form feed. */
void evidence_decode_text(struct evidence_decode_sink *s, unsigned page, const char *text);

/* A density written in a file, as a resolution worth believing: between
 * 100 and 2400 dots per inch (72 and 96 are what programs write when they
 * know nothing); 0 otherwise. */
double evidence_decode_believable_dpi(double dpi);

/* The decoders. fd is read with pread only; size is the file's size. */
void evidence_decode_png(int fd, uint64_t size, struct evidence_decode_sink *s);
void evidence_decode_jpeg(int fd, uint64_t size, struct evidence_decode_sink *s);
void evidence_decode_pdf(int fd, uint64_t size, struct evidence_decode_sink *s);

/* Load what the decoders load lazily (fonts, the PDF engine) by decoding
 * small built-in samples, so that nothing is opened after the sandbox is
 * in place. */
void evidence_decode_warm_up(void);

#endif
