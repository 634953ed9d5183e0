/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_legible.c — what a reviewer sees at a glance on one page, and the
 * sentences that say it: the page's resolution, whether it is in focus, how
 * dark its ink is against the paper, whether anything is on it, whether it
 * has colour, whether a red company seal (红色公章) is on it, and which way
 * up it is. Colour and the seal are measured in evidence_legible_colour.c,
 * on the working copy made here (evidence_legible_work.h).
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

#include "evidence_legible_work.h"

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

#ifdef HAVE_RGB_SSSE3
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
				legible_cell_band(k, wy / CELL);
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
unsigned legible_percentile(const uint32_t *hist, unsigned n, double q)
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
	unsigned p90 = legible_percentile(ranges, 256, 0.90);
	out->contrast = legible_percentile(ranges, 256, 0.75) / 255.0;
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
	out->sharpness = nedge ? legible_percentile(ratios, 101, 0.5) / 100.0 : 0;
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
		legible_colour(&k, out);
		double mm =
		    r->dpi > 0 ? CELL * k.f / r->dpi * 25.4 : 210.0 / (k.cw < k.ch ? k.cw : k.ch);
		out->red_seal = legible_seal(&k, mm);
	}
	out->measured = true;
	work_release();
}
