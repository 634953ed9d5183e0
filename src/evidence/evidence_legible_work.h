/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_legible_work.h — what the two halves of the legibility measures
 * share (inside src/evidence only): the working copy a page is boxed down
 * to and its blocks and cells (evidence_legible.c makes it and measures
 * resolution, focus, contrast, ink and orientation; evidence_legible_colour.c
 * measures colour and finds the red seal from its cells). */
#ifndef IPWIZ_EVIDENCE_LEGIBLE_WORK_H
#define IPWIZ_EVIDENCE_LEGIBLE_WORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "evidence_look.h"

#define WORK_SIDE  1000 /* working copy: long side at most about this */
#define WORK_MIN   32	/* a raster narrower than this is not measured */
#define BLOCK	   8	/* working pixels per block side (edges, ink) */
#define CELL	   4	/* working pixels per cell side (colour, seal) */
#define EDGE_MIN   24	/* grey levels: a block with this range holds an edge */
#define STRIP	   40	/* working pixels: width of an orientation strip */
#define COLOUR_MIN 40	/* chroma of a cell that is clearly coloured */

struct work {
	unsigned w, h;			    /* working copy */
	unsigned bw, bh;		    /* blocks */
	unsigned cw, ch;		    /* cells */
	unsigned f;			    /* raster pixels per working pixel */
	unsigned char *y;		    /* w*h grey */
	const unsigned char *rgb;	    /* the colour pixels, or NULL for a grey raster: */
	size_t rgb_stride;		    /* … a row's bytes, */
	bool bgrx;			    /* … 4 bytes B, G, R, unused (else R, G, B) */
	unsigned char *boxed;		    /* w*h*3: the raster boxed down (f > 1) */
	unsigned char *bmin, *bmax, *bstep; /* per block */
	unsigned char *red;		    /* per cell: 1 red, 2 red or next to red */
	uint32_t *label;		    /* per cell, component of the red mask */
	uint32_t *queue;		    /* per cell */
	uint32_t *rows;			    /* nstrips * h: ink per row of each strip */
	uint32_t *cols;			    /* nbands * w: ink per column of each band */
	uint32_t *sum; /* w*3: a row of the box filter's sums; then block_stats', ink_profiles' */
	unsigned nstrips, nbands;
	/* the grey of the cells (see cell_band), in four histograms merged
	 * after: most cells are paper, and one count incremented cell after
	 * cell waits for its own last increment */
	uint32_t hist4[4][256];
	bool cells_done; /* the cells' sums were made with the grey */
};

/* The value below which fraction q of a histogram's count lies. */
unsigned legible_percentile(const uint32_t *hist, unsigned n, double q);

/* One band of CELL rows of the working copy summed into its cells
 * (evidence_legible_colour.c): called by the working copy as it is made,
 * while the rows are in the cache, else by legible_colour. */
void legible_cell_band(struct work *k, unsigned cy);

/* Colour, and the red seal at mm millimetres a cell, from the cells. */
void legible_colour(struct work *k, struct evidence_look *out);
bool legible_seal(struct work *k, double mm);

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <tmmintrin.h>
#define HAVE_RGB_SSSE3 1
/* Sixteen packed RGB pixels (48 bytes at p) parted into their R, G and B
 * bytes by three byte shuffles each. */
__attribute__((target("ssse3"))) static inline void part_rgb(const unsigned char *p, __m128i *r,
							     __m128i *g, __m128i *b)
{
#define Z -1
	const __m128i ra = _mm_setr_epi8(0, 3, 6, 9, 12, 15, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z),
		      rb = _mm_setr_epi8(Z, Z, Z, Z, Z, Z, 2, 5, 8, 11, 14, Z, Z, Z, Z, Z),
		      rc = _mm_setr_epi8(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 1, 4, 7, 10, 13),
		      ga = _mm_setr_epi8(1, 4, 7, 10, 13, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z),
		      gb = _mm_setr_epi8(Z, Z, Z, Z, Z, 0, 3, 6, 9, 12, 15, Z, Z, Z, Z, Z),
		      gc = _mm_setr_epi8(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 2, 5, 8, 11, 14),
		      ba = _mm_setr_epi8(2, 5, 8, 11, 14, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z),
		      bb = _mm_setr_epi8(Z, Z, Z, Z, Z, 1, 4, 7, 10, 13, Z, Z, Z, Z, Z, Z),
		      bc = _mm_setr_epi8(Z, Z, Z, Z, Z, Z, Z, Z, Z, Z, 0, 3, 6, 9, 12, 15);
#undef Z
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
	__m128i z = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
	*r = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(x, ra), _mm_shuffle_epi8(y, rb)),
			  _mm_shuffle_epi8(z, rc));
	*g = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(x, ga), _mm_shuffle_epi8(y, gb)),
			  _mm_shuffle_epi8(z, gc));
	*b = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(x, ba), _mm_shuffle_epi8(y, bb)),
			  _mm_shuffle_epi8(z, bc));
}
#endif

#endif
