/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_decode_pdf.c — a PDF opened with poppler-glib and every page
 * rendered with cairo into an image, as a viewer shows it, with the text
 * layer of each page. poppler says what it met through GLib's log (domain
 * "Poppler"); those messages are judged here by what a viewer makes of them:
 *
 * - a file poppler cannot open, without pages, whose header is not in its
 *   first 1024 bytes, or whose index (trailer) had to be guessed from a scan
 *   of the bytes — no trailer found, or xref tables in a loop — is one
 *   viewers refuse (MuPDF and PDF.js give up, Acrobat offers a repair that
 *   may show other pages): unreadable, or cut short when its end is missing;
 * - a page whose content stream does not decode (LZW, Flate, CCITT, JBIG2,
 *   DCT or JPX data in error) or decodes to words that are no drawing
 *   operators (the stream is garbage or overruns into the file) loses what
 *   was drawn there: that page cannot be shown;
 * - more than PDF_MAX_MESSAGES complaints: damaged throughout, and the
 *   pages after the one where that happened are not drawn (nor measured):
 *   what is wrong with the file is known, and each page of such a file
 *   adds thousands of complaints, which were a sixth of the time the whole
 *   public corpus took to check;
 * - anything else (an xref entry off, a name or a trailer key malformed, a
 *   font substituted, the header after leading bytes) is repaired by every
 *   viewer without a word: repaired.
 *
 * A PDF that needs a password to open cannot be read by a reviewer; one
 * that opens without one (an empty user password, owner restrictions only)
 * is read normally, and its restrictions are reported. Pages are judged
 * at DECODE_PDF_DPI, less for pages so large that they would exceed
 * DECODE_PAGE_PIXELS; a page OCR reads is rendered at that resolution, any
 * other at the smaller one the legibility measures work at. */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "evidence_decode.h"

enum {
	PDF_MAX_MESSAGES = 1000,
	PDF_HEAD = 1024, /* where viewers look for %PDF- */
	PDF_TAIL = 1024, /* where %%EOF is */
	PDF_MAX_SIDE = 16384,
};

struct pdf_job {
	struct evidence_decode_sink *s;
	unsigned page;	   /* the page being rendered, 0 while opening */
	unsigned messages; /* every complaint of poppler */
	bool index_lost;   /* the trailer had to be guessed */
	char first[128];   /* the first complaint that was repaired */
};

static struct pdf_job *current; /* the decode the log handler reports to */

static bool has(const char *s, const char *needle)
{
	return strstr(s, needle) != NULL;
}

/* A stream that does not decode: what it drew is lost. */
/* A text layer worth reading: a few letters or digits, not only the
 * spaces and line ends some scanners write. */
static bool has_words(const char *text)
{
	unsigned n = 0;
	for (const unsigned char *p = (const unsigned char *)text; p && *p && n < 8; p++)
		if (*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		    ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			n++;
	return n >= 8;
}

static bool data_error(const char *m)
{
	static const char *const words[] = {
	    "Bad LZW stream",	  "in flate stream",	"Unknown filter",
	    "CCITTFax stream",	  "JBIG2 stream",	"Bad DCT",
	    "start of jpeg data", "Bad RunLength",	"JPX",
	    "OpenJPEG",		  "Unknown compression"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (has(m, words[i]))
			return true;
	return false;
}

/* Words in a content stream that no drawing operator is: the stream is
 * garbage, or was read past its end into the rest of the file. Only the
 * keywords that end a stream or an object are what a repaired /Length
 * leaves behind, and viewers skip them. */
static bool garbage_content(const char *m)
{
	if (has(m, "Too few (") && has(m, "args to"))
		return true;
	const char *op = strstr(m, "Unknown operator '");
	if (!op)
		return false;
	op += strlen("Unknown operator '");
	return strncmp(op, "endstream'", 10) != 0 && strncmp(op, "endobj'", 7) != 0;
}

static void pdf_judge(struct pdf_job *j, const char *m)
{
	if (++j->messages == PDF_MAX_MESSAGES + 1)
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_LOST, 0, "pdf-errors",
				      "more than %d errors", PDF_MAX_MESSAGES);
	if (j->messages > PDF_MAX_MESSAGES)
		return;
	if (has(m, "Couldn't find trailer dictionary") || has(m, "Infinite loop in xref")) {
		j->index_lost = true;
		return;
	}
	if (j->page && (data_error(m) || garbage_content(m))) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_LOST, j->page, "pdf-page", "%s", m);
		return;
	}
	if (!j->first[0])
		snprintf(j->first, sizeof(j->first), "%s", m);
}

/* "Syntax error at position 405: Missing 'endstream'": what follows the
 * position is the complaint. */
static void pdf_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain;
	(void)level;
	(void)data;
	if (!current || !msg)
		return;
	const char *at = strstr(msg, " at position ");
	const char *colon = at ? strstr(at, ": ") : NULL;
	pdf_judge(current, colon ? colon + 2 : msg);
}

/* Other libraries' remarks (GLib, GObject) are not about the file. */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain;
	(void)level;
	(void)msg;
	(void)data;
}

static void pdf_log_install(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
			  pdf_log, NULL);
	g_log_set_default_handler(quiet_log, NULL);
}

/* The offset of "%PDF-" in the first PDF_HEAD bytes, or -1. */
static long header_offset(int fd, uint64_t size)
{
	char head[PDF_HEAD];
	size_t n = size < sizeof(head) ? (size_t)size : sizeof(head);
	if (!evidence_pread(fd, head, n, 0))
		return -1;
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(head + i, "%PDF-", 5) == 0)
			return (long)i;
	return -1;
}

static bool has_end(int fd, uint64_t size)
{
	char tail[PDF_TAIL];
	size_t n = size < sizeof(tail) ? (size_t)size : sizeof(tail);
	if (!evidence_pread(fd, tail, n, size - n))
		return false;
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(tail + i, "%%EOF", 5) == 0)
			return true;
	return false;
}

static void pdf_restrictions(PopplerDocument *doc, struct evidence_decoded *o)
{
	PopplerPermissions p = poppler_document_get_permissions(doc);
	o->restrictions = (p & POPPLER_PERMISSIONS_OK_TO_PRINT ? 0 : EVIDENCE_PDF_NO_PRINT) |
			  (p & POPPLER_PERMISSIONS_OK_TO_COPY ? 0 : EVIDENCE_PDF_NO_COPY) |
			  (p & POPPLER_PERMISSIONS_OK_TO_MODIFY ? 0 : EVIDENCE_PDF_NO_EDIT);
}

/* The rendering scale (pixels per point) of a page of w × h points. */
static double page_scale(double w, double h)
{
	double scale = DECODE_PDF_DPI / 72.0;
	double px = w * scale * h * scale;
	if (px > DECODE_PAGE_PIXELS)
		scale *= sqrt(DECODE_PAGE_PIXELS / px);
	double side = (w > h ? w : h) * scale;
	if (side > PDF_MAX_SIDE)
		scale *= PDF_MAX_SIDE / side;
	return scale;
}

/* cairo's xRGB pixels (0x00RRGGBB words in native order) made RGB bytes,
 * in place: row y moves to y * w * 3, each pixel to 3 bytes (every write is
 * at or before what is still to be read). A page is millions of pixels, so
 * this is one of the costs of a PDF's check: on little-endian machines four
 * pixels go at a time, as three words (t = bswap(v) >> 8 holds R, G, B as
 * its first three bytes in memory), and with SSSE3 one byte shuffle does
 * the four. */
static void xrgb_row_scalar(const unsigned char *row, int w, unsigned char **outp)
{
	unsigned char *out = *outp;
	int x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	for (; x + 4 <= w; x += 4) {
		uint32_t v[4];
		memcpy(v, row + (size_t)x * 4, sizeof(v));
		uint32_t t0 = __builtin_bswap32(v[0]) >> 8, t1 = __builtin_bswap32(v[1]) >> 8,
			 t2 = __builtin_bswap32(v[2]) >> 8, t3 = __builtin_bswap32(v[3]) >> 8;
		/* Three stores of their own: one wide store of a spilled array
		 * stalls on store forwarding. */
		uint32_t o0 = t0 | t1 << 24, o1 = t1 >> 8 | t2 << 16, o2 = t2 >> 16 | t3 << 8;
		memcpy(out, &o0, 4);
		memcpy(out + 4, &o1, 4);
		memcpy(out + 8, &o2, 4);
		out += 12;
	}
#endif
	for (; x < w; x++) {
		uint32_t v;
		memcpy(&v, row + (size_t)x * 4, 4);
		out[0] = (unsigned char)(v >> 16);
		out[1] = (unsigned char)(v >> 8);
		out[2] = (unsigned char)v;
		out += 3;
	}
	*outp = out;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <tmmintrin.h>
#define HAVE_XRGB_SSSE3 1
/* 16 bytes stored for every 12 made: the 4 past them are overwritten by the
 * next pixels, and never reach what is still to be read. */
__attribute__((target("ssse3"))) static void xrgb_row_ssse3(const unsigned char *row, int w,
							    unsigned char **outp)
{
	const __m128i pick = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
	unsigned char *out = *outp;
	int x = 0;
	for (; x + 4 <= w; x += 4) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(row + (size_t)x * 4));
		_mm_storeu_si128((__m128i *)(void *)out, _mm_shuffle_epi8(v, pick));
		out += 12;
	}
	*outp = out;
	xrgb_row_scalar(row + (size_t)x * 4, w - x, outp);
}
#endif

static void xrgb_to_rgb(unsigned char *data, int stride, int w, int h)
{
	unsigned char *out = data;
#ifdef HAVE_XRGB_SSSE3
	bool ssse3 = __builtin_cpu_supports("ssse3");
#endif
	for (int y = 0; y < h; y++) {
		const unsigned char *row = data + (size_t)y * (size_t)stride;
#ifdef HAVE_XRGB_SSSE3
		if (ssse3) {
			xrgb_row_ssse3(row, w, &out);
			continue;
		}
#endif
		xrgb_row_scalar(row, w, &out);
	}
}

/* A page surface of w × h: the last one again when it is of that size
 * (most documents have one page size), painted white. */
static cairo_surface_t *page_surface(int w, int h)
{
	static cairo_surface_t *last;
	if (last && (cairo_image_surface_get_width(last) != w ||
		     cairo_image_surface_get_height(last) != h)) {
		cairo_surface_destroy(last);
		last = NULL;
	}
	if (!last) {
		last = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		if (cairo_surface_status(last) != CAIRO_STATUS_SUCCESS) {
			cairo_surface_destroy(last);
			last = NULL;
			return NULL;
		}
	}
	/* White: every byte 0xff (the unused one too), as cairo_paint would
	 * make it, at a memset's cost instead of a twentieth of a page's. */
	cairo_surface_flush(last);
	memset(cairo_image_surface_get_data(last), 0xff,
	       (size_t)cairo_image_surface_get_stride(last) * (size_t)h);
	cairo_surface_mark_dirty(last);
	return last;
}

/* Render one page into an RGB raster and hand it on; false when the page
 * cannot be drawn at all. */
/* A scan put into a PDF: one picture over most of a page that has no text
 * layer. Its own pixels are what the reviewer gets, however large the page
 * is rendered, so its resolution is the page's (0: not such a page). */
static double scan_dpi(PopplerPage *page, double w, double h)
{
	GList *maps = poppler_page_get_image_mapping(page);
	double best = 0, dpi = 0;
	for (GList *l = maps; l; l = l->next) {
		const PopplerImageMapping *m = l->data;
		double aw = fabs(m->area.x2 - m->area.x1), ah = fabs(m->area.y2 - m->area.y1);
		if (!(aw * ah >= 0.6 * w * h) || aw * ah <= best)
			continue;
		cairo_surface_t *img = poppler_page_get_image(page, m->image_id);
		if (!img)
			continue;
		int iw = cairo_image_surface_get_width(img),
		    ih = cairo_image_surface_get_height(img);
		cairo_surface_destroy(img);
		if (iw > 0 && ih > 0) {
			best = aw * ah;
			dpi = fmin(iw / (aw / 72.0), ih / (ah / 72.0));
		}
	}
	poppler_page_free_image_mapping(maps);
	return isfinite(dpi) && dpi > 0 ? dpi : 0;
}

static bool render_page(struct pdf_job *j, PopplerPage *page, unsigned number)
{
	double w = 0, h = 0;
	poppler_page_get_size(page, &w, &h);
	if (!(isfinite(w) && isfinite(h) && w >= 1.0 && h >= 1.0)) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_LOST, number, "pdf-page-size",
				      "page size %g x %g points", w, h);
		return false;
	}
	double scale = page_scale(w, h);
	int pw = (int)ceil(w * scale), ph = (int)ceil(h * scale);
	if (pw < 1)
		pw = 1;
	if (ph < 1)
		ph = 1;
	/* A page OCR does not read is only measured, and the measures box it
	 * down to about 1000 pixels: it is drawn at that size directly (cairo's
	 * antialiasing is the box's mean) — a quarter of the pixels to draw,
	 * convert and read for an A4 page. Every stream is still decoded. The
	 * page's resolution stays the one it is judged at. */
	unsigned f = evidence_decode_reduce(j->s, (unsigned)pw, (unsigned)ph);
	double judged_dpi = scale * 72.0;
	if (f > 1) {
		scale /= f;
		pw = (int)ceil(w * scale);
		ph = (int)ceil(h * scale);
		pw = pw < 1 ? 1 : pw;
		ph = ph < 1 ? 1 : ph;
	}
	cairo_surface_t *surface = page_surface(pw, ph);
	if (!surface) {
		evidence_decode_fault(j->s, EVIDENCE_DAMAGE_TOO_BIG, number, "pdf-page-memory",
				      "no memory for a %d x %d page", pw, ph);
		return false;
	}
	cairo_t *cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	unsigned char *rgb = cairo_image_surface_get_data(surface);
	struct evidence_raster r = {.width = (unsigned)pw,
				    .height = (unsigned)ph,
				    .channels = 3,
				    .stride = (size_t)pw * 3,
				    .px = rgb,
				    .dpi = scale * 72.0};
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* A page only measured is measured as cairo drew it: its words are
	 * B, G, R, unused in memory. */
	if (evidence_decode_measured_only(j->s)) {
		r.channels = 4;
		r.stride = (size_t)cairo_image_surface_get_stride(surface);
	}
#endif
	if (r.channels == 3) {
		xrgb_to_rgb(rgb, cairo_image_surface_get_stride(surface), pw, ph);
		cairo_surface_mark_dirty(surface); /* its pixels are ours until the next page */
	}
	if (f > 1) /* only now: a page never handed on leaves it alone */
		j->s->page_dpi = judged_dpi;
	evidence_decode_page(j->s, number, &r);
	/* The look's resolution is the scan's when it is coarser than the
	 * rendering (a 96 dpi scan rendered at 150 dpi is still 96 dpi). */
	if (!j->s->thumb && !j->s->page_has_text && number <= EVIDENCE_LOOK_PAGES) {
		double sd = scan_dpi(page, w, h);
		struct evidence_look *look = &j->s->out->looks[number - 1];
		if (sd > 0 && (look->dpi <= 0 || sd < look->dpi))
			look->dpi = sd;
	}
	return true;
}

static void open_failed(struct pdf_job *j, const GError *e, bool ended)
{
	struct evidence_decode_sink *s = j->s;
	const char *m = e ? e->message : "poppler cannot open it";
	if (e && e->domain == POPPLER_ERROR && e->code == POPPLER_ERROR_ENCRYPTED)
		evidence_decode_fault(s, EVIDENCE_DAMAGE_PASSWORD, 0, "pdf-password", "%s", m);
	else if (!ended)
		evidence_decode_fault(s, EVIDENCE_DAMAGE_TRUNCATED, 0, "pdf-truncated", "%s", m);
	else
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "pdf-open", "%s", m);
}

void evidence_decode_pdf(int fd, uint64_t size, struct evidence_decode_sink *s)
{
	pdf_log_install();
	struct pdf_job j = {.s = s};
	struct evidence_decoded *o = s->out;
	long head = header_offset(fd, size);
	if (head < 0) {
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "pdf-no-header",
				      "no %%PDF- header in the first %d bytes", PDF_HEAD);
		return;
	}
	bool ended = has_end(fd, size);
	int own = dup(fd); /* poppler closes the descriptor it is given */
	if (own < 0) {
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "pdf-read",
				      "the file cannot be read");
		return;
	}
	current = &j;
	GError *e = NULL;
	PopplerDocument *doc = poppler_document_new_from_fd(own, NULL, &e);
	if (!doc) {
		open_failed(&j, e, ended);
		if (e)
			g_error_free(e);
		current = NULL;
		return;
	}
	int n = poppler_document_get_n_pages(doc);
	o->pages = n > 0 ? (unsigned)n : 0;
	pdf_restrictions(doc, o);
	if (j.index_lost)
		evidence_decode_fault(
		    s, ended ? EVIDENCE_DAMAGE_UNREADABLE : EVIDENCE_DAMAGE_TRUNCATED, 0,
		    ended ? "pdf-index" : "pdf-truncated", "the trailer had to be guessed: %s",
		    ended ? "no trailer dictionary" : "the end is missing");
	else if (n <= 0)
		evidence_decode_fault(s, EVIDENCE_DAMAGE_UNREADABLE, 0, "pdf-no-pages",
				      "the document has no pages");
	for (int i = 0;
	     i < n && o->damage < EVIDENCE_DAMAGE_TRUNCATED && j.messages <= PDF_MAX_MESSAGES;
	     i++) {
		j.page = (unsigned)i + 1;
		if (s->only_page && j.page != s->only_page)
			continue; /* a preview draws its page only */
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (!page) {
			evidence_decode_fault(s, EVIDENCE_DAMAGE_LOST, j.page, "pdf-page",
					      "page %u cannot be read", j.page);
			continue;
		}
		/* The text layer first, so the page hook knows whether the
		 * page needs OCR (a scan put in a PDF has none). */
		char *text = o->text_len < EVIDENCE_TEXT_MAX ? poppler_page_get_text(page) : NULL;
		s->page_has_text = has_words(text);
		render_page(&j, page, j.page);
		if (s->ocr_page != j.page)
			evidence_decode_text(s, j.page, text);
		g_free(text);
		g_object_unref(page);
	}
	j.page = 0;
	g_object_unref(doc);
	current = NULL;
	if (j.first[0])
		evidence_decode_fault(s, EVIDENCE_DAMAGE_REPAIRED, 0, "pdf-repaired", "%s",
				      j.first);
	else if (head > 0)
		evidence_decode_fault(s, EVIDENCE_DAMAGE_REPAIRED, 0, "pdf-leading-bytes",
				      "%ld bytes before the %%PDF- header", head);
	else if (!ended)
		evidence_decode_fault(s, EVIDENCE_DAMAGE_REPAIRED, 0, "pdf-no-end",
				      "no %%%%EOF at the end");
}

/* A one-page PDF with a line of Helvetica, every offset right. */
static GBytes *sample_pdf(void)
{
	static const char *const objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 "
	    "4 0 R >> >> /Contents 5 0 R >>",
	    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	    ("<< /Length 38 >>\nstream\nBT /F1 12 Tf 10 50 Td (Warm up) Tj ET\nendstream")};
	struct strbuf b;
	strbuf_init(&b);
	long off[5];
	strbuf_add(&b, "%PDF-1.4\n");
	for (int i = 0; i < 5; i++) {
		off[i] = (long)b.len;
		strbuf_addf(&b, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	long xref = (long)b.len;
	strbuf_add(&b, "xref\n0 6\n0000000000 65535 f \n");
	for (int i = 0; i < 5; i++)
		strbuf_addf(&b, "%010ld 00000 n \n", off[i]);
	strbuf_addf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%ld\n%%%%EOF\n", xref);
	size_t len = b.len;
	return g_bytes_new_take(strbuf_detach(&b), len);
}

/* The warm-up's document, kept for the worker's life: poppler-glib makes
 * poppler's global parameters (the glyph-name and Unicode tables, the CMap
 * and font directories) with the first open document and destroys them
 * with the last one, so without a document left open every PDF checked
 * built them again. */
static PopplerDocument *kept_open;

void evidence_decode_warm_up(void)
{
	pdf_log_install();
	GBytes *bytes = sample_pdf();
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
	if (doc) {
		PopplerPage *page = poppler_document_get_page(doc, 0);
		if (page) {
			cairo_surface_t *sf =
			    cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 32);
			cairo_t *cr = cairo_create(sf);
			cairo_scale(cr, 0.3, 0.3);
			poppler_page_render(page, cr);
			cairo_destroy(cr);
			cairo_surface_destroy(sf);
			g_free(poppler_page_get_text(page));
			g_object_unref(page);
		}
		if (kept_open)
			g_object_unref(kept_open);
		kept_open = doc; /* it holds its own reference to the bytes */
	}
	g_bytes_unref(bytes);
}
