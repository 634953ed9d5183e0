/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr_tess.c — the OCR module (ipwiz-ocr.so): tesseract and
 * leptonica behind struct evidence_ocr_plugin (evidence_ocr_plugin.h).
 * The worker's evidence_ocr.c decides what to read and when to turn a
 * page; this file only hands tesseract pictures and takes its words. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "evidence_ocr_plugin.h"

struct evidence_ocr_engine {
	TessBaseAPI *api;
};

static struct evidence_ocr_engine *engine_open(const char *datadir, const char *langs)
{
	bool osd = strcmp(langs, "osd") == 0;
	TessBaseAPI *api = TessBaseAPICreate();
	if (!api)
		return NULL;
	if (TessBaseAPIInit2(api, datadir, langs, osd ? OEM_TESSERACT_ONLY : OEM_LSTM_ONLY) != 0) {
		TessBaseAPIDelete(api);
		return NULL;
	}
	/* Its warnings ("Invalid resolution") go to stderr, which in the
	 * worker is /dev/null; debug_file is left alone, because tesseract
	 * would open that file for writing, which the sandbox refuses. */
	if (!osd)
		TessBaseAPISetPageSegMode(api, PSM_AUTO);
	struct evidence_ocr_engine *e = malloc(sizeof(*e));
	if (!e) {
		TessBaseAPIEnd(api);
		TessBaseAPIDelete(api);
		return NULL;
	}
	e->api = api;
	return e;
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

static int engine_read(struct evidence_ocr_engine *e, const struct evidence_raster *r, char *text,
		       size_t size)
{
	if (size)
		text[0] = '\0';
	set_image(e->api, r);
	/* Without a resolution tesseract guesses one from the text size;
	 * a believable dpi from the file is better. */
	if (r->dpi >= 70 && r->dpi <= 2400)
		TessBaseAPISetSourceResolution(e->api, (int)r->dpi);
	char *got = TessBaseAPIGetUTF8Text(e->api);
	int conf = got ? TessBaseAPIMeanTextConf(e->api) : -1;
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
	TessBaseAPIClear(e->api);
	return conf;
}

static bool engine_orient(struct evidence_ocr_engine *e, const struct evidence_raster *r, int *deg,
			  float *conf)
{
	set_image(e->api, r);
	if (r->dpi >= 70)
		TessBaseAPISetSourceResolution(e->api, (int)r->dpi);
	float script_conf = 0;
	const char *script = NULL;
	*deg = 0;
	*conf = 0;
	bool told = TessBaseAPIDetectOrientationScript(e->api, deg, conf, &script, &script_conf);
	TessBaseAPIClear(e->api);
	return told;
}

static void engine_close(struct evidence_ocr_engine *e)
{
	if (!e)
		return;
	TessBaseAPIEnd(e->api);
	TessBaseAPIDelete(e->api);
	free(e);
}

const struct evidence_ocr_plugin *evidence_ocr_plugin(void)
{
	static const struct evidence_ocr_plugin plugin = {
	    .version = EVIDENCE_OCR_PLUGIN_VERSION,
	    .open = engine_open,
	    .read = engine_read,
	    .orient = engine_orient,
	    .close = engine_close,
	};
	return &plugin;
}
