/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr.c — reading a photo or an image-only page with tesseract.
 * This runs in the evidence worker only (never in the wizard): the models
 * are loaded once per worker, on the first page that needs them, because
 * loading chi_sim+eng+ind costs far more than reading a page. A page read
 * without confidence is turned upright when tesseract's orientation
 * detection is sure, since OCR of a sideways page returns noise; the
 * detector's own model (osd) is loaded only then, the first time a page
 * needs it (a fifth of the languages' load, spent on every worker before,
 * for pages that are nearly always upright). Built without tesseract,
 * evidence_ocr_available() says so and nothing is read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_decode.h"
#include "evidence_ocr.h"

#ifdef HAVE_TESSERACT
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

static TessBaseAPI *reader;
static TessBaseAPI *orienter;
static bool tried, orienter_tried;
static char loaded[64];

static void load(void)
{
	if (tried)
		return;
	tried = true;
	evidence_ocr_models(loaded, sizeof(loaded));
	if (!loaded[0])
		return;
	reader = TessBaseAPICreate();
	if (!reader ||
	    TessBaseAPIInit2(reader, evidence_ocr_data_dir(), loaded, OEM_LSTM_ONLY) != 0) {
		if (reader)
			TessBaseAPIDelete(reader);
		reader = NULL;
		loaded[0] = '\0';
		return;
	}
	/* Its warnings ("Invalid resolution") go to stderr, which in the
	 * worker is /dev/null; debug_file is left alone, because tesseract
	 * would open that file for writing, which the sandbox refuses. */
	TessBaseAPISetPageSegMode(reader, PSM_AUTO);
}

/* The orientation detector, loaded the first time a page needs it: in the
 * sandbox, which still lets the worker read the models (read-only opens
 * under /usr or $TESSDATA_PREFIX, evidence_sandbox.c). NULL without osd. */
static TessBaseAPI *orienter_get(void)
{
	if (orienter_tried)
		return orienter;
	orienter_tried = true;
	if (!evidence_ocr_model_present("osd"))
		return NULL;
	orienter = TessBaseAPICreate();
	if (orienter &&
	    TessBaseAPIInit2(orienter, evidence_ocr_data_dir(), "osd", OEM_TESSERACT_ONLY) != 0) {
		TessBaseAPIDelete(orienter);
		orienter = NULL;
	}
	return orienter;
}

bool evidence_ocr_available(void)
{
	load();
	return reader != NULL;
}

const char *evidence_ocr_languages(void)
{
	load();
	return loaded;
}

/* The raster as the picture tesseract makes of it when handed the bytes
 * (TessBaseAPISetImage: 32 bits a pixel, red in the top byte and the
 * lowest 0, or 8 bits a pixel, in a zeroed picture), made here in one pass
 * a word at a time instead of tesseract's three byte stores a pixel (10 ms
 * of an A4 page at 300 dpi); tesseract copies it either way. NULL when out
 * of memory. */
static PIX *as_pix(const struct evidence_raster *r)
{
	PIX *pix = pixCreate((l_int32)r->width, (l_int32)r->height, r->channels == 3 ? 32 : 8);
	if (!pix)
		return NULL;
	l_uint32 *data = pixGetData(pix);
	l_int32 wpl = pixGetWpl(pix);
	for (unsigned y = 0; y < r->height; y++, data += wpl) {
		const unsigned char *p = r->px + (size_t)y * r->stride;
		unsigned x = 0;
		if (r->channels == 3) {
			for (; x < r->width; x++, p += 3)
				data[x] = (l_uint32)p[0] << 24 | (l_uint32)p[1] << 16 |
					  (l_uint32)p[2] << 8;
			continue;
		}
		for (; x + 4 <= r->width; x += 4)
			data[x / 4] = (l_uint32)p[x] << 24 | (l_uint32)p[x + 1] << 16 |
				      (l_uint32)p[x + 2] << 8 | p[x + 3];
		for (; x < r->width; x++)
			SET_DATA_BYTE(data, x, p[x]);
	}
	return pix;
}

/* Hand r to api (as a picture, or as bytes when none could be made). A
 * colour page goes as its luminance, made by leptonica as tesseract makes
 * it for its recogniser (pixConvertRGBToLuminance): tesseract then finds
 * the text's outline on that one channel instead of on red, green and blue
 * each, a sixth of an A4 page's reading (2.17 -> 1.80 s), and reads the
 * same text from the same grey (the generated letter byte for byte; on the
 * legibility set only the letters of the red seal read otherwise). */
static void set_image(TessBaseAPI *api, const struct evidence_raster *r)
{
	PIX *pix = as_pix(r);
	if (pix && pixGetDepth(pix) == 32) {
		PIX *grey = pixConvertRGBToLuminance(pix);
		if (grey) {
			pixDestroy(&pix);
			pix = grey;
		}
	}
	if (pix) {
		TessBaseAPISetImage2(api, pix);
		pixDestroy(&pix);
		return;
	}
	TessBaseAPISetImage(api, r->px, (int)r->width, (int)r->height, (int)r->channels,
			    (int)r->stride);
}

/* Degrees to turn clockwise so the text reads upright, or 0 when the
 * detector is unsure (a page with little text: leave it as it is). */
static int upright_turn(const struct evidence_raster *r)
{
	if (!orienter_get())
		return 0;
	set_image(orienter, r);
	if (r->dpi >= 70)
		TessBaseAPISetSourceResolution(orienter, (int)r->dpi);
	int deg = 0;
	float conf = 0, script_conf = 0;
	const char *script = NULL;
	if (!TessBaseAPIDetectOrientationScript(orienter, &deg, &conf, &script, &script_conf))
		deg = 0;
	TessBaseAPIClear(orienter);
	/* tesseract reports the page's rotation counter-clockwise; 2.0 is
	 * its own threshold for a confident answer. */
	if (conf < 2.0f || (deg != 90 && deg != 180 && deg != 270))
		return 0;
	return deg;
}

/* tesseract's mean word confidence above which a page counts as read. */
enum { OCR_SURE = 60 };

/* One pass of the reader over r into text; its mean confidence, or -1. */
static int read_page(const struct evidence_raster *r, char *text, size_t size)
{
	if (size)
		text[0] = '\0';
	set_image(reader, r);
	/* Without a resolution tesseract guesses one from the text size;
	 * a believable dpi from the file is better. */
	if (r->dpi >= 70 && r->dpi <= 2400)
		TessBaseAPISetSourceResolution(reader, (int)r->dpi);
	char *got = TessBaseAPIGetUTF8Text(reader);
	int conf = got ? TessBaseAPIMeanTextConf(reader) : -1;
	if (got && size) {
		size_t n = strlen(got);
		if (n >= size) { /* cut on a character boundary */
			n = size - 1;
			while (n > 0 && ((unsigned char)got[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(text, got, n);
		text[n] = '\0';
	}
	if (got)
		TessDeleteText(got);
	TessBaseAPIClear(reader);
	return conf;
}

int evidence_ocr_page(const struct evidence_raster *r, char *text, size_t size, int *turn)
{
	if (size)
		text[0] = '\0';
	*turn = 0;
	if (!evidence_ocr_available() || !r->width || !r->height ||
	    (r->channels != 1 && r->channels != 3))
		return -1;
	/* Read the page as it is first: a page read with confidence is upright
	 * (orientation detection costs a fifth of the reading). Only a page
	 * read badly is asked which way up it is, and read again turned. */
	int conf = read_page(r, text, size);
	if (conf >= OCR_SURE)
		return conf;
	int deg = upright_turn(r);
	struct evidence_raster upright;
	/* Detected counter-clockwise: turn back clockwise by 360 - deg. */
	if (!deg || !evidence_decode_turn(r, 360 - deg, DECODE_SCRATCH_OCR, &upright))
		return conf;
	static char again[EVIDENCE_TEXT_MAX];
	int conf2 = read_page(&upright, again, size < sizeof(again) ? size : sizeof(again));
	if (conf2 > conf) {
		if (size)
			memcpy(text, again, strlen(again) + 1);
		*turn = 360 - deg;
		return conf2;
	}
	return conf;
}

void evidence_ocr_end(void)
{
	if (reader) {
		TessBaseAPIEnd(reader);
		TessBaseAPIDelete(reader);
	}
	if (orienter) {
		TessBaseAPIEnd(orienter);
		TessBaseAPIDelete(orienter);
	}
	reader = orienter = NULL;
	tried = orienter_tried = false;
}

#else /* built without tesseract */

bool evidence_ocr_available(void)
{
	return false;
}

const char *evidence_ocr_languages(void)
{
	return "";
}

int evidence_ocr_page(const struct evidence_raster *r, char *text, size_t size, int *turn)
{
	(void)r;
	if (size)
		text[0] = '\0';
	*turn = 0;
	return -1;
}

void evidence_ocr_end(void)
{
}

#endif
