/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_decode.c — what the decoders share, in the worker: which decoder
 * reads which format, the worst fault of a file, the text of its pages, and
 * the page hook every decoded image and rendered page passes through. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "evidence_decode.h"
#include "evidence_ocr.h"
#include "evidence_wire.h"

void evidence_decode_begin(struct evidence_decode_sink *s, struct evidence_decoded *out)
{
	memset(out, 0, offsetof(struct evidence_decoded, text));
	out->text[0] = '\0';
	out->text_len = 0;
	for (unsigned i = 0; i < EVIDENCE_LOOK_PAGES; i++)
		out->looks[i].rotation = -1; /* a page not seen: nothing known */
	*s = (struct evidence_decode_sink){.out = out, .max_pixels = EVIDENCE_MAX_PIXELS};
}

static struct {
	void *p;
	size_t n;
} scratch[DECODE_SCRATCH_SLOTS];

void *evidence_decode_scratch(unsigned slot, size_t n)
{
	if (scratch[slot].n < n) {
		free(scratch[slot].p);
		scratch[slot].p = xmalloc(n);
		scratch[slot].n = n;
	}
	return scratch[slot].p;
}

static void scratch_trim(void)
{
	for (unsigned i = 0; i < DECODE_SCRATCH_SLOTS; i++)
		if (scratch[i].n > DECODE_SCRATCH_KEEP) {
			free(scratch[i].p);
			scratch[i].p = NULL;
			scratch[i].n = 0;
		}
}

static void decode_into(int fd, enum evidence_format format, struct evidence_decode_sink *s);

void evidence_decode_file(int fd, enum evidence_format format, bool read,
			  struct evidence_decoded *out)
{
	struct evidence_decode_sink s;
	evidence_decode_begin(&s, out);
	s.read = read;
	decode_into(fd, format, &s);
}

void evidence_decode_thumb(int fd, enum evidence_format format, unsigned page, bool png,
			   struct evidence_wire_thumb *thumb)
{
	static struct evidence_decoded out;
	struct evidence_decode_sink s;
	evidence_decode_begin(&s, &out);
	memset(thumb, 0, offsetof(struct evidence_wire_thumb, rgb));
	thumb->magic = EVIDENCE_WIRE_MAGIC;
	thumb->op = EVIDENCE_WIRE_THUMB;
	s.only_page = page ? page : 1;
	s.thumb = thumb;
	decode_into(fd, format, &s);
	thumb->pages = out.pages;
	/* A page the decoders could not finish is not shown half-drawn. */
	if (!thumb->ok || out.damage >= EVIDENCE_DAMAGE_LOST || thumb->page > thumb->pages) {
		thumb->ok = 0;
		thumb->width = thumb->height = 0;
		thumb->page = thumb->page <= thumb->pages ? thumb->page : 0;
	}
	thumb->png_len = 0;
	if (png && thumb->ok)
		thumb->png_len = (uint32_t)evidence_png_encode(
		    thumb->rgb, thumb->width, thumb->height, thumb->png, sizeof(thumb->png));
}

static void decode_into(int fd, enum evidence_format format, struct evidence_decode_sink *sink)
{
	struct evidence_decode_sink s = *sink;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		evidence_decode_fault(&s, EVIDENCE_DAMAGE_UNREADABLE, 0, "not-readable",
				      "the file cannot be read");
		return;
	}
	uint64_t size = (uint64_t)st.st_size;
	switch (format) {
	case EVIDENCE_FORMAT_PNG:
		evidence_decode_png(fd, size, &s);
		break;
	case EVIDENCE_FORMAT_JPEG:
		evidence_decode_jpeg(fd, size, &s);
		break;
	case EVIDENCE_FORMAT_PDF:
		evidence_decode_pdf(fd, size, &s);
		break;
	case EVIDENCE_FORMAT_NONE:
		evidence_decode_fault(&s, EVIDENCE_DAMAGE_UNREADABLE, 0, "not-decoded",
				      "no decoder for this format");
		break;
	}
	scratch_trim();
}

void evidence_decode_fault(struct evidence_decode_sink *s, enum evidence_damage d, unsigned page,
			   const char *key, const char *fmt, ...)
{
	struct evidence_decoded *o = s->out;
	if (d <= o->damage)
		return;
	o->damage = d;
	o->bad_page = page;
	snprintf(o->key, sizeof(o->key), "%s", key);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(o->detail, sizeof(o->detail), fmt, ap);
	va_end(ap);
	/* Libraries end their messages with a newline, some with a period. */
	size_t n = strlen(o->detail);
	while (n > 0 && (o->detail[n - 1] == '\n' || o->detail[n - 1] == ' '))
		o->detail[--n] = '\0';
}

void evidence_decode_text(struct evidence_decode_sink *s, unsigned page, const char *text)
{
	struct evidence_decoded *o = s->out;
	if (!text)
		return;
	size_t room = EVIDENCE_TEXT_MAX - o->text_len;
	if (page > 1 && room > 0) {
		o->text[o->text_len++] = '\f';
		room--;
	}
	size_t n = strlen(text), bad;
	if (n > room) {
		n = room;
		/* Back to the start of a character. */
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
	}
	if (!utf8_valid(text, n, &bad))
		n = bad;
	memcpy(o->text + o->text_len, text, n);
	o->text_len += n;
	o->text[o->text_len] = '\0';
}

double evidence_decode_believable_dpi(double dpi)
{
	return isfinite(dpi) && dpi >= 100.0 && dpi <= 2400.0 ? dpi : 0.0;
}

/* A raster of more than DECODE_RASTER_MAX pixels, shrunk by a whole factor
 * (each pixel the mean of a k × k box), in scratch memory; NULL when r is
 * small enough. */
static unsigned char *shrink(const struct evidence_raster *r, struct evidence_raster *small)
{
	unsigned long long px = (unsigned long long)r->width * r->height;
	if (px <= DECODE_RASTER_MAX)
		return NULL;
	unsigned k = (unsigned)ceil(sqrt((double)px / DECODE_RASTER_MAX));
	while ((unsigned long long)(r->width / k) * (r->height / k) > DECODE_RASTER_MAX)
		k++;
	unsigned w = r->width / k, h = r->height / k, c = r->channels;
	if (!w || !h)
		return NULL;
	unsigned char *px_out = evidence_decode_scratch(DECODE_SCRATCH_SHRUNK, (size_t)w * h * c);
	uint32_t *acc = xcalloc((size_t)w * c, sizeof(*acc));
	for (unsigned y = 0; y < h; y++) {
		memset(acc, 0, (size_t)w * c * sizeof(*acc));
		for (unsigned dy = 0; dy < k; dy++) {
			const unsigned char *row = r->px + (size_t)(y * k + dy) * r->stride;
			for (unsigned x = 0; x < w; x++)
				for (unsigned dx = 0; dx < k; dx++)
					for (unsigned ch = 0; ch < c; ch++)
						acc[x * c + ch] +=
						    row[((size_t)x * k + dx) * c + ch];
		}
		unsigned char *out = px_out + (size_t)y * w * c;
		for (size_t i = 0; i < (size_t)w * c; i++)
			out[i] = (unsigned char)(acc[i] / (k * k));
	}
	free(acc);
	*small = (struct evidence_raster){.width = w,
					  .height = h,
					  .channels = c,
					  .stride = (size_t)w * c,
					  .px = px_out,
					  .dpi = r->dpi / k};
	return px_out;
}

/*
 * THE PAGE HOOK of the deep check. Every decoded image and every rendered
 * PDF page passes here once, in page order, while its pixels exist (r is
 * valid only during the call; at most DECODE_RASTER_MAX pixels, 8-bit grey
 * or RGB). look is where this page's findings go — it is sent to the
 * parent — or NULL past the first EVIDENCE_LOOK_PAGES pages. It arrives
 * with look->dpi = r->dpi (the effective resolution, 0 when unknown) and
 * look->rotation = -1; everything else is zero.
 *
 * The legibility measures (evidence_look_measure(r, look)) and OCR of a
 * page without a text layer (its text then goes in through
 * evidence_decode_text(s, page, text)) are called from here.
 */
static void worker_page_seen(struct evidence_decode_sink *s, unsigned page,
			     const struct evidence_raster *r, struct evidence_look *look)
{
	(void)page;
	if (!look)
		return;
	evidence_look_measure(r, look);
	if (!s->read)
		return;
	/* OCR only where there is nothing else to read: an image, or a PDF
	 * page without a text layer. A page turned the wrong way is read the
	 * way tesseract's orientation detection turns it. */
	if (s->page_has_text)
		return;
	static char text[EVIDENCE_TEXT_MAX];
	int turn = 0;
	if (evidence_ocr_page(r, text, sizeof(text), &turn) >= 0) {
		evidence_decode_text(s, page, text);
		s->ocr_page = page;
		if (turn && look->rotation <= 0)
			look->rotation = turn;
	}
}

bool evidence_decode_measured_only(const struct evidence_decode_sink *s)
{
	return !s->thumb && !(s->read && !s->page_has_text);
}

unsigned evidence_decode_reduce(const struct evidence_decode_sink *s, unsigned width,
				unsigned height)
{
	if (!evidence_decode_measured_only(s) || !width || !height)
		return 1;
	return evidence_look_factor(width, height);
}

bool evidence_decode_turn(const struct evidence_raster *r, int turn, unsigned slot,
			  struct evidence_raster *out)
{
	if (turn != 90 && turn != 180 && turn != 270)
		return false;
	unsigned w = r->width, h = r->height, c = r->channels;
	unsigned ow = turn == 180 ? w : h, oh = turn == 180 ? h : w;
	unsigned char *px = evidence_decode_scratch(slot, (size_t)w * h * c);
	for (unsigned y = 0; y < h; y++) {
		const unsigned char *in = r->px + (size_t)y * r->stride;
		for (unsigned x = 0; x < w; x++) {
			unsigned ox, oy;
			if (turn == 90) {
				ox = h - 1 - y;
				oy = x;
			} else if (turn == 180) {
				ox = w - 1 - x;
				oy = h - 1 - y;
			} else {
				ox = y;
				oy = w - 1 - x;
			}
			memcpy(px + ((size_t)oy * ow + ox) * c, in + (size_t)x * c, c);
		}
	}
	*out = (struct evidence_raster){.width = ow,
					.height = oh,
					.channels = c,
					.stride = (size_t)ow * c,
					.px = px,
					.dpi = r->dpi};
	return true;
}

void evidence_decode_page(struct evidence_decode_sink *s, unsigned page,
			  const struct evidence_raster *r)
{
	evidence_decode_page_turned(s, page, r, 0);
}

/* r made small into t, in proportion, each pixel the mean of the area it
 * covers (a page of text stays readable as a shape, not as noise). */
static void thumb_scale(const struct evidence_raster *r, struct evidence_wire_thumb *t)
{
	unsigned w = r->width, h = r->height, c = r->channels;
	if (!w || !h || (c != 1 && c != 3) || !r->px)
		return;
	unsigned long long tw =
	    w >= h ? EVIDENCE_THUMB_MAX : (unsigned long long)w * EVIDENCE_THUMB_MAX / h;
	unsigned long long th =
	    h >= w ? EVIDENCE_THUMB_MAX : (unsigned long long)h * EVIDENCE_THUMB_MAX / w;
	if (tw > w)
		tw = w; /* never larger than the picture */
	if (th > h)
		th = h;
	if (tw < 1)
		tw = 1;
	if (th < 1)
		th = 1;
	for (unsigned ty = 0; ty < th; ty++) {
		unsigned y0 = (unsigned)((unsigned long long)ty * h / th);
		unsigned y1 = (unsigned)((unsigned long long)(ty + 1) * h / th);
		if (y1 <= y0)
			y1 = y0 + 1;
		for (unsigned tx = 0; tx < tw; tx++) {
			unsigned x0 = (unsigned)((unsigned long long)tx * w / tw);
			unsigned x1 = (unsigned)((unsigned long long)(tx + 1) * w / tw);
			if (x1 <= x0)
				x1 = x0 + 1;
			unsigned long long sum[3] = {0, 0, 0}, n = 0;
			for (unsigned y = y0; y < y1; y++) {
				const unsigned char *row = r->px + (size_t)y * r->stride;
				for (unsigned x = x0; x < x1; x++, n++)
					for (unsigned k = 0; k < 3; k++)
						sum[k] += row[(size_t)x * c + (c == 3 ? k : 0)];
			}
			unsigned char *o = t->rgb + ((size_t)ty * tw + tx) * 3;
			for (unsigned k = 0; k < 3; k++)
				o[k] = (unsigned char)(sum[k] / n);
		}
	}
	t->width = (uint32_t)tw;
	t->height = (uint32_t)th;
	t->ok = 1;
}

void evidence_decode_page_turned(struct evidence_decode_sink *s, unsigned page,
				 const struct evidence_raster *r, int turn)
{
	struct evidence_decoded *o = s->out;
	if (s->thumb && page != s->only_page)
		return; /* a preview draws its page only */
	struct evidence_raster small, turned;
	const unsigned char *shrunk = shrink(r, &small);
	const struct evidence_raster *use = shrunk ? &small : r;
	if (evidence_decode_turn(use, turn, DECODE_SCRATCH_TURNED, &turned))
		use = &turned;
	if (s->thumb) { /* the page as a viewer shows it, made small */
		s->thumb->page = page;
		thumb_scale(use, s->thumb);
		return;
	}
	struct evidence_look *look = NULL;
	if (page >= 1 && page <= EVIDENCE_LOOK_PAGES) {
		look = &o->looks[page - 1];
		*look = (struct evidence_look){.dpi = use->dpi, .rotation = -1};
		if (o->nlooks < page)
			o->nlooks = page;
	}
	worker_page_seen(s, page, use, look);
	/* A raster made small for the measures says nothing about the page's
	 * resolution: the page's own is reported. */
	if (look && s->page_dpi > 0)
		look->dpi = s->page_dpi;
	s->page_dpi = 0;
}
