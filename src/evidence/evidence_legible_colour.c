/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_legible_colour.c — colour and the red company seal (红色公章)
 * on a page's working copy (evidence_legible_work.h), from its cells of
 * 4×4 working pixels: what each measure can and cannot tell is said at the
 * top of evidence_legible.c. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "evidence_legible_work.h"

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
void legible_cell_band(struct work *k, unsigned cy)
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
void legible_colour(struct work *k, struct evidence_look *out)
{
	size_t nc = (size_t)k->cw * k->ch;
	uint32_t *rg = k->label, *by = k->queue, hist[256];
	if (!k->cells_done)
		for (unsigned cy = 0; cy < k->ch; cy++)
			legible_cell_band(k, cy);
	/* The paper: the mean colour of the lightest tenth of the cells. */
	for (unsigned v = 0; v < 256; v++)
		hist[v] = k->hist4[0][v] + k->hist4[1][v] + k->hist4[2][v] + k->hist4[3][v];
	unsigned light = legible_percentile(hist, 256, 0.90);
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

bool legible_seal(struct work *k, double mm)
{
	dilate(k);
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
