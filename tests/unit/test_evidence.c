/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Evidence checks over a corpus generated at test time
 * (tests/fixtures/evidence/make-samples.sh): each file with its exact
 * verdict and message key, what decoding found (damage lost or repaired,
 * pages, resolution, text), hashes against sha256sum, the worker surviving a
 * crash and a hang inside its sandbox, and the worker's replies validated. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/xalloc.h"
#include "case/case_internal.h"
#include "case/evidence_case.h"
#include "evidence/evidence.h"
#include "evidence/evidence_internal.h"
#include "evidence/evidence_look.h"
#include "evidence/evidence_wire.h"
#include "flow/flow.h"
#include "store/store.h"

static char dir[64];

static char *accept_usual[] = {"application/pdf", "image/jpeg", "image/png"};
static char *accept_docx[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};

/* The shipped flows' defaults: 8 MB max, warn over 5 MB, 700 px, strict. */
static const struct evidence_req strict = {.accept = accept_usual,
					   .naccept = 3,
					   .max_size = 8 * 1024 * 1024,
					   .warn_size = 5 * 1024 * 1024,
					   .min_pixels = 700,
					   .structure = EVIDENCE_POLICY_REJECT};
static const struct evidence_req lenient = {.accept = accept_usual,
					    .naccept = 3,
					    .max_size = 8 * 1024 * 1024,
					    .structure = EVIDENCE_POLICY_WARN};
static const struct evidence_req word_only = {
    .accept = accept_docx, .naccept = 1, .structure = EVIDENCE_POLICY_REJECT};

static int make_corpus(void **state)
{
	snprintf(dir, sizeof(dir), "/tmp/ipwiz-evidence-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	const char *src = getenv("IPWIZ_SRCDIR");
	char *cmd = xasprintf("sh '%s/tests/fixtures/evidence/make-samples.sh' '%s'",
			      src ? src : "..", dir);
	int r = system(cmd);
	free(cmd);
	return r == 0 ? 0 : -1;
}

static int remove_corpus(void **state)
{
	evidence_worker_shutdown();
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int r = system(cmd);
	free(cmd);
	return r == 0 ? 0 : -1;
}

static struct evidence_result check(const char *name, const struct evidence_req *req)
{
	struct evidence_result res;
	struct ipw_error err = {0};
	char *path = xasprintf("%s/%s", dir, name);
	assert_int_equal(evidence_check(path, req, &res, &err), IPW_OK);
	free(path);
	return res;
}

#define expect_verdict(name, req, v, k)                                                            \
	do {                                                                                       \
		struct evidence_result r_ = check(name, req);                                      \
		if (r_.verdict != (v) || strcmp(r_.key, k) != 0)                                   \
			fail_msg("%s: %s/%s, expected %s/%s (%s)", name,                           \
				 evidence_verdict_name(r_.verdict), r_.key,                        \
				 evidence_verdict_name(v), k, r_.message);                         \
		assert_true(r_.message[0] != '\0');                                                \
		if ((v) != EVIDENCE_OK)                                                            \
			assert_true(r_.fix[0] != '\0');                                            \
	} while (0)

/* Write bytes as dir/name (for shapes the corpus script cannot make). */
static void write_sample(const char *name, const void *data, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	free(path);
}

static char *slurp(const char *name, size_t *n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xmalloc(1 << 20);
	*n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	free(path);
	return buf;
}

/* Phones append data after a JPEG's end (motion photos): not truncated. */
static void data_after_a_jpeg_end_is_not_truncation(void **state)
{
	size_t n;
	char *jpg = slurp("photo.jpg", &n);
	jpg = xrealloc(jpg, n + 40000);
	for (size_t i = 0; i < 40000; i++)
		jpg[n + i] = (char)(i * 7 + 1);
	write_sample("motion.jpg", jpg, n + 40000);
	expect_verdict("motion.jpg", &strict, EVIDENCE_OK, "ok");
	free(jpg);
}

/* An Office file whose directory points outside the file is broken. */
static void a_zip_directory_out_of_bounds_is_truncation(void **state)
{
	size_t n;
	char *docx = slurp("letter.docx", &n);
	assert_true(n > 22);
	assert_memory_equal(docx + n - 22, "PK\5\6", 4);
	docx[n - 22 + 16] = (char)0xf0; /* central directory offset past the end */
	write_sample("bad-directory.docx", docx, n);
	expect_verdict("bad-directory.docx", &word_only, EVIDENCE_REJECT, "truncated");
	free(docx);
}

static void gif_and_bmp_sizes_are_read(void **state)
{
	static const unsigned char gif[] = {
	    'G', 'I', 'F', '8', '9', 'a', 0x20, 0x03, 0x58, 0x02, 0x00, 0x00, 0x00, 0x2c, 0,
	    0,	 0,   0,   1,	0,   1,	  0,	0,    0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
	static char *accept_gif[] = {"image/gif", "image/bmp"};
	const struct evidence_req images = {.accept = accept_gif,
					    .naccept = 2,
					    .min_pixels = 700,
					    .structure = EVIDENCE_POLICY_REJECT};
	write_sample("wide.gif", gif, sizeof(gif));
	struct evidence_result r = check("wide.gif", &images);
	assert_int_equal(r.width, 800);
	assert_int_equal(r.height, 600);
	assert_string_equal(r.key, "too-small-image");
	unsigned char bmp[58] = {'B', 'M', 58,	 0,    0,    0,	   0, 0, 0,    0,
				 54,  0,   0,	 0,    40,   0,	   0, 0, 0xe8, 0x03,
				 0,   0,   0x18, 0xfc, 0xff, 0xff, 1, 0, 24,   0};
	write_sample("tall.bmp", bmp, sizeof(bmp));
	r = check("tall.bmp", &images);
	assert_string_equal(r.mime, "image/bmp");
	assert_int_equal(r.width, 1000);
	assert_int_equal(r.height, 1000);
	assert_string_equal(r.key, "ok");
}

static void real_documents_are_accepted(void **state)
{
	struct evidence_result r = check("invoice.pdf", &strict);
	assert_int_equal(r.verdict, EVIDENCE_OK);
	assert_string_equal(r.mime, "application/pdf");
	assert_string_equal(r.ext, "pdf");
	assert_int_equal(r.size, 622);
	assert_string_equal(r.fix, "");
	assert_non_null(strstr(r.message, "a PDF document"));

	r = check("photo.jpg", &strict);
	assert_int_equal(r.verdict, EVIDENCE_OK);
	assert_string_equal(r.mime, "image/jpeg");
	assert_int_equal(r.width, 800);
	assert_int_equal(r.height, 760);

	r = check("scan.png", &strict);
	assert_int_equal(r.verdict, EVIDENCE_OK);
	assert_int_equal(r.width, 800);
	assert_int_equal(r.height, 720);
	assert_non_null(strstr(r.message, "800 × 720 pixels"));

	expect_verdict("letter.docx", &word_only, EVIDENCE_OK, "ok");
	expect_verdict("link.pdf", &strict, EVIDENCE_OK, "ok");
	expect_verdict("发票 2026 年.pdf", &strict, EVIDENCE_OK, "ok");
	expect_verdict("two\nlines.pdf", &strict, EVIDENCE_OK, "ok");
}

static void wrong_types_are_named_in_words(void **state)
{
	struct evidence_result r = check("program.pdf", &strict);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "wrong-type");
	assert_non_null(strstr(r.message, "a program (executable)"));
	assert_non_null(strstr(r.fix, "Do not upload programs"));

	r = check("program.pdf", &(struct evidence_req){.accept = accept_usual, .naccept = 1});
	assert_string_equal(r.message, "This file is a program (executable), not a PDF document.");

	r = check("docx-as.pdf", &strict);
	assert_string_equal(r.key, "wrong-type");
	assert_non_null(strstr(r.message, "a Word document"));
	assert_non_null(strstr(r.fix, "save it as PDF"));

	r = check("page.png", &strict);
	assert_string_equal(r.key, "wrong-type");
	assert_non_null(strstr(r.message, "a web page (HTML)"));

	r = check("archive.zip", &strict);
	assert_string_equal(r.key, "wrong-type");
	assert_non_null(strstr(r.message, "a ZIP archive"));
	assert_non_null(strstr(r.fix, "Unpack the archive"));

	expect_verdict("letter.docx", &strict, EVIDENCE_REJECT, "wrong-type");
	expect_verdict("invoice.pdf", &word_only, EVIDENCE_REJECT, "wrong-type");
	expect_verdict("truncated.docx", &strict, EVIDENCE_REJECT, "wrong-type");
}

static void disguised_names_warn_and_give_the_right_extension(void **state)
{
	struct evidence_result r = check("pdf-as.jpg", &strict);
	assert_int_equal(r.verdict, EVIDENCE_WARN);
	assert_string_equal(r.key, "wrong-extension");
	assert_string_equal(r.ext, "pdf");
	assert_non_null(strstr(r.fix, ".pdf"));

	r = check("jpeg-as.png", &strict);
	assert_string_equal(r.key, "wrong-extension");
	assert_string_equal(r.mime, "image/jpeg");
	assert_string_equal(r.ext, "jpg");

	r = check("png-as.pdf", &strict);
	assert_string_equal(r.key, "wrong-extension");
	assert_string_equal(r.ext, "png");

	expect_verdict("no-extension", &strict, EVIDENCE_WARN, "wrong-extension");
}

static void broken_files_follow_the_flow_policy(void **state)
{
	expect_verdict("empty.pdf", &strict, EVIDENCE_REJECT, "empty");
	expect_verdict("truncated.pdf", &strict, EVIDENCE_REJECT, "truncated");
	expect_verdict("truncated.pdf", &lenient, EVIDENCE_WARN, "truncated");
	expect_verdict("truncated.jpg", &strict, EVIDENCE_REJECT, "truncated");
	expect_verdict("truncated.jpg", &lenient, EVIDENCE_WARN, "truncated");
	expect_verdict("truncated.png", &strict, EVIDENCE_REJECT, "truncated");
	expect_verdict("truncated.docx", &word_only, EVIDENCE_REJECT, "truncated");
	/* Encryption is never a warning: a reviewer cannot open it at all. */
	expect_verdict("encrypted.pdf", &strict, EVIDENCE_REJECT, "encrypted");
	expect_verdict("encrypted.pdf", &lenient, EVIDENCE_REJECT, "encrypted");
}

static void thumbnails_are_caught_by_pixel_size(void **state)
{
	struct evidence_result r = check("thumb.png", &strict);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "too-small-image");
	assert_string_equal(r.message,
			    "This image is only 100 × 80 pixels; reviewers need at least "
			    "700 pixels on its shorter side to read it.");
	expect_verdict("thumb.jpg", &strict, EVIDENCE_REJECT, "too-small-image");
	expect_verdict("thumb.png", &lenient, EVIDENCE_OK, "ok");
}

/* Damage that loses content is refused with its reason; the flow's policy
 * makes it a warning where it says so. */
static void decode_errors_that_lose_content_are_refused(void **state)
{
	struct evidence_result r = check("bad-crc.png", &strict);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "damaged");
	assert_string_equal(r.message, "Part of this picture is missing or damaged: viewers show "
				       "it cut off, smeared or not at all.");
	assert_string_equal(r.detail, "png-crc: IDAT: CRC error");
	expect_verdict("bad-crc.png", &lenient, EVIDENCE_WARN, "damaged");

	r = check("page-2-damaged.pdf", &strict);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "damaged");
	assert_int_equal(r.pages, 3);
	assert_string_equal(r.message, "Page 2 of this PDF cannot be shown: its content is "
				       "damaged, so viewers show it blank or only in part.");
	assert_non_null(strstr(r.fix, "look at page 2"));
	assert_non_null(strstr(r.detail, "flate stream"));

	r = check("truncated.jpg", &strict);
	assert_string_equal(r.key, "truncated");
	assert_string_equal(r.detail, "jpeg-truncated: Premature end of JPEG file");
}

/* What every viewer repairs is fine, and says so. */
static void damage_viewers_repair_is_accepted_with_a_note(void **state)
{
	struct evidence_result r = check("stray-bytes.jpg", &strict);
	assert_int_equal(r.verdict, EVIDENCE_OK);
	assert_string_equal(r.key, "repaired");
	assert_non_null(strstr(r.message, "small faults that every viewer repairs"));
	assert_non_null(
	    strstr(r.detail, "jpeg-stray-bytes: Corrupt JPEG data: 3 extraneous bytes"));
	assert_int_equal(r.width, 800);

	r = check("leading-bytes.pdf", &strict);
	assert_int_equal(r.verdict, EVIDENCE_OK);
	assert_string_equal(r.mime, "application/pdf"); /* libmagic says "text" */
	assert_string_equal(r.key, "repaired");
	assert_string_equal(r.detail, "pdf-leading-bytes: 25 bytes before the %PDF- header");
}

/* A PDF that opens without a password is read, and said to be protected;
 * one that needs a password stays refused. */
static void owner_restrictions_are_not_a_password(void **state)
{
	char *path = xasprintf("%s/protected.pdf", dir);
	bool have = access(path, F_OK) == 0;
	free(path);
	if (!have) {
		puts("SKIP: no qpdf, no protected.pdf");
	} else {
		struct evidence_result r = check("protected.pdf", &strict);
		assert_int_equal(r.verdict, EVIDENCE_OK);
		assert_string_equal(r.key, "protected");
		assert_non_null(strstr(r.message, "opens without a password"));
		assert_null(strstr(r.message, "has a password"));
		assert_int_equal(r.pages, 1);
	}
	struct evidence_result r = check("encrypted.pdf", &lenient);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "encrypted");
	assert_string_equal(r.message,
			    "This PDF opens only with a password; reviewers cannot open it.");
}

/* Ten billion pixels in 66 bytes: refused by the size in IHDR, at once. */
static void a_decompression_bomb_is_refused_by_its_size(void **state)
{
	struct evidence_result r = check("bomb.png", &lenient);
	assert_int_equal(r.verdict, EVIDENCE_REJECT);
	assert_string_equal(r.key, "too-many-pixels");
	assert_int_equal(r.width, 100000);
	assert_int_equal(r.height, 100000);
	assert_string_equal(r.message, "This picture is 100000 × 100000 pixels; ipwiz does not "
				       "open pictures of more than 100 million pixels, and many "
				       "viewers cannot either.");
	assert_int_equal(r.nlooks, 0); /* nothing was decoded */
}

/* Pages, their resolution and the text layer, within their caps. */
/* A made-up page of w × h RGB pixels: paper with a little noise and
 * margins of pure white, lines of "words" (dark strokes), a coloured block
 * and a red ring (a seal's shape), from a fixed seed. */
static unsigned char *made_up_page(unsigned w, unsigned h, unsigned seed)
{
	unsigned char *px = xmalloc((size_t)w * h * 3);
	uint32_t x32 = seed * 2654435761u + 1;
	for (size_t i = 0; i < (size_t)w * h; i++) {
		x32 ^= x32 << 13, x32 ^= x32 >> 17, x32 ^= x32 << 5;
		unsigned char n = (unsigned char)(x32 & 7);
		px[3 * i] = (unsigned char)(246 - n), px[3 * i + 1] = (unsigned char)(243 - n);
		px[3 * i + 2] = (unsigned char)(236 - n);
		if (i % w < w / 12 || i / w < h / 12) /* margins of pure white */
			px[3 * i] = px[3 * i + 1] = px[3 * i + 2] = 255;
	}
	for (unsigned y = h / 10; y + h / 60 < h * 6 / 10; y += h / 30)
		for (unsigned x = w / 10; x < w * 9 / 10; x++) {
			x32 ^= x32 << 13, x32 ^= x32 >> 17, x32 ^= x32 << 5;
			if (x32 % 5 == 0)
				continue; /* gaps between the words */
			for (unsigned dy = 0; dy < h / 60; dy++) {
				unsigned char *p = px + 3 * ((size_t)(y + dy) * w + x);
				p[0] = p[1] = p[2] = (unsigned char)(20 + (x32 >> 8) % 40);
			}
		}
	double cx = w * 0.7, cy = h * 0.8, rad = w * 0.09;
	for (unsigned y = 0; y < h; y++)
		for (unsigned x = 0; x < w; x++) {
			double d = sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
			unsigned char *p = px + 3 * ((size_t)y * w + x);
			if (d > rad * 0.85 && d < rad) {
				p[0] = 215, p[1] = 30, p[2] = 40;
			} else if (x < w / 5 && y > h * 7 / 10 && y < h * 8 / 10) {
				p[0] = 40, p[1] = 90, p[2] = 200;
			}
		}
	return px;
}

/* The measures take a page in any pixel layout a decoder hands on (RGB, or
 * cairo's B, G, R, unused, in rows with padding) and find the very same
 * things, at the working size and boxed down, with rows of every length. */
static void a_page_measures_the_same_in_every_pixel_layout(void **state)
{
	(void)state;
	static const unsigned sizes[][2] = {{621, 877},	  {1242, 1754}, {803, 1131},
					    {2001, 1499}, {45, 53},	{29, 45}};
	for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
		unsigned w = sizes[t][0], h = sizes[t][1];
		unsigned char *rgb = made_up_page(w, h, (unsigned)t + 1);
		size_t stride = (size_t)w * 4 + 12;
		unsigned char *bgrx = xmalloc(stride * h);
		for (unsigned y = 0; y < h; y++)
			for (unsigned x = 0; x < w; x++) {
				const unsigned char *s = rgb + 3 * ((size_t)y * w + x);
				unsigned char *d = bgrx + (size_t)y * stride + 4 * (size_t)x;
				d[0] = s[2], d[1] = s[1], d[2] = s[0], d[3] = 0xff;
			}
		struct evidence_raster a = {.width = w,
					    .height = h,
					    .channels = 3,
					    .stride = (size_t)w * 3,
					    .px = rgb,
					    .dpi = w / 8.27};
		struct evidence_raster b = a;
		b.channels = 4, b.stride = stride, b.px = bgrx;
		struct evidence_look la, lb;
		evidence_look_measure(&a, &la);
		evidence_look_measure(&b, &lb);
		assert_int_equal(la.measured, lb.measured);
		assert_true(la.sharpness == lb.sharpness);
		assert_true(la.contrast == lb.contrast);
		assert_true(la.ink == lb.ink);
		assert_int_equal(la.blank, lb.blank);
		assert_int_equal(la.colour, lb.colour);
		assert_int_equal(la.red_seal, lb.red_seal);
		assert_int_equal(la.rotation, lb.rotation);
		assert_int_equal(la.sideways, lb.sideways);
		if (w >= 600) { /* the page is made to show all this */
			assert_true(la.measured);
			assert_false(la.blank);
			assert_true(la.colour);
			assert_true(la.ink > 0);
			assert_true(la.red_seal);
		} else if (w < 32) {
			assert_false(la.measured); /* too small to measure */
		}
		free(rgb);
		free(bgrx);
	}
}

/* A page of text lines with nothing above each line's core and a comma's
 * mark below it now and then — capitals with punctuation, or Chinese —
 * is upright: which way round a page is comes from OCR, never from where
 * the ink beyond the lines lies (which called such pages upside down). */
static void lines_with_marks_below_are_not_upside_down(void **state)
{
	(void)state;
	unsigned w = 1240, h = 1754; /* A4 at 150 dpi */
	unsigned char *px = xmalloc((size_t)w * h * 3);
	memset(px, 255, (size_t)w * h * 3);
	for (unsigned top = 150; top + 40 < h - 150; top += 40)
		for (unsigned x = 120; x < w - 120; x++) {
			if ((x / 14) % 7 == 6)
				continue; /* a space between the words */
			bool comma = (x / 14) % 7 == 5 && x % 14 < 3;
			for (unsigned y = top; y < top + (comma ? 18 : 14); y++) {
				unsigned char *p = px + 3 * ((size_t)y * w + x);
				p[0] = p[1] = p[2] = 20;
			}
		}
	struct evidence_raster r = {
	    .width = w, .height = h, .channels = 3, .stride = (size_t)w * 3, .px = px, .dpi = 150};
	struct evidence_look look;
	evidence_look_measure(&r, &look);
	assert_true(look.measured);
	assert_false(look.blank);
	assert_int_equal(look.rotation, 0); /* lines across */
	assert_false(look.sideways);
	free(px);
}

static void pages_looks_and_text_come_back(void **state)
{
	struct evidence_result r;
	struct ipw_error err = {0};
	char *text = NULL;
	char *path = xasprintf("%s/invoice.pdf", dir);
	assert_int_equal(evidence_check_text(path, &strict, &r, &text, &err), IPW_OK);
	free(path);
	assert_string_equal(r.key, "ok");
	assert_int_equal(r.pages, 1);
	assert_int_equal(r.nlooks, 1);
	assert_true(r.looks[0].dpi > 149.9 && r.looks[0].dpi < 150.1); /* A4 at 150 dpi */
	assert_int_equal(r.looks[0].rotation, -1);		       /* not measured here */
	assert_non_null(text);
	assert_non_null(strstr(text, "Invoice 2026-11-01: 100 pieces, model A-1"));
	free(text);

	path = xasprintf("%s/report.pdf", dir);
	assert_int_equal(evidence_check_text(path, &lenient, &r, &text, &err), IPW_OK);
	free(path);
	assert_string_equal(r.key, "ok");
	assert_int_equal(r.pages, 40);
	assert_int_equal(r.nlooks, EVIDENCE_LOOK_PAGES);
	assert_string_equal(r.message, "This is a PDF document of 50 KB, 40 pages.");
	assert_non_null(text);
	size_t n = strlen(text), bad;
	assert_true(n > 30000 && n <= EVIDENCE_TEXT_MAX);
	assert_true(utf8_valid(text, n, &bad));
	assert_non_null(strstr(text, "Page 1: xxx"));
	assert_non_null(strstr(text, "\fPage 2: xxx")); /* pages apart by a form feed */
	assert_null(strstr(text, "Page 40:"));		/* past the cap */
	free(text);

	r = check("scan.png", &strict);
	assert_int_equal(r.pages, 1);
	assert_int_equal(r.nlooks, 1);
	assert_true(r.looks[0].dpi == 0.0); /* no believable density in the file */
	text = (char *)1;
	path = xasprintf("%s/scan.png", dir);
	assert_int_equal(evidence_check_text(path, &strict, &r, &text, &err), IPW_OK);
	free(path);
	assert_null(text); /* an image has no text layer */
}

/* A page no viewer finishes drawing (2^40 squares from 7 KB): the file's
 * budget ends it, as a warning — never ok, never a hang — and the next file
 * gets a new worker. */
static void a_file_over_its_budget_is_not_checked_in_time(void **state)
{
	setenv("IPWIZ_CHECK_SECONDS", "1", 1);
	assert_int_equal(evidence_check_seconds(), 1);
	struct evidence_result r = check("laughs.pdf", &strict);
	unsetenv("IPWIZ_CHECK_SECONDS");
	assert_int_equal(r.verdict, EVIDENCE_WARN);
	assert_string_equal(r.key, "not-checked-in-time");
	assert_string_equal(r.message, "ipwiz could not finish checking this file within 1 second, "
				       "so it is not known whether reviewers can open it.");
	assert_int_equal(evidence_worker_pid(), 0); /* killed, not waited for */
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	setenv("IPWIZ_CHECK_SECONDS", "0", 1); /* out of range: the default */
	assert_int_equal(evidence_check_seconds(), 20);
	setenv("IPWIZ_CHECK_SECONDS", "5s", 1);
	assert_int_equal(evidence_check_seconds(), 20);
	unsetenv("IPWIZ_CHECK_SECONDS");
}

/* The worker is confined where the build and the kernel allow it. */
static void the_worker_runs_in_its_sandbox(void **state)
{
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	pid_t w = evidence_worker_pid();
	unsigned sandbox = evidence_worker_sandbox();
	char *path = xasprintf("/proc/%d/status", (int)w);
	FILE *f = fopen(path, "r");
	free(path);
	assert_non_null(f);
	char line[256];
	int seccomp = -1, nnp = -1;
	while (fgets(line, sizeof(line), f)) {
		sscanf(line, "Seccomp: %d", &seccomp);
		sscanf(line, "NoNewPrivs: %d", &nnp);
	}
	fclose(f);
#ifdef HAVE_SECCOMP
	assert_true(sandbox & EVIDENCE_SANDBOX_SECCOMP);
	assert_int_equal(seccomp, 2); /* a filter */
#else
	puts("SKIP: built without libseccomp");
#endif
	if (sandbox)
		assert_int_equal(nnp, 1);
	/* Still decoding everything, fonts included, inside it. */
	expect_verdict("report.pdf", &lenient, EVIDENCE_OK, "ok");
	expect_verdict("photo.jpg", &strict, EVIDENCE_OK, "ok");
	expect_verdict("scan.png", &strict, EVIDENCE_OK, "ok");
	assert_int_equal(evidence_worker_pid(), w);
}

/* The parent believes nothing the worker says that no decoder could. */
/* A reading kept in the store comes back as it was written, and anything
 * else — cut, altered, another program's — is no reading at all. */
static void stored_readings_round_trip_and_refuse_the_rest(void **state)
{
	(void)state;
	struct evidence_decoded *d = calloc(1, sizeof(*d)), *back = calloc(1, sizeof(*back));
	d->pages = 3;
	d->nlooks = 2;
	d->width = 1240;
	d->height = 1754;
	d->looks[0] = (struct evidence_look){.dpi = 150,
					     .sharpness = 0.8,
					     .contrast = 0.6,
					     .ink = 0.05,
					     .colour = true,
					     .measured = true};
	d->looks[1] = (struct evidence_look){.blank = true, .rotation = -1, .measured = true};
	snprintf(d->text, sizeof(d->text), "发票 2026年9月1日");
	d->text_len = strlen(d->text);
	char *found = evidence_reading_encode("application/pdf", d);
	char mime[128];
	bool decoded;
	assert_true(evidence_reading_parse(found, d->text, mime, sizeof(mime), back, &decoded));
	assert_true(decoded);
	assert_string_equal(mime, "application/pdf");
	assert_int_equal(back->pages, 3);
	assert_int_equal(back->nlooks, 2);
	assert_int_equal(back->width, 1240);
	assert_true(back->looks[0].colour && !back->looks[0].blank);
	assert_true(back->looks[1].blank);
	assert_int_equal(back->looks[1].rotation, -1);
	assert_string_equal(back->text, "发票 2026年9月1日");
	/* Typed only: the type and nothing else. */
	char *typed = evidence_reading_encode("image/gif", NULL);
	assert_true(evidence_reading_parse(typed, "", mime, sizeof(mime), back, &decoded));
	assert_false(decoded);
	assert_string_equal(mime, "image/gif");
	/* Cut, one digit changed to a non-digit, an odd type, no type line. */
	found[strlen(found) - 2] = '\0';
	assert_false(evidence_reading_parse(found, "", mime, sizeof(mime), back, &decoded));
	free(found);
	found = evidence_reading_encode("application/pdf", d);
	char *nl = strchr(found, '\n');
	nl[5] = 'x';
	assert_false(evidence_reading_parse(found, "", mime, sizeof(mime), back, &decoded));
	assert_false(evidence_reading_parse("\x1b[2J/x\n", "", mime, sizeof(mime), back, &decoded));
	assert_false(evidence_reading_parse("image/png", "", mime, sizeof(mime), back, &decoded));
	assert_false(evidence_reading_parse(NULL, "", mime, sizeof(mime), back, &decoded));
	/* Text that is not UTF-8 is cut where it stops being text. */
	free(found);
	found = evidence_reading_encode("application/pdf", d);
	assert_true(
	    evidence_reading_parse(found, "ok\xff\xfe", mime, sizeof(mime), back, &decoded));
	assert_string_equal(back->text, "ok");
	/* Another program version or layout reads under another reader. */
	char plain[160], ocr[160];
	evidence_reader_id(false, plain, sizeof(plain));
	evidence_reader_id(true, ocr, sizeof(ocr));
	assert_string_not_equal(plain, ocr);
	assert_non_null(strstr(plain, PACKAGE_VERSION));
	assert_non_null(strstr(ocr, " ocr "));
	free(found);
	free(typed);
	free(d);
	free(back);
}

static void worker_replies_are_validated(void **state)
{
	static struct evidence_decoded d, out;
	static struct evidence_wire_decode w;
	memset(&d, 0, sizeof(d));
	d.damage = EVIDENCE_DAMAGE_REPAIRED;
	snprintf(d.key, sizeof(d.key), "pdf-repaired");
	snprintf(d.detail, sizeof(d.detail), "tab\there");
	d.pages = 2;
	d.nlooks = 2;
	d.looks[0] = (struct evidence_look){.dpi = 150, .rotation = 90, .colour = true};
	d.looks[1] = (struct evidence_look){.dpi = 150, .rotation = -1};
	memcpy(d.text, "abc\xe4\xb8\xad", 6); /* "abc" and a whole 中 */
	d.text_len = 6;
	evidence_wire_encode_decode(&d, &w);
	assert_true(evidence_wire_parse_decode(&w, sizeof(w), &out));
	assert_int_equal(out.damage, EVIDENCE_DAMAGE_REPAIRED);
	assert_string_equal(out.detail, "tab?here"); /* printable ASCII only */
	assert_int_equal(out.looks[0].rotation, 90);
	assert_string_equal(out.text, "abc\xe4\xb8\xad");
	assert_false(evidence_wire_parse_decode(&w, sizeof(w) - 1, &out)); /* short */
	w.text_len = 5;							   /* half a 中 */
	assert_true(evidence_wire_parse_decode(&w, sizeof(w), &out));
	assert_string_equal(out.text, "abc");
	struct evidence_wire_decode bad = w;
	bad.damage = EVIDENCE_DAMAGE_COUNT;
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	bad = w;
	bad.nlooks = 3; /* more looks than pages */
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	bad = w;
	bad.looks[1].sharpness = 0.0 / 0.0;
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	bad = w;
	bad.looks[0].rotation = 45;
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	bad = w;
	memset(bad.key, 'a', sizeof(bad.key)); /* no NUL */
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	bad = w;
	bad.op = EVIDENCE_WIRE_TYPE;
	assert_false(evidence_wire_parse_decode(&bad, sizeof(bad), &out));
	char mime[64];
	struct evidence_wire_type t = {
	    .magic = EVIDENCE_WIRE_MAGIC, .op = EVIDENCE_WIRE_TYPE, .ok = 1};
	snprintf(t.mime, sizeof(t.mime), "image/png\x1b[2J");
	assert_true(evidence_wire_parse_type(&t, sizeof(t), mime, sizeof(mime)));
	assert_string_equal(mime, ""); /* not a type: unknown */
	snprintf(t.mime, sizeof(t.mime), "image/png");
	assert_true(evidence_wire_parse_type(&t, sizeof(t), mime, sizeof(mime)));
	assert_string_equal(mime, "image/png");
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sizes_are_judged_before_reading(void **state)
{
	expect_verdict("large.pdf", &strict, EVIDENCE_WARN, "large");
	expect_verdict("large.pdf", &lenient, EVIDENCE_OK, "ok");
	expect_verdict("oversized.pdf", &strict, EVIDENCE_REJECT, "too-large");
	double t0 = now();
	struct evidence_result r = check("sparse.pdf", &strict);
	double took = now() - t0;
	assert_string_equal(r.key, "too-large");
	assert_string_equal(r.message, "This file is 5.0 GB; this field takes at most 8 MB.");
	assert_int_equal(r.size, 5368709120ull);
	assert_string_equal(r.sha256, ""); /* never hashed */
	assert_string_equal(r.mime, "");   /* never typed */
	/* Only a full read could take this long (speed itself is the bench's job). */
	assert_true(took < 2.0);
}

static void things_that_are_not_files_never_block(void **state)
{
	alarm(20); /* a FIFO that blocks would hang here: fail instead */
	expect_verdict("fifo.pdf", &strict, EVIDENCE_REJECT, "not-regular");
	alarm(0);
	expect_verdict("folder.pdf", &strict, EVIDENCE_REJECT, "directory");
	expect_verdict("loop-a.pdf", &strict, EVIDENCE_REJECT, "link-loop");
	expect_verdict("missing.pdf", &strict, EVIDENCE_REJECT, "not-found");
	struct evidence_result r = check("dangling.pdf", &strict);
	assert_string_equal(r.key, "dangling-link");
	assert_non_null(strstr(r.message, "“no-such-file.pdf”"));
	struct ipw_error err = {0};
	assert_int_equal(evidence_check("/dev/null", &strict, &r, &err), IPW_OK);
	assert_string_equal(r.key, "not-regular");
	assert_string_equal(r.message, "This is a device, not a document.");
}

static void link_targets_are_sanitised_in_messages(void **state)
{
	char *link = xasprintf("%s/evil.pdf", dir);
	assert_int_equal(symlink("\x1b[2J\x1b]0;owned\x07.pdf", link), 0);
	struct evidence_result r;
	struct ipw_error err = {0};
	assert_int_equal(evidence_check(link, &strict, &r, &err), IPW_OK);
	assert_string_equal(r.key, "dangling-link");
	assert_null(strchr(r.message, '\x1b'));
	assert_null(strchr(r.message, '\x07'));
	unlink(link);
	free(link);
}

/* As root every file is readable, so the check runs as "nobody". */
static void unreadable_files_say_so(void **state)
{
	if (geteuid() != 0) {
		expect_verdict("unreadable.pdf", &strict, EVIDENCE_REJECT, "not-readable");
		return;
	}
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct evidence_result r;
		struct ipw_error err = {0};
		char *path = xasprintf("%s/unreadable.pdf", dir);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		evidence_check(path, &strict, &r, &err);
		_exit(strcmp(r.key, "not-readable") == 0 && strstr(r.message, "ermission") ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void hash_matches_sha256sum(void **state)
{
	char *cmd = xasprintf("sha256sum '%s/photo.jpg'", dir);
	FILE *p = popen(cmd, "r");
	free(cmd);
	assert_non_null(p);
	char want[65] = "";
	assert_int_equal(fscanf(p, "%64s", want), 1);
	pclose(p);
	struct evidence_result r = check("photo.jpg", &strict);
	assert_string_equal(r.sha256, want);
	/* Rejected-but-read files are fingerprinted too (same file twice). */
	struct evidence_result a = check("docx-as.pdf", &strict), b = check("letter.docx", &strict);
	assert_string_equal(a.sha256, b.sha256);
	assert_int_equal(strlen(a.sha256), 64);
}

static void rehash_notices_changes(void **state)
{
	char *path = xasprintf("%s/copy.pdf", dir);
	char *cmd = xasprintf("cp '%s/invoice.pdf' '%s'", dir, path);
	assert_int_equal(system(cmd), 0);
	struct evidence_result before, after;
	struct ipw_error err = {0};
	assert_int_equal(evidence_check(path, &strict, &before, &err), IPW_OK);
	int64_t checked = (int64_t)before.size;
	assert_int_equal(evidence_rehash(path, checked, &after, &err), IPW_OK);
	assert_string_equal(before.sha256, after.sha256);
	/* The same size, other bytes: hashed, and found changed. */
	FILE *f = fopen(path, "r+");
	assert_non_null(f);
	fputs("%PDF-9.9", f);
	fclose(f);
	assert_int_equal(evidence_rehash(path, checked, &after, &err), IPW_OK);
	assert_string_not_equal(before.sha256, after.sha256);
	assert_int_equal(strlen(after.sha256), 64);
	/* Another size: changed without reading a byte (no hash at all). */
	f = fopen(path, "a");
	assert_non_null(f);
	fputs("% appended\n", f);
	fclose(f);
	assert_int_equal(evidence_rehash(path, checked, &after, &err), IPW_OK);
	assert_string_equal(after.sha256, "");
	assert_int_equal(after.size, before.size + 11);
	unlink(path);
	assert_int_equal(evidence_rehash(path, checked, &after, &err), IPW_EUSER);
	assert_string_equal(err.msg, "There is no file with this name.");
	free(cmd);
	free(path);
}

static void a_dead_worker_is_replaced(void **state)
{
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	pid_t first = evidence_worker_pid();
	assert_true(first > 0);
	assert_int_equal(kill(first, SIGKILL), 0);
	usleep(50 * 1000);
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	assert_true(evidence_worker_pid() > 0);
	assert_true(evidence_worker_pid() != first);
}

static void a_hanging_worker_becomes_not_checked_in_time(void **state)
{
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	pid_t w = evidence_worker_pid();
	evidence_worker_set_timeout(300);
	assert_int_equal(kill(w, SIGSTOP), 0);
	struct evidence_result r = check("photo.jpg", &strict);
	assert_int_equal(r.verdict, EVIDENCE_WARN); /* never ok, never a hang */
	assert_string_equal(r.key, "not-checked-in-time");
	assert_non_null(strstr(r.message, "could not finish checking this file within"));
	assert_true(r.fix[0] != '\0');
	assert_int_equal(kill(w, 0), -1); /* the worker was killed */
	evidence_worker_set_timeout(0);
	expect_verdict("photo.jpg", &strict, EVIDENCE_OK, "ok");
}

static void a_crash_during_a_check_becomes_could_not_check(void **state)
{
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	pid_t w = evidence_worker_pid();
	assert_int_equal(kill(w, SIGSTOP), 0);
	pid_t killer = fork();
	assert_true(killer >= 0);
	if (killer == 0) {
		usleep(200 * 1000);
		kill(w, SIGSEGV);
		kill(w, SIGCONT);
		_exit(0);
	}
	struct evidence_result r = check("photo.jpg", &strict);
	assert_int_equal(r.verdict, EVIDENCE_ERROR);
	assert_string_equal(r.key, "check-failed");
	assert_int_equal(waitpid(killer, NULL, 0), killer);
	expect_verdict("photo.jpg", &strict, EVIDENCE_OK, "ok");
}

/* A new case of the core-test fixture flow in the database dir/file. */
static void core_test_case(const char *file, char **flow_path, struct flow **flow, char **db,
			   struct store **st, struct session **s)
{
	const char *src = getenv("IPWIZ_SRCDIR");
	*flow_path = xasprintf("%s/tests/fixtures/flows/core-test.yaml", src ? src : "..");
	struct ipw_diags d = {0};
	*flow = flow_load_file(*flow_path, &d);
	ipw_diags_free(&d);
	assert_non_null(*flow);
	*db = xasprintf("%s/%s", dir, file);
	*st = NULL;
	*s = NULL;
	struct ipw_error err = {0};
	assert_int_equal(store_open(*db, STORE_CREATE, st, &err), IPW_OK);
	assert_int_equal(session_create(*st, *flow, "t", "en", s, &err), IPW_OK);
}

/* In a case: the same path again updates its row; the same bytes under
 * another name are a duplicate warning; a rejected file is recorded too. */
static void a_case_records_and_flags_duplicates(void **state)
{
	char *flow_path, *db;
	struct flow *flow;
	struct store *st;
	struct session *s;
	struct ipw_error err = {0};
	core_test_case("cases.db", &flow_path, &flow, &db, &st, &s);
	char *invoice = xasprintf("%s/invoice.pdf", dir), *link = xasprintf("%s/link.pdf", dir),
	     *program = xasprintf("%s/program.pdf", dir);
	struct evidence_result r;

	assert_int_equal(evidence_case_check(s, "invoice", invoice, &r, &err), IPW_OK);
	assert_string_equal(r.key, "ok");
	assert_int_equal(evidence_case_record(s, "invoice", invoice, &r, &err), IPW_OK);
	assert_int_equal(evidence_case_check(s, "invoice", invoice, &r, &err), IPW_OK);
	assert_string_equal(r.key, "ok"); /* the same path is not its own duplicate */
	assert_int_equal(evidence_case_record(s, "invoice", invoice, &r, &err), IPW_OK);
	size_t n;
	session_evidence(s, &n);
	assert_int_equal(n, 1);

	assert_int_equal(evidence_case_check(s, "invoice", link, &r, &err), IPW_OK);
	assert_int_equal(r.verdict, EVIDENCE_WARN);
	assert_string_equal(r.key, "duplicate");
	assert_string_equal(
	    r.message, "This file has the same content as “invoice.pdf”, already attached here.");

	assert_int_equal(evidence_case_check(s, "invoice", program, &r, &err), IPW_OK);
	assert_string_equal(r.key, "wrong-type");
	assert_int_equal(evidence_case_record(s, "invoice", program, &r, &err), IPW_OK);
	const struct evidence_row *row = evidence_case_find(s, "invoice", program);
	assert_non_null(row);
	assert_int_equal(row->verdict, EVIDENCE_REJECT);
	assert_non_null(strstr(row->mime, "executable")); /* PIE or not, as the system builds it */
	assert_int_equal(session_evidence_usable(s, "invoice"), 1);

	assert_int_equal(evidence_case_check(s, "complaint_number", invoice, &r, &err), IPW_EUSAGE);
	free(invoice);
	free(link);
	free(program);
	session_free(s);
	store_close(st);
	flow_free(flow);
	free(db);
	free(flow_path);
}

/* Copy dir/from over dir/to, keeping to's modification time. */
static void copy_keeping_time(const char *from, const char *to)
{
	char *a = xasprintf("%s/%s", dir, from), *b = xasprintf("%s/%s", dir, to);
	struct stat st;
	assert_int_equal(stat(b, &st), 0);
	size_t n;
	char *bytes = slurp(from, &n);
	write_sample(to, bytes, n);
	free(bytes);
	struct timespec times[2] = {st.st_atim, st.st_mtim};
	assert_int_equal(utimensat(AT_FDCWD, b, times, 0), 0);
	free(a);
	free(b);
}

/* A worker is started while a file is hashed unless the case recorded the
 * file (its path, size and time) under a hash whose reading is stored:
 * checking it again then starts none. That is only a guess: bytes changed
 * under the same size and time are judged as they are, never from the
 * reading of the bytes recorded. And the worker of a command's last file
 * is let go once it has answered. */
static void a_worker_starts_only_for_files_not_read_before(void **state)
{
	char *flow_path, *db;
	struct flow *flow;
	struct store *st;
	struct session *s;
	struct ipw_error err = {0};
	core_test_case("guess.db", &flow_path, &flow, &db, &st, &s);
	size_t n;
	char *bytes = slurp("scan.png", &n);
	write_sample("guess.png", bytes, n);
	free(bytes);
	char *path = xasprintf("%s/guess.png", dir);
	struct evidence_result r;

	evidence_worker_shutdown();
	assert_int_equal(evidence_case_check(s, "invoice", path, &r, &err), IPW_OK);
	assert_string_equal(r.key, "ok");
	assert_true(evidence_worker_pid() > 0);
	assert_int_equal(evidence_case_record(s, "invoice", path, &r, &err), IPW_OK);

	evidence_worker_shutdown();
	assert_int_equal(evidence_case_check(s, "invoice", path, &r, &err), IPW_OK);
	assert_string_equal(r.key, "ok");
	assert_int_equal(evidence_worker_pid(), 0); /* judged from the stored reading */

	copy_keeping_time("bad-crc.png", "guess.png"); /* the same size */
	assert_int_equal(evidence_case_check(s, "invoice", path, &r, &err), IPW_OK);
	assert_string_equal(r.key, "damaged");
	assert_string_equal(r.detail, "png-crc: IDAT: CRC error");

	evidence_worker_last_file();
	expect_verdict("photo.jpg", &strict, EVIDENCE_OK, "ok");
	assert_int_equal(evidence_worker_pid(), 0);
	expect_verdict("photo.jpg", &strict, EVIDENCE_OK, "ok");
	assert_true(evidence_worker_pid() > 0);
	free(path);
	session_free(s);
	store_close(st);
	flow_free(flow);
	free(db);
	free(flow_path);
}

/* A child forked by the program (an editor, a viewer) gets a worker of its
 * own and, leaving through exit(), does not stop its parent's. */
static void a_forked_child_does_not_share_the_worker(void **state)
{
	expect_verdict("invoice.pdf", &strict, EVIDENCE_OK, "ok");
	pid_t parent_worker = evidence_worker_pid();
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct evidence_result r;
		struct ipw_error err = {0};
		char *path = xasprintf("%s/photo.jpg", dir);
		evidence_check(path, &strict, &r, &err);
		bool own = evidence_worker_pid() > 0 && evidence_worker_pid() != parent_worker;
		free(path);
		exit(strcmp(r.key, "ok") == 0 && own ? 0 : 1); /* runs the atexit shutdown */
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(kill(parent_worker, 0), 0);
	expect_verdict("scan.png", &strict, EVIDENCE_OK, "ok");
	assert_int_equal(evidence_worker_pid(), parent_worker);
}

/* The worker's arguments: what it was made ready for at its start. */
static bool worker_ready_for(const char *flag)
{
	char *path = xasprintf("/proc/%d/cmdline", (int)evidence_worker_pid());
	FILE *f = fopen(path, "rb");
	free(path);
	assert_non_null(f);
	char buf[256];
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
		if (strcmp(buf + i, flag) == 0)
			return true;
	return false;
}

/* A worker started for a field that takes no PDF does not warm poppler up;
 * a PDF to decode replaces it with one that does, and every later worker
 * of the process is one. A PDF such a field refuses is only typed. This
 * test runs first: no PDF has been asked for in this process yet. */
static void a_worker_for_images_alone_is_replaced_for_a_pdf(void **state)
{
	static char *png_only[] = {"image/png"};
	const struct evidence_req images = {
	    .accept = png_only, .naccept = 1, .structure = EVIDENCE_POLICY_REJECT};
	expect_verdict("scan.png", &images, EVIDENCE_OK, "ok");
	pid_t w = evidence_worker_pid();
	assert_true(w > 0);
	assert_false(worker_ready_for("--pdf"));
	expect_verdict("invoice.pdf", &images, EVIDENCE_REJECT, "wrong-type");
	assert_int_equal(evidence_worker_pid(), w);

	struct evidence_result r = check("invoice.pdf", &strict);
	assert_string_equal(r.key, "ok");
	assert_int_equal(r.pages, 1);
	assert_true(evidence_worker_pid() != w);
	assert_true(worker_ready_for("--pdf"));
	w = evidence_worker_pid();
	expect_verdict("scan.png", &images, EVIDENCE_OK, "ok");
	assert_int_equal(evidence_worker_pid(), w);
	evidence_worker_shutdown();
	expect_verdict("scan.png", &images, EVIDENCE_OK, "ok");
	assert_true(worker_ready_for("--pdf"));
}

/* A store of one reading, for evidence_check_again. */
struct one_reading {
	char sha256[65], reader[160];
	char *found, *text;
	unsigned gets;
};

static bool one_get(void *ctx, const char *sha256, const char *reader, char **found, char **text)
{
	struct one_reading *m = ctx;
	m->gets++;
	if (!m->found || strcmp(m->sha256, sha256) != 0 || strcmp(m->reader, reader) != 0)
		return false;
	*found = xstrdup(m->found);
	*text = xstrdup(m->text);
	return true;
}

static void one_put(void *ctx, const char *sha256, const char *reader, const char *found,
		    const char *text)
{
	struct one_reading *m = ctx;
	free(m->found);
	free(m->text);
	snprintf(m->sha256, sizeof(m->sha256), "%s", sha256);
	snprintf(m->reader, sizeof(m->reader), "%s", reader);
	m->found = xstrdup(found);
	m->text = xstrdup(text);
}

/* A verdict judged again (another language's words) comes from the reading
 * stored under the bytes' hash: the same verdict, with nothing of the file
 * read — it may even be gone. A reading that cannot give the whole verdict
 * (a Word file's structure is checked on the file itself) says so. */
static void a_verdict_is_judged_again_from_its_stored_reading(void **state)
{
	struct one_reading m = {0};
	const struct evidence_cache cache = {.ctx = &m, .get = one_get, .put = one_put};
	struct ipw_error err = {0};
	struct evidence_result was, again;
	char *path = xasprintf("%s/again.png", dir);
	size_t n;
	char *bytes = slurp("scan.png", &n);
	write_sample("again.png", bytes, n);
	free(bytes);
	assert_int_equal(evidence_check_read(path, &strict, NULL, &cache, &was, &err), IPW_OK);
	assert_string_equal(was.key, "ok");
	assert_non_null(m.found);
	unlink(path);
	assert_true(evidence_check_again(path, &strict, NULL, &cache, &was, &again));
	assert_int_equal(again.verdict, was.verdict);
	assert_string_equal(again.key, was.key);
	assert_string_equal(again.message, was.message);
	assert_string_equal(again.sha256, was.sha256);
	assert_int_equal(again.width, 800);
	assert_int_equal(again.nlooks, was.nlooks);
	/* Other bytes than the stored reading's: no judgement from it. */
	struct evidence_result other = was;
	other.sha256[0] = other.sha256[0] == 'a' ? 'b' : 'a';
	assert_false(evidence_check_again(path, &strict, NULL, &cache, &other, &again));
	other.sha256[0] = '\0';
	assert_false(evidence_check_again(path, &strict, NULL, &cache, &other, &again));
	free(path);

	path = xasprintf("%s/letter.docx", dir);
	assert_int_equal(evidence_check_read(path, &word_only, NULL, &cache, &was, &err), IPW_OK);
	assert_string_equal(was.key, "ok");
	assert_false(evidence_check_again(path, &word_only, NULL, &cache, &was, &again));
	free(path);
	free(m.found);
	free(m.text);
}

static void words_for_types(void **state)
{
	assert_string_equal(evidence_mime_description("application/x-executable"),
			    "a program (executable)");
	assert_string_equal(evidence_mime_description("application/msword"), "a Word document");
	assert_string_equal(evidence_mime_description("video/mp4"), "a video");
	assert_string_equal(evidence_mime_description("x/unknown"), "a file of an unknown kind");
	assert_string_equal(evidence_mime_description(NULL), "a file of an unknown kind");
	assert_string_equal(evidence_verdict_name(EVIDENCE_OK), "ok");
	assert_string_equal(evidence_verdict_name(EVIDENCE_WARN), "warn");
	assert_string_equal(evidence_verdict_name(EVIDENCE_REJECT), "reject");
	assert_string_equal(evidence_verdict_name(EVIDENCE_ERROR), "error");
	assert_true(evidence_ext_fits("a/b.JPEG", "image/jpeg"));
	assert_false(evidence_ext_fits("a.b/c", "image/jpeg"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_worker_for_images_alone_is_replaced_for_a_pdf), /* first */
	    cmocka_unit_test(real_documents_are_accepted),
	    cmocka_unit_test(wrong_types_are_named_in_words),
	    cmocka_unit_test(disguised_names_warn_and_give_the_right_extension),
	    cmocka_unit_test(broken_files_follow_the_flow_policy),
	    cmocka_unit_test(thumbnails_are_caught_by_pixel_size),
	    cmocka_unit_test(sizes_are_judged_before_reading),
	    cmocka_unit_test(things_that_are_not_files_never_block),
	    cmocka_unit_test(link_targets_are_sanitised_in_messages),
	    cmocka_unit_test(unreadable_files_say_so),
	    cmocka_unit_test(hash_matches_sha256sum),
	    cmocka_unit_test(rehash_notices_changes),
	    cmocka_unit_test(a_dead_worker_is_replaced),
	    cmocka_unit_test(a_hanging_worker_becomes_not_checked_in_time),
	    cmocka_unit_test(a_crash_during_a_check_becomes_could_not_check),
	    cmocka_unit_test(data_after_a_jpeg_end_is_not_truncation),
	    cmocka_unit_test(a_zip_directory_out_of_bounds_is_truncation),
	    cmocka_unit_test(gif_and_bmp_sizes_are_read),
	    cmocka_unit_test(a_case_records_and_flags_duplicates),
	    cmocka_unit_test(a_worker_starts_only_for_files_not_read_before),
	    cmocka_unit_test(a_forked_child_does_not_share_the_worker),
	    cmocka_unit_test(words_for_types),
	    cmocka_unit_test(decode_errors_that_lose_content_are_refused),
	    cmocka_unit_test(damage_viewers_repair_is_accepted_with_a_note),
	    cmocka_unit_test(owner_restrictions_are_not_a_password),
	    cmocka_unit_test(a_decompression_bomb_is_refused_by_its_size),
	    cmocka_unit_test(pages_looks_and_text_come_back),
	    cmocka_unit_test(a_page_measures_the_same_in_every_pixel_layout),
	    cmocka_unit_test(lines_with_marks_below_are_not_upside_down),
	    cmocka_unit_test(a_file_over_its_budget_is_not_checked_in_time),
	    cmocka_unit_test(the_worker_runs_in_its_sandbox),
	    cmocka_unit_test(worker_replies_are_validated),
	    cmocka_unit_test(stored_readings_round_trip_and_refuse_the_rest),
	    cmocka_unit_test(a_verdict_is_judged_again_from_its_stored_reading),
	};
	return cmocka_run_group_tests(tests, make_corpus, remove_corpus);
}
