/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_look.h — what a reviewer sees and reads in a file, between the
 * parts of the deep check: the decoders (evidence_decode_*.c, in the worker)
 * hand each image or rendered page to the legibility measures
 * (evidence_legible.c) and, when a page has no text layer, to OCR
 * (evidence_ocr.c); the text is then read against the answers
 * (evidence_read.c). Everything here is plain data so it can cross the
 * worker's socket as bytes. */
#ifndef IPWIZ_EVIDENCE_LOOK_H
#define IPWIZ_EVIDENCE_LOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow/flow.h"
#include "record/record.h"

/* One decoded image or rendered page: 8 bits per channel, rows of stride
 * bytes. dpi is the effective resolution for the page's physical size
 * (a PDF page rendered at a known scale, an image with a pHYs/JFIF density
 * that is believable); 0 when unknown (a phone photo). */
struct evidence_raster {
	unsigned width, height;
	unsigned channels; /* 1 = grey, 3 = RGB; 4 = B, G, R, unused (cairo's RGB24 on a
			    * little-endian machine): for the measures only */
	size_t stride;
	const unsigned char *px;
	double dpi;
};

/* What the legibility measures found on one page. */
struct evidence_look {
	double dpi;	  /* as in the raster, 0 = unknown */
	double sharpness; /* 0..1: edge energy; a blurred scan is low */
	double contrast;  /* 0..1: ink against paper; faint text is low */
	double ink;	  /* fraction of pixels that are ink */
	bool blank;	  /* nothing on the page */
	bool colour;	  /* has colour (false: a grey or black-and-white copy) */
	bool red_seal;	  /* a red round or oval stamp-like mark (红色公章) */
	int rotation;	  /* degrees to turn clockwise to read: 0/90/180/270; -1 unknown.
			   * The measures say 0 (lines across: upright, or upside down)
			   * or -1; OCR's orientation detection the turns */
	/* Added with the measures (evidence_legible.c): */
	bool measured; /* false: the page could not be measured (a raster too small
			* or malformed, no memory); nothing above is known */
	bool sideways; /* the text lines run up or down the page: rotation is 90 or
			* 270, or -1 when which of the two is not known */
};

/* Measure one page. No I/O; its working memory (a few MB, scaled to
 * about 100 dpi for an A4 page) is kept for the next page, up to 32 MiB,
 * and when it cannot be had the page is not measured (out->measured is
 * false). What each measure can and cannot tell is in evidence_legible.c. */
void evidence_look_measure(const struct evidence_raster *r, struct evidence_look *out);

/* The whole factor by which the measures box a raster of width × height
 * down to their working copy (about 1000 pixels on its long side; 1 for a
 * raster that small already). A decoder that can make the picture smaller
 * for less than the full work (a PDF page rendered at a lower scale, a JPEG
 * decoded with a scaled IDCT) hands on a raster this much smaller instead:
 * the measures then see the same working copy, and the full-size pixels are
 * never made. */
unsigned evidence_look_factor(unsigned width, unsigned height);

/* A finding: one thing a reviewer would notice, as two sentences in the
 * user's language. verdict is EVIDENCE_WARN (the seller may acknowledge it)
 * or EVIDENCE_REJECT (decoding failures only). page is 1-based, 0 = the
 * whole file. key is stable ("blurred", "faint", "blank-page", "grey-copy",
 * "no-seal", "low-resolution", "rotated", "date-differs", "date-too-old",
 * "quantity-differs", "name-not-found", …) and is what an acknowledgement
 * names. */
struct evidence_finding {
	char key[32];
	enum evidence_verdict verdict;
	unsigned page;
	char message[384];
	char fix[384];
	bool acknowledged; /* a person looked and accepted it (struct evidence_cache) */
};

/* What a field expects of its pages, resolved for one case: the flow's
 * `legible:` mapping (struct evidence_legibility in flow.h) with its seal
 * condition evaluated against the answers. Plain data. */
struct evidence_legible_req {
	bool check;	  /* judge the pages at all (the field has `legible:`) */
	unsigned min_dpi; /* 0 = no resolution check */
	bool colour;	  /* colour copies of the originals */
	bool seal;	  /* a red company seal (红色公章) somewhere in the file */
};

struct evidence_req;
struct expr_env;
/* The expectations of r for the answers env sees (env may be NULL: a seal
 * condition then counts as not met, so nothing is asked that the answers
 * might not ask). */
void evidence_legible_req_of(const struct evidence_req *r, const struct expr_env *env,
			     struct evidence_legible_req *out);

/* Judge the pages of one file against req: up to max findings into out,
 * returns how many there are (it may be more than max; only max are
 * written). short_side: an image's shorter side in pixels, for a page that
 * carries no resolution (taken as A4); 0 for a PDF. Sentences in the language in effect (gettext);
 * every finding is EVIDENCE_WARN. Per page: "blank-page", "low-resolution", "blurred", "faint",
 * "rotated"; for the whole file (page 0): "grey-copy", "no-seal". A page that was not measured is
 * not judged. */
size_t evidence_legible_judge(const struct evidence_look *looks, size_t npages,
			      const struct evidence_legible_req *req, unsigned short_side,
			      struct evidence_finding *out, size_t max);

/* What was read, per expectation, for the one-glance display beside a file
 * ("buyer: found", "date: differs", "seal: not found"). */
enum evidence_read_state { EVIDENCE_READ_FOUND, EVIDENCE_READ_MISSING, EVIDENCE_READ_DIFFERS };

/* One `reads:` entry of the flow with its answers already resolved by the
 * case (the evidence module reads no store and no session): value is the
 * answer of read->field, before and on the answers of read->before and
 * read->on — dates as YYYY-MM-DD, numbers as written. NULL or "" means
 * unanswered. Pointers: the judge runs where the text is, so nothing here
 * crosses the worker's socket. */
struct evidence_read_expect {
	const struct flow_read *read;
	const char *value;
	const char *before;
	const char *on;
};

/* Read text (a PDF's text layer or OCR, UTF-8, pages separated by form
 * feeds) against the expectations: fills states[i] (may be NULL) for each
 * of the n expectations and writes at most max findings to out, returning
 * how many it wrote. Every finding is EVIDENCE_WARN: OCR may be wrong, so
 * reading never rejects a file; the seller acknowledges by key. Sentences
 * are in the language in effect (gettext).
 *
 * Keys: mention "<as>-not-found" / "<as>-differs" ("buyer-not-found",
 * "number-differs"; a near match, one character off, differs: names must
 * match exactly); date "date-not-found", "date-differs", "date-too-old",
 * "date-too-late" (outside the months before `before`); quantity
 * "quantity-not-found", "quantity-differs", "quantity-too-few"; validity
 * "validity-not-found", "validity-differs", "validity-expired" (ends before
 * `on`); language "needs-translation"; and "nothing-read" once when the text
 * has no letter or digit (every state then EVIDENCE_READ_MISSING).
 *
 * An expectation whose answer is empty is not judged (MISSING, no finding).
 * A language that cannot be told (too little text) is MISSING without a
 * finding. Day and month of 01/09/2026 are read both ways and either may
 * match, except in Indonesian text (day first); see evidence_read.h. */
size_t evidence_read_judge(const char *text, const struct evidence_read_expect *expects, size_t n,
			   struct evidence_finding *out, size_t max,
			   enum evidence_read_state *states);

/* The short label of an expectation for the display beside a file, in the
 * user's language: "buyer", "brand", "date", "quantity", "validity" … */
const char *evidence_read_label(const struct flow_read *r);
/* "found", "not found", "differs", in the user's language. */
const char *evidence_read_state_name(enum evidence_read_state s);

#endif
