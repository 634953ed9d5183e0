/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_legible.c — what a reviewer sees at a glance on one page, and the
 * sentences that say it: the page's resolution, whether it is in focus, how
 * dark its ink is against the paper, whether anything is on it, whether it
 * has colour, whether a red company seal (红色公章) is on it, and which way
 * up it is.
 *
 * The page is first boxed down to a working copy of about 1000 pixels on
 * its long side (about 100 dpi for A4, whatever the scan's resolution), so
 * the measures mean the same at 150 and at 600 dpi and a page costs a few
 * milliseconds. Everything after that is on the working copy:
 *
 * - blocks of 8×8 working pixels (about 2 mm): a block whose darkest and
 *   lightest pixels differ by EDGE_MIN or more holds an edge (text, lines,
 *   a seal). Sharpness is the median, over the blocks with strong edges, of
 *   the steepest step between two neighbouring pixels divided by the
 *   block's range: a sharp edge goes from paper to ink in one or two
 *   pixels (0.4 and up), a blurred one in many (0.2 and down). Dividing by
 *   the range makes it independent of contrast, so faint text is not
 *   "blurred". Contrast is the 75th percentile of the edge blocks' ranges
 *   over 255: black text on white is 0.7 and up, light grey text 0.3 and
 *   down. Both are local, so a photo lit unevenly is measured fairly.
 *   Limits: thin strokes blurred lose contrast as well as steepness, so a
 *   blurred page also measures faint (the judge then says only "blurred");
 *   a page of smooth pictures has few strong edges and a sharpness that
 *   means little.
 * - blank: (almost) no edge block. Speckles, a fold, an even shadow or a
 *   paper tint are not content; a single short word is.
 * - colour: cells of 4×4 working pixels (about 1 mm), each the mean of its
 *   pixels, so a scanner's colour fringes at black edges cancel out. The
 *   paper's own tint (yellowed paper, warm light) is taken out first. A page
 *   has colour when at least a few square millimetres of cells are clearly
 *   coloured; a colour scan of an original that has no colour at all cannot
 *   be told from a grey copy (nobody can), and a strongly tinted paper is
 *   taken as colour. A one-channel raster is grey.
 * - red seal: red cells (red hue, clearly saturated), joined across small
 *   gaps, form a blob of a seal's size (18 to 80 mm across, at the raster's
 *   dpi or, without one, taking the page's short side as an A4 width), round
 *   or oval (sides within 0.55 of each other), shaped as a ring: red all
 *   around its outline, its corners empty, its centre not solid. Red text, a
 *   red letterhead and a rule, a red frame (a Chinese invoice's) and a solid
 *   red logo are not seals; a square personal seal and a seal so faded it
 *   breaks apart are not found either.
 * - orientation: the ink of the edge blocks, profiled in strips about 10 mm
 *   wide (so a skew of a degree or two does not blur the profile). Text lines
 *   across the page leave empty rows between them and hardly any empty
 *   column; lines up or down the page the other way round — and reach over
 *   a quarter of the page at least (one short line across has gaps between
 *   its words, which alone would read as lines down the page). That tells
 *   "upright or upside down" (0) from "sideways" (-1, with sideways set) for
 *   Latin and Chinese text set with some line spacing; tightly set Chinese
 *   text, a page of pictures, a form of boxes tell neither and give -1.
 *   Which way round a page is, the measures do not say: the ink above and
 *   below each line's core (Latin ascenders are more common than
 *   descenders) points the same way for upright Chinese, for capitals with
 *   commas and for Latin upside down, so it called upright Chinese letters
 *   and invoices "upside down" and missed a Latin letter that was. OCR's
 *   orientation detection (evidence_ocr.c), which knows the scripts, turns
 *   a page it reads: 90, 180 or 270 come from there. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/base.h"
#include "evidence_look.h"
#include "expr/expr.h"
#include "flow/flow.h"

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

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Carve every buffer out of one allocation: a page either gets all its
 * working memory or none (and is then not measured). The allocation is
 * kept for the next page (the worker measures page after page of the same
 * size: a new one each time was a fresh mapping and its page faults, a
 * tenth of a page's measuring), unless it is unusually large. */
#define WORK_KEEP (32u << 20)
static void *work_mem;
static size_t work_size;

static bool work_alloc(struct work *k, bool colour, bool box)
{
	size_t n = (size_t)k->w * k->h, nb = (size_t)k->bw * k->bh, nc = (size_t)k->cw * k->ch;
	size_t sizes[] = {
	    n,
	    colour && box ? 3 * n : 0,
	    nb,
	    nb,
	    nb,
	    nc,
	    nc * sizeof(uint32_t),
	    nc * sizeof(uint32_t),
	    (size_t)k->nstrips * k->h * sizeof(uint32_t),
	    (size_t)k->nbands * k->w * sizeof(uint32_t),
	    (size_t)k->w * 3 *
		sizeof(uint32_t), /* the box filter's row sums, then block_stats' columns */
	};
	size_t total = 0;
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		total += align8(sizes[i]);
	if (total > work_size) {
		free(work_mem);
		work_mem = malloc(total);
		work_size = work_mem ? total : 0;
		if (!work_mem)
			return false;
	}
	unsigned char *q = work_mem;
	void **dst[] = {(void **)&k->y,	    (void **)&k->boxed, (void **)&k->bmin,
			(void **)&k->bmax,  (void **)&k->bstep, (void **)&k->red,
			(void **)&k->label, (void **)&k->queue, (void **)&k->rows,
			(void **)&k->cols,  (void **)&k->sum};
	for (size_t i = 0; i < sizeof dst / sizeof dst[0]; i++) {
		*dst[i] = sizes[i] ? q : NULL;
		q += align8(sizes[i]);
	}
	if (sizes[8]) /* a raster too small for a strip has no profile: NULL */
		memset(k->rows, 0, sizes[8]);
	if (sizes[9])
		memset(k->cols, 0, sizes[9]);
	return true;
}

static void work_release(void)
{
	if (work_size > WORK_KEEP) {
		free(work_mem);
		work_mem = NULL;
		work_size = 0;
	}
}

/* The grey of n packed RGB pixels, as (77 R + 150 G + 29 B) >> 8. */
static void grey_row_scalar(const unsigned char *p, unsigned char *y, unsigned n)
{
	for (unsigned x = 0; x < n; x++, p += 3)
		y[x] = (unsigned char)((77u * p[0] + 150u * p[1] + 29u * p[2]) >> 8);
}

/* The same of n pixels of 4 bytes: B, G, R and one unused. */
static void grey_bgrx_scalar(const unsigned char *p, unsigned char *y, unsigned n)
{
	for (unsigned x = 0; x < n; x++, p += 4)
		y[x] = (unsigned char)((77u * p[2] + 150u * p[1] + 29u * p[0]) >> 8);
}

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

/* The grey, sixteen pixels at a time, the sum made in 16-bit lanes (at
 * most 256 × 255, so nothing overflows): the very same values. */
__attribute__((target("ssse3"))) static void grey_row_ssse3(const unsigned char *p,
							    unsigned char *y, unsigned n)
{
	const __m128i zero = _mm_setzero_si128(), wr = _mm_set1_epi16(77), wg = _mm_set1_epi16(150),
		      wb = _mm_set1_epi16(29);
	unsigned x = 0;
	for (; x + 16 <= n; x += 16, p += 48) {
		__m128i r, g, bl;
		part_rgb(p, &r, &g, &bl);
		__m128i lo =
		    _mm_add_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpacklo_epi8(r, zero), wr),
						_mm_mullo_epi16(_mm_unpacklo_epi8(g, zero), wg)),
				  _mm_mullo_epi16(_mm_unpacklo_epi8(bl, zero), wb));
		__m128i hi =
		    _mm_add_epi16(_mm_add_epi16(_mm_mullo_epi16(_mm_unpackhi_epi8(r, zero), wr),
						_mm_mullo_epi16(_mm_unpackhi_epi8(g, zero), wg)),
				  _mm_mullo_epi16(_mm_unpackhi_epi8(bl, zero), wb));
		_mm_storeu_si128((__m128i *)(void *)(y + x),
				 _mm_packus_epi16(_mm_srli_epi16(lo, 8), _mm_srli_epi16(hi, 8)));
	}
	grey_row_scalar(p, y + x, n - x);
}

/* The grey of BGRX pixels, eight at a time: each pixel's four bytes times
 * (29, 150, 77, 0) summed in pairs (pmaddwd), the pairs added (phaddd).
 * The very same values as grey_bgrx_scalar. */
__attribute__((target("ssse3"))) static void grey_bgrx_ssse3(const unsigned char *p,
							     unsigned char *y, unsigned n)
{
	const __m128i zero = _mm_setzero_si128(),
		      wt = _mm_setr_epi16(29, 150, 77, 0, 29, 150, 77, 0),
		      unused = _mm_set1_epi32((int)0xff000000), ones = _mm_set1_epi8(-1);
	unsigned x = 0;
	for (; x + 8 <= n; x += 8, p += 32) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
		/* paper, most of a page: white is 255 */
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(_mm_and_si128(a, b), unused),
						     ones)) == 0xffff) {
			_mm_storel_epi64((__m128i *)(void *)(y + x), ones);
			continue;
		}
		__m128i sa = _mm_hadd_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(a, zero), wt),
					    _mm_madd_epi16(_mm_unpackhi_epi8(a, zero), wt));
		__m128i sb = _mm_hadd_epi32(_mm_madd_epi16(_mm_unpacklo_epi8(b, zero), wt),
					    _mm_madd_epi16(_mm_unpackhi_epi8(b, zero), wt));
		__m128i w16 = _mm_packs_epi32(_mm_srli_epi32(sa, 8), _mm_srli_epi32(sb, 8));
		_mm_storel_epi64((__m128i *)(void *)(y + x), _mm_packus_epi16(w16, w16));
	}
	grey_bgrx_scalar(p, y + x, n - x);
}
#endif

static void cell_band(struct work *k, unsigned cy);

/* The grey of one row of n pixels of the raster (c = 3: RGB, 4: BGRX). */
static void grey_row(const unsigned char *p, unsigned c, unsigned char *y, unsigned n)
{
#ifdef HAVE_RGB_SSSE3
	static int ssse3 = -1;
	if (ssse3 < 0)
		ssse3 = __builtin_cpu_supports("ssse3");
	if (ssse3) {
		if (c == 4)
			grey_bgrx_ssse3(p, y, n);
		else
			grey_row_ssse3(p, y, n);
		return;
	}
#endif
	if (c == 4)
		grey_bgrx_scalar(p, y, n);
	else
		grey_row_scalar(p, y, n);
}

/* The working copy: the grey (k->y) and where the colour is read
 * (k->rgb). A raster already at the working size (a PDF page drawn at
 * it, a JPEG decoded smaller, a small image) is only made grey, as the box
 * of one pixel would: its colour is read where it is (copying it, and the
 * box's sums, were a third of a page's measuring). Otherwise it is boxed
 * down by k->f into k->boxed (RGB): every pixel of each f×f box for f up
 * to 3, a regular subset of at most 3×3 of them beyond (a phone photo
 * boxed by 4 or more loses nothing a reviewer reads at 100 dpi). */
static void downsample(const struct evidence_raster *r, struct work *k)
{
	uint32_t *sum = k->sum;
	unsigned f = k->f, st = f <= 3 ? 1 : (f + 2) / 3, c = r->channels;
	if (f == 1) {
		unsigned w = k->w;
		if (c != 1) {
			k->rgb = r->px;
			k->rgb_stride = r->stride;
			k->bgrx = c == 4;
		}
		for (unsigned wy = 0; wy < k->h; wy++) {
			const unsigned char *p = r->px + (size_t)wy * r->stride;
			unsigned char *y = k->y + (size_t)wy * w;
			if (c == 1) {
				memcpy(y, p, w);
				continue;
			}
			grey_row(p, c, y, w);
			/* A band of cells is summed while its rows are still in
			 * the cache: the page is then read from memory once. */
			if ((wy + 1) % CELL == 0 && wy / CELL < k->ch)
				cell_band(k, wy / CELL);
		}
		k->cells_done = c != 1;
		return;
	}
	if (c != 1) {
		k->rgb = k->boxed;
		k->rgb_stride = (size_t)k->w * 3;
	}
	/* RGB's channels, or BGRX's read the other way round */
	unsigned r0 = c == 4 ? 2 : 0, b0 = c == 4 ? 0 : 2;
	unsigned per = ((f + st - 1) / st) * ((f + st - 1) / st);
	/* Division by per (at most 9) as a multiplication: with the reciprocal
	 * rounded up the quotient is exact for sums up to 9 × 255, and a
	 * division per pixel was most of the time a page took to measure. */
	uint32_t inv = (65536u + per - 1) / per;
	for (unsigned wy = 0; wy < k->h; wy++) {
		memset(sum, 0, (size_t)k->w * 3 * sizeof *sum);
		for (unsigned dy = 0; dy < f; dy += st) {
			const unsigned char *row = r->px + (size_t)(wy * f + dy) * r->stride;
			if (c != 1) {
				for (unsigned wx = 0; wx < k->w; wx++) {
					const unsigned char *p = row + (size_t)wx * f * c;
					uint32_t *s = sum + 3 * (size_t)wx;
					for (unsigned dx = 0; dx < f; dx += st, p += c * st) {
						s[0] += p[r0];
						s[1] += p[1];
						s[2] += p[b0];
					}
				}
			} else {
				for (unsigned wx = 0; wx < k->w; wx++) {
					const unsigned char *p = row + (size_t)wx * f;
					for (unsigned dx = 0; dx < f; dx += st)
						sum[wx] += p[dx];
				}
			}
		}
		unsigned char *y = k->y + (size_t)wy * k->w;
		if (c != 1) {
			unsigned char *o = k->boxed + (size_t)wy * k->w * 3;
			for (unsigned wx = 0; wx < k->w; wx++) {
				unsigned R = (sum[3 * wx] * inv) >> 16,
					 G = (sum[3 * wx + 1] * inv) >> 16,
					 B = (sum[3 * wx + 2] * inv) >> 16;
				o[3 * wx] = (unsigned char)R;
				o[3 * wx + 1] = (unsigned char)G;
				o[3 * wx + 2] = (unsigned char)B;
				y[wx] = (unsigned char)((77 * R + 150 * G + 29 * B) >> 8);
			}
		} else {
			for (unsigned wx = 0; wx < k->w; wx++)
				y[wx] = (unsigned char)((sum[wx] * inv) >> 16);
		}
	}
}

/* One row's part of the block statistics, per column x < n (n = bw × BLOCK
 * <= w): the darkest and lightest pixel so far, and the steepest step to
 * the right or below. A pixel without a neighbour (the last column, or no
 * row below: below is then p) steps 0. */
static void row_stats(const unsigned char *p, const unsigned char *below, unsigned n, unsigned w,
		      unsigned char *lo, unsigned char *hi, unsigned char *step)
{
	unsigned x = 0;
#ifdef __SSE2__
	/* Sixteen columns at a time (SSE2 is part of every x86-64), while the
	 * sixteenth has its right neighbour in the row. */
	for (; x + 16 < w && x + 16 <= n; x += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + x));
		__m128i r = _mm_loadu_si128((const __m128i *)(const void *)(p + x + 1));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(below + x));
		__m128i dr = _mm_or_si128(_mm_subs_epu8(v, r), _mm_subs_epu8(r, v));
		__m128i db = _mm_or_si128(_mm_subs_epu8(v, b), _mm_subs_epu8(b, v));
		__m128i *l = (__m128i *)(void *)(lo + x), *h = (__m128i *)(void *)(hi + x),
			*st = (__m128i *)(void *)(step + x);
		_mm_storeu_si128(l, _mm_min_epu8(_mm_loadu_si128(l), v));
		_mm_storeu_si128(h, _mm_max_epu8(_mm_loadu_si128(h), v));
		_mm_storeu_si128(st, _mm_max_epu8(_mm_loadu_si128(st), _mm_max_epu8(dr, db)));
	}
#endif
	for (; x < n; x++) {
		unsigned v = p[x], r = x + 1 < w ? p[x + 1] : v, b = below[x];
		unsigned dr = r > v ? r - v : v - r, db = b > v ? b - v : v - b;
		unsigned d = dr > db ? dr : db;
		lo[x] = v < lo[x] ? (unsigned char)v : lo[x];
		hi[x] = v > hi[x] ? (unsigned char)v : hi[x];
		step[x] = d > step[x] ? (unsigned char)d : step[x];
	}
}

/* Per block: darkest, lightest, and the steepest step to a neighbour
 * (right or below, the neighbour may be in the next block). Each band of
 * BLOCK rows is taken row by row, per column, in memory order; then each
 * block is the extreme of its BLOCK columns. The columns' values live in
 * the box filter's row of sums, which downsample no longer needs. */
static void block_stats(struct work *k)
{
	unsigned bw = k->bw, w = k->w, n = bw * BLOCK;
	unsigned char *lo = (unsigned char *)k->sum, *hi = lo + n, *step = hi + n;
	for (unsigned by = 0; by < k->bh; by++) {
		memset(lo, 255, n);
		memset(hi, 0, n);
		memset(step, 0, n);
		for (unsigned y = by * BLOCK; y < by * BLOCK + BLOCK; y++) {
			const unsigned char *p = k->y + (size_t)y * w;
			row_stats(p, y + 1 < k->h ? p + w : p, n, w, lo, hi, step);
		}
		unsigned bx = 0;
#ifdef __SSE2__
		/* Two blocks at a time: each one's eight columns folded in three
		 * steps (neighbours, pairs, fours) into its first byte. */
		for (; bx + 2 <= bw; bx += 2) {
			size_t x = (size_t)bx * BLOCK, i = (size_t)by * bw + bx;
			__m128i l = _mm_loadu_si128((const __m128i *)(const void *)(lo + x));
			__m128i h = _mm_loadu_si128((const __m128i *)(const void *)(hi + x));
			__m128i st = _mm_loadu_si128((const __m128i *)(const void *)(step + x));
			l = _mm_min_epu8(l, _mm_srli_si128(l, 1));
			h = _mm_max_epu8(h, _mm_srli_si128(h, 1));
			st = _mm_max_epu8(st, _mm_srli_si128(st, 1));
			l = _mm_min_epu8(l, _mm_srli_si128(l, 2));
			h = _mm_max_epu8(h, _mm_srli_si128(h, 2));
			st = _mm_max_epu8(st, _mm_srli_si128(st, 2));
			l = _mm_min_epu8(l, _mm_srli_si128(l, 4));
			h = _mm_max_epu8(h, _mm_srli_si128(h, 4));
			st = _mm_max_epu8(st, _mm_srli_si128(st, 4));
			k->bmin[i] = (unsigned char)_mm_cvtsi128_si32(l);
			k->bmin[i + 1] = (unsigned char)_mm_extract_epi16(l, 4);
			k->bmax[i] = (unsigned char)_mm_cvtsi128_si32(h);
			k->bmax[i + 1] = (unsigned char)_mm_extract_epi16(h, 4);
			k->bstep[i] = (unsigned char)_mm_cvtsi128_si32(st);
			k->bstep[i + 1] = (unsigned char)_mm_extract_epi16(st, 4);
		}
#endif
		for (; bx < bw; bx++) {
			unsigned l = 255, h = 0, st = 0;
			for (unsigned x = bx * BLOCK; x < bx * BLOCK + BLOCK; x++) {
				l = lo[x] < l ? lo[x] : l;
				h = hi[x] > h ? hi[x] : h;
				st = step[x] > st ? step[x] : st;
			}
			size_t i = (size_t)by * bw + bx;
			k->bmin[i] = (unsigned char)l;
			k->bmax[i] = (unsigned char)h;
			k->bstep[i] = (unsigned char)st;
		}
	}
}

/* The value below which fraction q of a histogram's count lies. */
static unsigned percentile(const uint32_t *hist, unsigned n, double q)
{
	uint64_t total = 0;
	for (unsigned i = 0; i < n; i++)
		total += hist[i];
	if (!total)
		return 0;
	uint64_t want = (uint64_t)(q * (double)total), seen = 0;
	for (unsigned i = 0; i < n; i++) {
		seen += hist[i];
		if (seen > want)
			return i;
	}
	return n - 1;
}

/* Sharpness, contrast, blank and the ink mask's threshold from the blocks. */
static void edges(struct work *k, struct evidence_look *out, unsigned *ink_range)
{
	uint32_t ranges[256] = {0};
	size_t nb = (size_t)k->bw * k->bh, nedge = 0;
	for (size_t i = 0; i < nb; i++) {
		unsigned range = (unsigned)(k->bmax[i] - k->bmin[i]);
		if (range >= EDGE_MIN) {
			ranges[range]++;
			nedge++;
		}
	}
	out->blank = nedge <= (nb / 1000 > 2 ? nb / 1000 : 2);
	unsigned p90 = percentile(ranges, 256, 0.90);
	out->contrast = percentile(ranges, 256, 0.75) / 255.0;
	unsigned strong = p90 / 2 > EDGE_MIN ? p90 / 2 : EDGE_MIN;
	uint32_t ratios[101] = {0};
	for (size_t i = 0; i < nb; i++) {
		unsigned range = (unsigned)(k->bmax[i] - k->bmin[i]);
		if (range >= strong) {
			unsigned q = (k->bstep[i] * 100 + range / 2) / range;
			ratios[q < 100 ? q : 100]++; /* a step into the next block may exceed the
							range */
		}
	}
	out->sharpness = nedge ? percentile(ratios, 101, 0.5) / 100.0 : 0;
	*ink_range = strong;
}

/* Ink: the darker half of every block with a strong edge. Fills the
 * orientation profiles and returns the fraction of the page that is ink. */
static double ink_profiles(struct work *k, unsigned strong)
{
	uint64_t ink = 0;
	uint32_t *rows = k->rows;
	/* The blocks with ink of each band, found once for its BLOCK rows
	 * (most of a page has none); their indices go in the box filter's row
	 * of sums, free again after block_stats (w × 3 words, bw needed). */
	uint32_t *with_ink = k->sum;
	for (unsigned by = 0; by < k->bh; by++) {
		unsigned n = 0;
		for (unsigned bx = 0; bx < k->bw; bx++) {
			size_t b = (size_t)by * k->bw + bx;
			if ((unsigned)(k->bmax[b] - k->bmin[b]) >= strong)
				with_ink[n++] = bx;
		}
		for (unsigned y = by * BLOCK; n && y < by * BLOCK + BLOCK; y++) {
			const unsigned char *p = k->y + (size_t)y * k->w;
			unsigned band = y / STRIP;
			for (unsigned i = 0; i < n; i++) {
				unsigned bx = with_ink[i];
				size_t b = (size_t)by * k->bw + bx;
				unsigned lo = k->bmin[b], hi = k->bmax[b];
				for (unsigned x = bx * BLOCK; x < bx * BLOCK + BLOCK; x++) {
					if (p[x] * 2 >= lo + hi)
						continue;
					ink++;
					unsigned s = x / STRIP;
					if (s < k->nstrips)
						rows[(size_t)s * k->h + y]++;
					if (band < k->nbands)
						k->cols[(size_t)band * k->w + x]++;
				}
			}
		}
	}
	return (double)ink / ((double)k->w * k->h);
}

/* One profile's lines: how much of its span is empty. */
struct lines {
	double gaps, weight; /* sum of gap fraction × ink, sum of ink */
	double span;	     /* sum of the inked extent's fraction of the strip × ink */
};

static void profile_lines(const uint32_t *p, unsigned n, struct lines *l)
{
	unsigned a = 0, b = n;
	while (a < n && !p[a])
		a++;
	while (b > a && !p[b - 1])
		b--;
	if (b - a < 8)
		return;
	unsigned gaps = 0;
	uint64_t ink = 0;
	for (unsigned i = a; i < b; i++) {
		gaps += !p[i];
		ink += p[i];
	}
	l->gaps += (double)gaps / (b - a) * (double)ink;
	l->span += (double)(b - a) / n * (double)ink;
	l->weight += (double)ink;
}

#define LINES_GAPS  0.10 /* a profile with text lines across is this empty */
#define LINES_RATIO 2.0	 /* … and this many times emptier than the other way */
#define LINES_SPAN  0.25 /* lines up the page run across at least this much of it */

static void orientation(const struct work *k, struct evidence_look *out)
{
	struct lines across = {0}, down = {0};
	for (unsigned s = 0; s < k->nstrips; s++)
		profile_lines(k->rows + (size_t)s * k->h, k->h, &across);
	for (unsigned b = 0; b < k->nbands; b++)
		profile_lines(k->cols + (size_t)b * k->w, k->w, &down);
	double h = across.weight > 0 ? across.gaps / across.weight : 0;
	double v = down.weight > 0 ? down.gaps / down.weight : 0;
#ifdef LEGIBLE_DEBUG
	fprintf(stderr, "across gaps %.3f | down gaps %.3f\n", h, v);
#endif
	out->rotation = -1;
	out->sideways = false;
	if (h >= LINES_GAPS && h >= LINES_RATIO * v) {
		out->rotation = 0; /* lines across: upright, or upside down */
	} else if (v >= LINES_GAPS && v >= LINES_RATIO * h &&
		   across.span >= LINES_SPAN * across.weight) {
		/* A single line across the page ("Potato 0") has gaps between
		 * its words the other way too: lines down the page must also
		 * reach over a good part of it. Which quarter turn it needs is
		 * OCR's to say. */
		out->sideways = true;
	}
}

#ifdef HAVE_RGB_SSSE3
/* One row's part of the cells' sums (see cell_colours), four cells (sixteen
 * pixels) at a time: each cell's four R, G, B and grey bytes added in
 * pairs, then the pairs, into 32-bit lanes. Returns how many cells it did. */
__attribute__((target("ssse3"))) static unsigned cell_row_ssse3(const unsigned char *p,
								const unsigned char *g, unsigned cw,
								uint32_t *rg, uint32_t *by)
{
	const __m128i ones8 = _mm_set1_epi8(1), ones16 = _mm_set1_epi16(1);
	unsigned cx = 0;
	for (; cx + 4 <= cw; cx += 4, p += 48, g += 16) {
		__m128i r, gr, b;
		part_rgb(p, &r, &gr, &b);
		__m128i yy = _mm_loadu_si128((const __m128i *)(const void *)g);
		/* pixel bytes → sums of 2 (16 bits) → sums of 4 (32 bits) */
		__m128i r4 = _mm_madd_epi16(_mm_maddubs_epi16(r, ones8), ones16);
		__m128i g4 = _mm_madd_epi16(_mm_maddubs_epi16(gr, ones8), ones16);
		__m128i b4 = _mm_madd_epi16(_mm_maddubs_epi16(b, ones8), ones16);
		__m128i y4 = _mm_madd_epi16(_mm_maddubs_epi16(yy, ones8), ones16);
		__m128i *a = (__m128i *)(void *)(rg + cx), *c = (__m128i *)(void *)(by + cx);
		_mm_storeu_si128(
		    a, _mm_add_epi32(_mm_loadu_si128(a), _mm_or_si128(r4, _mm_slli_epi32(g4, 16))));
		_mm_storeu_si128(
		    c, _mm_add_epi32(_mm_loadu_si128(c), _mm_or_si128(b4, _mm_slli_epi32(y4, 16))));
	}
	return cx;
}

/* The same from BGRX pixels, where a cell's row is one load: its bytes
 * grouped by channel (B×4, G×4, R×4, unused×4) and added in pairs, the
 * pairs of two cells added (phaddw) into each cell's B, G, R sums, which
 * two byte shuffles then place as the 32-bit lanes R | G << 16 and B. */
__attribute__((target("ssse3"))) static unsigned cell_bgrx_ssse3(const unsigned char *p,
								 const unsigned char *g,
								 unsigned cw, uint32_t *rg,
								 uint32_t *by)
{
#define Z -1
	const __m128i group = _mm_setr_epi8(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15),
		      pick_rg = _mm_setr_epi8(4, 5, 2, 3, 12, 13, 10, 11, Z, Z, Z, Z, Z, Z, Z, Z),
		      pick_b = _mm_setr_epi8(0, 1, Z, Z, 8, 9, Z, Z, Z, Z, Z, Z, Z, Z, Z, Z);
#undef Z
	const __m128i ones8 = _mm_set1_epi8(1), ones16 = _mm_set1_epi16(1),
		      unused = _mm_set1_epi32((int)0xff000000), ones = _mm_set1_epi8(-1),
		      white = _mm_set1_epi32(CELL * 255 | CELL * 255 << 16); /* a row's 4 px */
	unsigned cx = 0;
	for (; cx + 4 <= cw; cx += 4, p += 64, g += 16) {
		__m128i all = _mm_loadu_si128((const __m128i *)(const void *)p);
		for (int i = 1; i < 4; i++)
			all = _mm_and_si128(
			    all, _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)));
		if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(all, unused), ones)) == 0xffff) {
			/* four white cells' row: R = G = B = grey = 4 × 255 */
			__m128i *a = (__m128i *)(void *)(rg + cx),
				*c = (__m128i *)(void *)(by + cx);
			_mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), white));
			_mm_storeu_si128(c, _mm_add_epi32(_mm_loadu_si128(c), white));
			continue;
		}
		__m128i m[4];
		for (int i = 0; i < 4; i++)
			m[i] = _mm_maddubs_epi16(
			    _mm_shuffle_epi8(
				_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i)),
				group),
			    ones8);
		/* [B, G, R, unused] of cells 0 and 1, and of cells 2 and 3 */
		__m128i h01 = _mm_hadd_epi16(m[0], m[1]), h23 = _mm_hadd_epi16(m[2], m[3]);
		__m128i rg4 = _mm_unpacklo_epi64(_mm_shuffle_epi8(h01, pick_rg),
						 _mm_shuffle_epi8(h23, pick_rg));
		__m128i b4 = _mm_unpacklo_epi64(_mm_shuffle_epi8(h01, pick_b),
						_mm_shuffle_epi8(h23, pick_b));
		__m128i yy = _mm_loadu_si128((const __m128i *)(const void *)g);
		__m128i y4 = _mm_madd_epi16(_mm_maddubs_epi16(yy, ones8), ones16);
		__m128i *a = (__m128i *)(void *)(rg + cx), *c = (__m128i *)(void *)(by + cx);
		_mm_storeu_si128(a, _mm_add_epi32(_mm_loadu_si128(a), rg4));
		_mm_storeu_si128(
		    c, _mm_add_epi32(_mm_loadu_si128(c), _mm_or_si128(b4, _mm_slli_epi32(y4, 16))));
	}
	return cx;
}
#endif

/* One band of CELL rows of the working copy: each cell's sums of R, G, B
 * and grey (at most 16 × 255, 16 bits each), kept in the seal's label and
 * queue arrays, which find_seal fills only later, and the cells' grey
 * counted for the paper's histogram. */
static void cell_band(struct work *k, unsigned cy)
{
	unsigned w = k->w, cw = k->cw, pc = k->bgrx ? 4 : 3; /* bytes a pixel */
	uint32_t *crg = k->label + (size_t)cy * cw, *cby = k->queue + (size_t)cy * cw;
#ifdef HAVE_RGB_SSSE3
	static int ssse3 = -1;
	if (ssse3 < 0)
		ssse3 = __builtin_cpu_supports("ssse3");
#endif
	memset(crg, 0, cw * sizeof *crg);
	memset(cby, 0, cw * sizeof *cby);
	for (unsigned y = cy * CELL; y < cy * CELL + CELL; y++) {
		const unsigned char *p = k->rgb + (size_t)y * k->rgb_stride;
		const unsigned char *g = k->y + (size_t)y * w;
		unsigned cx = 0;
#ifdef HAVE_RGB_SSSE3
		if (ssse3) {
			cx = pc == 4 ? cell_bgrx_ssse3(p, g, cw, crg, cby)
				     : cell_row_ssse3(p, g, cw, crg, cby);
			p += (size_t)cx * pc * CELL;
			g += (size_t)cx * CELL;
		}
#endif
		/* RGB's channels, or BGRX's the other way round */
		unsigned r0 = pc == 4 ? 2 : 0, b0 = pc == 4 ? 0 : 2;
		for (; cx < cw; cx++, p += pc * CELL, g += CELL) {
			unsigned r = p[r0] + p[r0 + pc] + p[r0 + 2 * pc] + p[r0 + 3 * pc],
				 gr = p[1] + p[1 + pc] + p[1 + 2 * pc] + p[1 + 3 * pc],
				 b = p[b0] + p[b0 + pc] + p[b0 + 2 * pc] + p[b0 + 3 * pc],
				 yy = g[0] + g[1] + g[2] + g[3];
			crg[cx] += r | gr << 16;
			cby[cx] += b | yy << 16;
		}
	}
	for (unsigned cx = 0; cx < cw; cx++)
		k->hist4[cx & 3][(cby[cx] >> 16) / (CELL * CELL)]++;
}

/* Colour and the red seal, from the cells. */
static void cell_colours(struct work *k, struct evidence_look *out)
{
	size_t nc = (size_t)k->cw * k->ch;
	uint32_t *rg = k->label, *by = k->queue, hist[256];
	if (!k->cells_done)
		for (unsigned cy = 0; cy < k->ch; cy++)
			cell_band(k, cy);
	/* The paper: the mean colour of the lightest tenth of the cells. */
	for (unsigned v = 0; v < 256; v++)
		hist[v] = k->hist4[0][v] + k->hist4[1][v] + k->hist4[2][v] + k->hist4[3][v];
	unsigned light = percentile(hist, 256, 0.90);
	/* The paper's sums in whole numbers: the same as adding each cell's
	 * mean (a sixteenth) in doubles, which is exact, and without waiting on
	 * each addition. */
	uint64_t psum[3] = {0, 0, 0}, npaper = 0;
	for (size_t i = 0; i < nc; i++)
		if ((by[i] >> 16) >= light * (CELL * CELL)) { /* its mean grey >= light */
			psum[0] += rg[i] & 0xffff;
			psum[1] += rg[i] >> 16;
			psum[2] += by[i] & 0xffff;
			npaper++;
		}
	double paper[3] = {psum[0] / (double)(CELL * CELL), psum[1] / (double)(CELL * CELL),
			   psum[2] / (double)(CELL * CELL)};
	double gain[3] = {1, 1, 1};
	bool tinted = false;
	if (npaper > 0) {
		for (int c = 0; c < 3; c++)
			paper[c] /= npaper;
		double hi = fmax(paper[0], fmax(paper[1], paper[2]));
		double lo = fmin(paper[0], fmin(paper[1], paper[2]));
		tinted = hi - lo >= COLOUR_MIN;
		if (lo >= 64)
			for (int c = 0; c < 3; c++)
				gain[c] = hi / paper[c];
	}
	/* Each channel's 256 corrected values, once: a cell then costs three
	 * look-ups instead of three products and ten calls of fmin and fmax
	 * (the same values: nothing here is NaN). */
	double corrected[3][256];
	for (int c = 0; c < 3; c++)
		for (unsigned v = 0; v < 256; v++)
			corrected[c][v] = fmin(255, v * gain[c]);
	size_t coloured = 0;
	/* a cell of pure white (most of a drawn page) stays white whatever
	 * the gains (each at least 1): no colour */
	const uint32_t white = CELL * CELL * 255 | (uint32_t)CELL * CELL * 255 << 16;
	for (size_t i = 0; i < nc; i++) {
		if (rg[i] == white && by[i] == white) {
			k->red[i] = 0;
			continue;
		}
		/* the cell's mean colour, corrected */
		double c3[3] = {corrected[0][(rg[i] & 0xffff) / (CELL * CELL)],
				corrected[1][(rg[i] >> 16) / (CELL * CELL)],
				corrected[2][(by[i] & 0xffff) / (CELL * CELL)]};
		double hi = c3[0], lo = c3[0];
		for (int c = 1; c < 3; c++) {
			hi = c3[c] > hi ? c3[c] : hi;
			lo = c3[c] < lo ? c3[c] : lo;
		}
		double chroma = hi - lo;
		k->red[i] = 0;
		if (chroma < COLOUR_MIN)
			continue;
		coloured++;
		/* Red: red is the largest and the hue is within 30° of pure red
		 * (|g - b| at most half the chroma); not a dark brown. */
		if (c3[0] == hi && fabs(c3[1] - c3[2]) <= 0.5 * chroma && c3[0] >= 100)
			k->red[i] = 1;
	}
	size_t need = nc / 2500 > 12 ? nc / 2500 : 12;
	out->colour = tinted || coloured >= need;
}

/* Join red cells across one-cell gaps (a seal's ring broken by black text
 * over it): mark the neighbours of red cells. */
static void dilate(struct work *k)
{
	for (unsigned y = 0; y < k->ch; y++) {
		unsigned char *row = k->red + (size_t)y * k->cw, *hit;
		/* a red cell's neighbours become 2, never 1: the row's red cells
		 * are the 1s memchr finds (most rows have none) */
		for (unsigned x = 0; x < k->cw; x++) {
			if (!(hit = memchr(row + x, 1, k->cw - x)))
				break;
			x = (unsigned)(hit - row);
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					long yy = (long)y + dy, xx = (long)x + dx;
					if (yy < 0 || xx < 0 || yy >= k->ch || xx >= k->cw)
						continue;
					unsigned char *c = &k->red[(size_t)yy * k->cw + (size_t)xx];
					if (!*c)
						*c = 2;
				}
		}
	}
}

struct blob {
	unsigned x0, y0, x1, y1; /* inclusive, in cells */
	uint32_t id;
};

#define SEAL_MIN_MM   18.0
#define SEAL_MAX_MM   80.0
#define SEAL_SHORT_MM 14.0
#define SEAL_ASPECT   0.55
#define SEAL_SECTORS  16

/* Is the red blob b shaped like a seal: red all round its outline (an
 * ellipse in its box), the box's corners empty, its middle not solid? */
static bool ring_shaped(const struct work *k, const struct blob *b)
{
	double cx = (b->x0 + b->x1 + 1) / 2.0, cy = (b->y0 + b->y1 + 1) / 2.0;
	double ax = (b->x1 - b->x0 + 1) / 2.0, ay = (b->y1 - b->y0 + 1) / 2.0;
	unsigned ring = 0, ring_red = 0, corner = 0, corner_red = 0, inner = 0, inner_red = 0;
	bool sector[SEAL_SECTORS] = {false};
	for (unsigned y = b->y0; y <= b->y1; y++)
		for (unsigned x = b->x0; x <= b->x1; x++) {
			double dx = (x + 0.5 - cx) / ax, dy = (y + 0.5 - cy) / ay;
			double rho = sqrt(dx * dx + dy * dy);
			size_t i = (size_t)y * k->cw + x;
			bool red = k->red[i] == 1 && k->label[i] == b->id;
			if (rho >= 0.7 && rho <= 1.15) {
				ring++;
				if (red) {
					ring_red++;
					double a = atan2(dy, dx) + M_PI;
					int s = (int)(a / (2 * M_PI) * SEAL_SECTORS);
					sector[s < SEAL_SECTORS ? s : SEAL_SECTORS - 1] = true;
				}
			} else if (rho > 1.25) {
				corner++;
				corner_red += red;
			} else if (rho < 0.45) {
				inner++;
				inner_red += red;
			}
		}
	unsigned covered = 0;
	for (int s = 0; s < SEAL_SECTORS; s++)
		covered += sector[s];
	double ringd = ring ? (double)ring_red / ring : 0;
	double cornerd = corner ? (double)corner_red / corner : 0;
	double innerd = inner ? (double)inner_red / inner : 0;
	return covered >= SEAL_SECTORS - 3 && ringd >= 0.25 && cornerd <= 0.35 * ringd &&
	       innerd <= 0.6;
}

static bool find_seal(struct work *k, double mm)
{
	size_t nc = (size_t)k->cw * k->ch;
	memset(k->label, 0, nc * sizeof *k->label);
	uint32_t next = 0;
	for (size_t start = 0; start < nc; start++) {
		if (!k->red[start] || k->label[start])
			continue;
		struct blob b = {k->cw, k->ch, 0, 0, ++next};
		size_t head = 0, tail = 0;
		k->queue[tail++] = (uint32_t)start;
		k->label[start] = b.id;
		while (head < tail) {
			uint32_t i = k->queue[head++];
			unsigned x = i % k->cw, y = i / k->cw;
			/* The box of the red cells, not of their neighbours. */
			if (k->red[i] == 1) {
				b.x0 = x < b.x0 ? x : b.x0;
				b.y0 = y < b.y0 ? y : b.y0;
				b.x1 = x > b.x1 ? x : b.x1;
				b.y1 = y > b.y1 ? y : b.y1;
			}
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					long yy = (long)y + dy, xx = (long)x + dx;
					if (yy < 0 || xx < 0 || yy >= k->ch || xx >= k->cw)
						continue;
					size_t j = (size_t)yy * k->cw + (size_t)xx;
					if (k->red[j] && !k->label[j]) {
						k->label[j] = b.id;
						k->queue[tail++] = (uint32_t)j;
					}
				}
		}
		if (b.x1 < b.x0)
			continue;
		double w = (b.x1 - b.x0 + 1) * mm, h = (b.y1 - b.y0 + 1) * mm;
		double lo = fmin(w, h), hi = fmax(w, h);
		if (hi < SEAL_MIN_MM || hi > SEAL_MAX_MM || lo < SEAL_SHORT_MM ||
		    lo < SEAL_ASPECT * hi)
			continue;
		if (ring_shaped(k, &b))
			return true;
	}
	return false;
}

unsigned evidence_look_factor(unsigned width, unsigned height)
{
	unsigned side = width > height ? width : height;
	unsigned shortest = width < height ? width : height;
	/* The nearest whole factor: a page rendered at 150 dpi (1754 pixels
	 * long) is boxed by 2, not measured at full size. */
	unsigned f = (side + WORK_SIDE / 2) / WORK_SIDE ? (side + WORK_SIDE / 2) / WORK_SIDE : 1;
	while (f > 1 && shortest / f < 4 * WORK_MIN)
		f--;
	return f;
}

void evidence_look_measure(const struct evidence_raster *r, struct evidence_look *out)
{
	memset(out, 0, sizeof *out);
	out->rotation = -1;
	if (!r)
		return;
	out->dpi = r->dpi > 0 && r->dpi < 100000 ? r->dpi : 0;
	if (!r->px || (r->channels != 1 && r->channels != 3 && r->channels != 4) ||
	    r->width < WORK_MIN || r->height < WORK_MIN || r->width > 1000000 ||
	    r->height > 1000000 || r->stride < (size_t)r->width * r->channels)
		return;
	struct work k = {0};
	k.f = evidence_look_factor(r->width, r->height);
	k.w = r->width / k.f;
	k.h = r->height / k.f;
	k.bw = k.w / BLOCK;
	k.bh = k.h / BLOCK;
	k.cw = k.w / CELL;
	k.ch = k.h / CELL;
	k.nstrips = k.w / STRIP;
	k.nbands = k.h / STRIP;
	bool colour = r->channels != 1;
	if (!work_alloc(&k, colour, k.f > 1))
		return;
	downsample(r, &k);
	block_stats(&k);
	unsigned strong = EDGE_MIN;
	edges(&k, out, &strong);
	out->ink = ink_profiles(&k, strong);
	if (out->blank)
		out->rotation = -1;
	else
		orientation(&k, out);
	if (colour) {
		cell_colours(&k, out);
		double mm =
		    r->dpi > 0 ? CELL * k.f / r->dpi * 25.4 : 210.0 / (k.cw < k.ch ? k.cw : k.ch);
		dilate(&k);
		out->red_seal = find_seal(&k, mm);
	}
	out->measured = true;
	work_release();
}
