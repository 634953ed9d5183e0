/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_decode_jpeg.c — a JPEG decoded in full by libjpeg-turbo, as a
 * viewer reads it. libjpeg tells damage apart itself: stray bytes before a
 * marker are skipped by every decoder (repaired); data that ends early, a
 * bad Huffman code or a segment cut short leave grey or smeared bands where
 * the picture was (content lost); 12-bit, lossless and hierarchical JPEGs
 * are forms libjpeg — and so most viewers and browsers — do not show at
 * all. The size in the frame header is judged before decoding; the EXIF
 * orientation is applied, as viewers do, before the page is looked at. */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* jpeglib.h (and its jconfig.h) before jerror.h, whose list depends on it */
#include <jpeglib.h>
// clang-format off
#include <jerror.h>
// clang-format on

#include "base/base.h"
#include "evidence_decode.h"

enum {
	JPEG_MAX_SCANS = 500,		 /* a progressive file with more is an attack */
	JPEG_MEMORY = 700 * 1024 * 1024, /* libjpeg's own working memory */
	JPEG_EXIF_MARKER = JPEG_APP0 + 1,
};

enum jpeg_phase { PHASE_HEADER, PHASE_PIXELS, PHASE_END };

struct jpeg_job {
	struct jpeg_error_mgr err; /* first: libjpeg's callbacks get this pointer */
	struct jpeg_progress_mgr progress;
	jmp_buf jump;
	struct evidence_decode_sink *s;
	enum jpeg_phase phase;
	bool too_many_scans;
	unsigned char *px; /* the decoded rows (scratch memory) */
};

static void jpeg_error_cb(j_common_ptr cinfo)
{
	struct jpeg_job *j = (struct jpeg_job *)cinfo->err;
	longjmp(j->jump, 1);
}

/* A warning (level -1): what it costs the picture. Trace messages (level
 * 0 and up) are not faults. */
static void jpeg_message_cb(j_common_ptr cinfo, int level)
{
	struct jpeg_job *j = (struct jpeg_job *)cinfo->err;
	if (level >= 0)
		return;
	char msg[JMSG_LENGTH_MAX];
	cinfo->err->format_message(cinfo, msg);
	switch (cinfo->err->msg_code) {
	case JWRN_EXTRANEOUS_DATA:
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_REPAIRED, 0, "jpeg-stray-bytes", "%s",
				      msg);
		break;
	case JWRN_JPEG_EOF:
		if (j->phase == PHASE_END)
			evidence_decode_fault(j->s, EVIDENCE_DAMAGE_REPAIRED, 0, "jpeg-no-end",
					      "%s", msg);
		else
			evidence_decode_fault(j->s, EVIDENCE_DAMAGE_TRUNCATED, 0, "jpeg-truncated",
					      "%s", msg);
		break;
	case JWRN_HIT_MARKER:
	case JWRN_HUFF_BAD_CODE:
#if JPEG_LIB_VERSION >= 70 || defined(D_ARITH_CODING_SUPPORTED)
	case JWRN_ARITH_BAD_CODE:
#endif
	case JWRN_MUST_RESYNC:
	case JWRN_NOT_SEQUENTIAL:
	case JWRN_BOGUS_PROGRESSION:
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_LOST, 0, "jpeg-corrupt-data", "%s",
				      msg);
		break;
	default: /* a colour transform or ICC profile libjpeg skips */
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_REPAIRED, 0, "jpeg-warning", "%s", msg);
	}
}

static void jpeg_progress_cb(j_common_ptr cinfo)
{
	struct jpeg_job *j = (struct jpeg_job *)cinfo->err;
	j_decompress_ptr d = (j_decompress_ptr)cinfo;
	if (cinfo->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS) {
		j->too_many_scans = true;
		longjmp(j->jump, 1);
	}
}

/* The error that stopped libjpeg, by what it means for a viewer. */
static void jpeg_judge_error(struct jpeg_job *j, j_decompress_ptr cinfo)
{
	struct evidence_decode_sink *s = j->s;
	if (j->too_many_scans) {
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "jpeg-scans",
				      "more than %d progressive scans", JPEG_MAX_SCANS);
		return;
	}
	char msg[JMSG_LENGTH_MAX];
	cinfo->err->format_message((j_common_ptr)cinfo, msg);
	switch (cinfo->err->msg_code) {
	case JERR_BAD_PRECISION:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNSUPPORTED, 0, "jpeg-precision", "%s",
				      msg);
		return;
	case JERR_SOF_UNSUPPORTED:
	case JERR_ARITH_NOTIMPL:
	case JERR_NOT_COMPILED:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNSUPPORTED, 0, "jpeg-process", "%s", msg);
		return;
	case JERR_OUT_OF_MEMORY:
	case JERR_NO_BACKING_STORE:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_TOO_BIG, 0, "jpeg-memory", "%s", msg);
		return;
	default:
		break;
	}
	switch (j->phase) {
	case PHASE_HEADER:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "jpeg-header", "%s", msg);
		break;
	case PHASE_PIXELS:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_LOST, 0, "jpeg-corrupt-data", "%s", msg);
		break;
	case PHASE_END:
		evidence_decode_fault(s, EVIDENCE_DAMAGE_REPAIRED, 0, "jpeg-after-image", "%s",
				      msg);
		break;
	}
}

static unsigned get16(const unsigned char *p, bool le)
{
	return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

static uint32_t get32(const unsigned char *p, bool le)
{
	return le ? (uint32_t)get16(p, true) | (uint32_t)get16(p + 2, true) << 16
		  : (uint32_t)get16(p, false) << 16 | get16(p + 2, false);
}

/* Degrees to turn clockwise for display, from the EXIF Orientation tag of
 * IFD0 (mirrored forms are taken as their turn: text is never mirrored). */
static int exif_turn(j_decompress_ptr cinfo)
{
	for (jpeg_saved_marker_ptr m = cinfo->marker_list; m; m = m->next) {
		if (m->marker != JPEG_EXIF_MARKER || m->data_length < 14 ||
		    memcmp(m->data, "Exif\0\0", 6) != 0)
			continue;
		const unsigned char *t = m->data + 6;
		size_t n = m->data_length - 6;
		bool le = t[0] == 'I' && t[1] == 'I';
		if (!le && !(t[0] == 'M' && t[1] == 'M'))
			return 0;
		uint32_t ifd = get32(t + 4, le);
		if (ifd > n - 2)
			return 0;
		unsigned count = get16(t + ifd, le);
		for (unsigned i = 0; i < count; i++) {
			size_t e = (size_t)ifd + 2 + (size_t)i * 12;
			if (e + 12 > n)
				return 0;
			if (get16(t + e, le) != 0x0112)
				continue;
			switch (get16(t + e + 8, le)) {
			case 3:
			case 4:
				return 180;
			case 6:
			case 7:
				return 90;
			case 8:
			case 5:
				return 270;
			default:
				return 0;
			}
		}
		return 0;
	}
	return 0;
}

static double jpeg_dpi(j_decompress_ptr cinfo)
{
	if (!cinfo->saw_JFIF_marker || cinfo->X_density != cinfo->Y_density)
		return 0.0;
	if (cinfo->density_unit == 1)
		return evidence_decode_believable_dpi(cinfo->X_density);
	if (cinfo->density_unit == 2)
		return evidence_decode_believable_dpi(cinfo->X_density * 2.54);
	return 0.0;
}

/* CMYK rows (Adobe's inverted form when the file says it is Adobe's) to
 * RGB, in place: each row shrinks from 4 to 3 bytes a pixel. */
static void cmyk_to_rgb(unsigned char *px, size_t pixels, bool inverted)
{
	unsigned char *out = px;
	for (size_t i = 0; i < pixels; i++, px += 4) {
		unsigned c = px[0], m = px[1], y = px[2], k = px[3];
		if (!inverted) {
			c = 255 - c;
			m = 255 - m;
			y = 255 - y;
			k = 255 - k;
		}
		*out++ = (unsigned char)(c * k / 255);
		*out++ = (unsigned char)(m * k / 255);
		*out++ = (unsigned char)(y * k / 255);
	}
}

/* The part under setjmp: header, size, every row, the end. */
static void jpeg_run(struct jpeg_job *j, j_decompress_ptr cinfo, const void *data, size_t size)
{
	struct evidence_decoded *o = j->s->out;
	jpeg_create_decompress(cinfo);
	cinfo->mem->max_memory_to_use = JPEG_MEMORY;
	cinfo->progress = &j->progress;
	jpeg_mem_src(cinfo, data, (unsigned long)size);
	jpeg_save_markers(cinfo, JPEG_EXIF_MARKER, 0xffff);
	if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_UNREADABLE, 0, "jpeg-header",
				      "no image in the file");
		return;
	}
	o->width = cinfo->image_width;
	o->height = cinfo->image_height;
	o->pages = 1;
	if ((unsigned long long)cinfo->image_width * cinfo->image_height > j->s->max_pixels) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_TOO_BIG, 0, "jpeg-too-big",
				      "frame: %u x %u pixels", cinfo->image_width,
				      cinfo->image_height);
		return;
	}
	bool cmyk = cinfo->jpeg_color_space == JCS_CMYK || cinfo->jpeg_color_space == JCS_YCCK;
	cinfo->out_color_space = cinfo->jpeg_color_space == JCS_GRAYSCALE ? JCS_GRAYSCALE
				 : cmyk					  ? JCS_CMYK
									  : JCS_RGB;
	/* A picture OCR does not read is only measured, at about 1000 pixels:
	 * libjpeg's scaled IDCT makes it M/8 of its size as it decodes, M the
	 * eighths nearest to the measures' factor f (1/2 for 2, 3/8 for 3, 1/4
	 * for 4 and 5, 1/8 from 7 on). Every coefficient of every scan is
	 * still entropy-decoded, so damage is found as before; the IDCT, the
	 * colour conversion and the measures see a fraction of the pixels. The
	 * measures then box what arrives by their own factor for its size (a
	 * phone photo of 3264 pixels is measured at 1224 instead of 1088; a
	 * picture boxed by 3 was decoded in full, the largest cost of a photo's
	 * check). */
	unsigned f = evidence_decode_reduce(j->s, cinfo->image_width, cinfo->image_height);
	unsigned eighths = (16 + f) / (2 * f); /* round(8 / f) */
	cinfo->scale_num = eighths < 1 ? 1 : eighths > 8 ? 8 : eighths;
	cinfo->scale_denom = 8;
	j->phase = PHASE_PIXELS;
	jpeg_start_decompress(cinfo);
	size_t stride = (size_t)cinfo->output_width * cinfo->output_components;
	j->px = evidence_decode_scratch(DECODE_SCRATCH_PIXELS, stride * cinfo->output_height);
	while (cinfo->output_scanline < cinfo->output_height) {
		JSAMPROW row = j->px + stride * cinfo->output_scanline;
		if (jpeg_read_scanlines(cinfo, &row, 1) != 1)
			return; /* cannot happen with a memory source */
	}
	j->phase = PHASE_END;
	jpeg_finish_decompress(cinfo);
}

void evidence_decode_jpeg(int fd, uint64_t size, struct evidence_decode_sink *s)
{
	void *map = size ? mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	if (map == MAP_FAILED) {
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "jpeg-read",
				      "the file cannot be mapped");
		return;
	}
	struct jpeg_decompress_struct cinfo;
	memset(&cinfo, 0, sizeof(cinfo));
	struct jpeg_job j = {.s = s, .phase = PHASE_HEADER};
	cinfo.err = jpeg_std_error(&j.err);
	j.err.error_exit = jpeg_error_cb;
	j.err.emit_message = jpeg_message_cb;
	j.progress.progress_monitor = jpeg_progress_cb;
	if (setjmp(j.jump) == 0)
		jpeg_run(&j, &cinfo, map, (size_t)size);
	else
		jpeg_judge_error(&j, &cinfo);
	/* The picture is looked at when every row was decoded, whatever
	 * follows it. */
	unsigned char *px = j.px;
	if (px && j.phase == PHASE_END) {
		unsigned c = cinfo.output_components == 1 ? 1 : 3;
		size_t pixels = (size_t)cinfo.output_width * cinfo.output_height;
		if (cinfo.output_components == 4)
			cmyk_to_rgb(px, pixels, cinfo.saw_Adobe_marker);
		double dpi = jpeg_dpi(&cinfo);
		struct evidence_raster r = {.width = cinfo.output_width,
					    .height = cinfo.output_height,
					    .channels = c,
					    .stride = (size_t)cinfo.output_width * c,
					    .px = px,
					    .dpi = dpi};
		if (cinfo.output_width < cinfo.image_width && dpi > 0) {
			r.dpi = dpi * cinfo.output_width / cinfo.image_width;
			s->page_dpi = dpi;
		}
		evidence_decode_page_turned(s, 1, &r, exif_turn(&cinfo));
	}
	jpeg_destroy_decompress(&cinfo);
	munmap(map, (size_t)size);
}
