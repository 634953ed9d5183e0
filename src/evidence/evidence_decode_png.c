/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_decode_png.c — a PNG decoded in full by libpng, as an image
 * viewer reads it: every chunk's CRC, the zlib stream of the IDAT chunks,
 * every row. A fault in a critical chunk (IHDR, PLTE, IDAT) stops libpng
 * and every viewer built on it: the picture is damaged. Faults in ancillary
 * chunks (text, time, colour hints) are dropped by viewers without a word:
 * repaired. A missing IEND after complete image data is repaired too. The
 * size in IHDR is judged before a byte of image data is inflated. */
#include "config.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_decode.h"

enum png_phase { PHASE_HEADER, PHASE_ROWS, PHASE_END };

struct png_job {
	int fd;
	uint64_t size, off;
	struct evidence_decode_sink *s;
	enum png_phase phase;
	bool eof; /* a read hit the end of the file */
	char msg[128];
	unsigned char *px;
	png_bytep *rows;
};

static void png_read_cb(png_structp png, png_bytep buf, size_t n)
{
	struct png_job *j = png_get_io_ptr(png);
	if (n > j->size - j->off) {
		j->eof = true;
		png_error(png, "unexpected end of file");
	}
	if (!evidence_pread(j->fd, buf, n, j->off))
		png_error(png, "read error");
	j->off += n;
}

static void png_error_cb(png_structp png, png_const_charp msg)
{
	struct png_job *j = png_get_error_ptr(png);
	snprintf(j->msg, sizeof(j->msg), "%s", msg);
	png_longjmp(png, 1);
}

/* Colour-management remarks (an sRGB profile libpng knows is off) are
 * about how exactly colours show, never about whether the picture shows. */
static void png_warning_cb(png_structp png, png_const_charp msg)
{
	struct png_job *j = png_get_error_ptr(png);
	static const char *const colour[] = {"iCCP", "sRGB", "cHRM", "gAMA", "profile"};
	for (size_t i = 0; i < sizeof(colour) / sizeof(colour[0]); i++)
		if (strstr(msg, colour[i]))
			return;
	evidence_decode_fault(j->s, EVIDENCE_DAMAGE_REPAIRED, 0, "png-ancillary", "%s", msg);
}

/* What the error that stopped libpng means, by where it happened. */
static void png_judge_error(struct png_job *j)
{
	switch (j->phase) {
	case PHASE_HEADER:
		evidence_decode_fault(
		    j->s, j->eof ? EVIDENCE_DAMAGE_TRUNCATED : EVIDENCE_DAMAGE_UNREADABLE, 0,
		    "png-header", "%s", j->msg);
		break;
	case PHASE_ROWS:
		if (j->eof)
			evidence_decode_fault(j->s, EVIDENCE_DAMAGE_TRUNCATED, 0, "png-truncated",
					      "%s", j->msg);
		else
			evidence_decode_fault(j->s, EVIDENCE_DAMAGE_LOST, 0,
					      strstr(j->msg, "CRC") ? "png-crc" : "png-data", "%s",
					      j->msg);
		break;
	case PHASE_END:
		/* Every row is there; what follows the image data is not shown. */
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_REPAIRED, 0,
				      j->eof ? "png-no-end" : "png-after-image", "%s", j->msg);
		break;
	}
}

/* Rows of n-channel pixels (2 or 4 with alpha) put in place as 1 or 3
 * channels over white paper, as a viewer shows transparency on a page. */
static void flatten(unsigned char *px, png_bytep *rows, unsigned w, unsigned h, unsigned n)
{
	unsigned c = n >= 3 ? 3 : 1;
	bool alpha = n == 2 || n == 4;
	unsigned char *out = px;
	for (unsigned y = 0; y < h; y++) {
		const unsigned char *in = rows[y];
		for (unsigned x = 0; x < w; x++, in += n) {
			unsigned a = alpha ? in[n - 1] : 255;
			for (unsigned k = 0; k < c; k++)
				*out++ = (unsigned char)((in[k] * a + 255 * (255 - a) + 127) / 255);
		}
	}
}

static double png_dpi(png_structp png, png_infop info)
{
	png_uint_32 xres, yres;
	int unit;
	if (!png_get_pHYs(png, info, &xres, &yres, &unit) || unit != PNG_RESOLUTION_METER ||
	    xres != yres)
		return 0.0;
	return evidence_decode_believable_dpi(xres * 0.0254);
}

/* The part under setjmp: libpng's errors come back here. */
static void png_run(struct png_job *j, png_structp png, png_infop info)
{
	png_set_read_fn(png, j, png_read_cb);
	png_set_user_limits(png, 0x7fffffff, 0x7fffffff); /* the size is judged below */
	png_read_info(png, info);
	png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
	struct evidence_decoded *o = j->s->out;
	o->width = w;
	o->height = h;
	o->pages = 1;
	if ((unsigned long long)w * h > j->s->max_pixels) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_TOO_BIG, 0, "png-too-big",
				      "IHDR: %lu x %lu pixels", (unsigned long)w, (unsigned long)h);
		return;
	}
	png_set_expand(png);
	png_set_strip_16(png);
	png_set_interlace_handling(png);
	png_read_update_info(png, info);
	unsigned n = png_get_channels(png, info);
	size_t rowbytes = png_get_rowbytes(png, info);
	if (n < 1 || n > 4 || rowbytes < (size_t)w * n) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_UNREADABLE, 0, "png-header",
				      "unexpected row layout");
		return;
	}
	j->px = evidence_decode_scratch(DECODE_SCRATCH_PIXELS, rowbytes * h);
	j->rows = xreallocarray(NULL, h, sizeof(*j->rows));
	for (png_uint_32 y = 0; y < h; y++)
		j->rows[y] = j->px + (size_t)y * rowbytes;
	j->phase = PHASE_ROWS;
	png_read_image(png, j->rows);
	j->phase = PHASE_END;
	png_read_end(png, NULL);
}

void evidence_decode_png(int fd, uint64_t size, struct evidence_decode_sink *s)
{
	struct png_job j = {.fd = fd, .size = size, .s = s, .phase = PHASE_HEADER};
	png_structp png =
	    png_create_read_struct(PNG_LIBPNG_VER_STRING, &j, png_error_cb, png_warning_cb);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!info) {
		png_destroy_read_struct(&png, NULL, NULL);
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "png-memory",
				      "libpng could not start");
		return;
	}
	struct png_job *volatile jp = &j;
	bool complete = false;
	if (setjmp(png_jmpbuf(png)) == 0) {
		png_run(jp, png, info);
		complete = jp->phase == PHASE_END;
	} else {
		png_judge_error(jp);
		complete = jp->phase == PHASE_END;
	}
	if (complete) {
		unsigned n = png_get_channels(png, info);
		unsigned w = png_get_image_width(png, info), h = png_get_image_height(png, info);
		unsigned c = n >= 3 ? 3 : 1;
		/* Without alpha, rows packed one after another already are the
		 * raster: flattening would copy every byte onto itself. */
		bool packed = h < 2 || j.rows[1] == j.px + (size_t)w * n;
		if (n != c || !packed)
			flatten(j.px, j.rows, w, h, n);
		struct evidence_raster r = {.width = w,
					    .height = h,
					    .channels = c,
					    .stride = (size_t)w * c,
					    .px = j.px,
					    .dpi = png_dpi(png, info)};
		evidence_decode_page(s, 1, &r);
	}
	png_destroy_read_struct(&png, &info, NULL);
	free(j.rows);
}

/* Writing a thumbnail (evidence_decode_thumb): libpng into a buffer. */
struct png_sink {
	unsigned char *out;
	size_t max, len;
	bool full;
};

static void sink_write(png_structp png, png_bytep data, png_size_t n)
{
	struct png_sink *k = png_get_io_ptr(png);
	if (k->full || n > k->max - k->len) {
		k->full = true;
		return;
	}
	memcpy(k->out + k->len, data, n);
	k->len += n;
}

static void sink_flush(png_structp png)
{
	(void)png;
}

size_t evidence_png_encode(const unsigned char *rgb, unsigned width, unsigned height,
			   unsigned char *out, size_t max)
{
	struct png_sink k = {.out = out, .max = max};
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	if (!png || !info) {
		png_destroy_write_struct(&png, &info);
		return 0;
	}
	if (setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		return 0;
	}
	png_set_write_fn(png, &k, sink_write, sink_flush);
	png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_write_info(png, info);
	for (unsigned y = 0; y < height; y++)
		png_write_row(png, (png_const_bytep)(rgb + (size_t)y * width * 3));
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	return k.full ? 0 : k.len;
}
