/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr.c — reading a photo or an image-only page with tesseract.
 * This runs in the evidence worker only (never in the wizard): tesseract is
 * a module of its own (ipwiz-ocr.so, evidence_ocr_plugin.h), loaded with
 * the models once per worker, on the first page that needs them — in
 * practice at the start of a worker the parent tells that scans will be
 * read (--ocr, before the sandbox) — because loading chi_sim+eng+ind costs
 * far more than reading a page, and tesseract's own libraries two thirds of
 * the start of a worker that reads nothing. A page read without confidence
 * is turned upright when tesseract's orientation detection is sure, since
 * OCR of a sideways page returns noise; the detector's own model (osd) is
 * loaded only then, the first time a page needs it (a fifth of the
 * languages' load, spent on every worker before, for pages that are nearly
 * always upright). Built without tesseract, or with its module missing,
 * evidence_ocr_available() says so and nothing is read. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_decode.h"
#include "evidence_ocr.h"

#ifdef HAVE_TESSERACT
#include <dlfcn.h>

#include "evidence_ocr_plugin.h"

static const struct evidence_ocr_plugin *engine;
static struct evidence_ocr_engine *reader;
static struct evidence_ocr_engine *orienter;
static bool tried, orienter_tried;
static char loaded[64];

/* The module, once per worker: NULL when it is missing or of another
 * version (then nothing is read, as without tesseract). */
static const struct evidence_ocr_plugin *engine_get(void)
{
	static bool engine_tried;
	if (engine_tried)
		return engine;
	engine_tried = true;
	void *so = dlopen(install_ocr_module_path(), RTLD_NOW | RTLD_LOCAL);
	if (!so)
		return NULL;
	/* a function's address out of dlsym's void *, as POSIX allows */
	const struct evidence_ocr_plugin *(*get)(void) = NULL;
	void *sym = dlsym(so, EVIDENCE_OCR_PLUGIN_SYMBOL);
	if (sym)
		memcpy(&get, &sym, sizeof(get));
	const struct evidence_ocr_plugin *p = get ? get() : NULL;
	if (!p || p->version != EVIDENCE_OCR_PLUGIN_VERSION) {
		dlclose(so);
		return NULL;
	}
	engine = p; /* kept loaded for the worker's life */
	return engine;
}

static void load(void)
{
	if (tried)
		return;
	tried = true;
	evidence_ocr_models(loaded, sizeof(loaded));
	if (!loaded[0] || !engine_get())
		return;
	reader = engine->open(evidence_ocr_data_dir(), loaded);
	if (!reader)
		loaded[0] = '\0';
}

/* The orientation detector, loaded the first time a page needs it: in the
 * sandbox, which still lets the worker read the models (read-only opens
 * under /usr or $TESSDATA_PREFIX, evidence_sandbox.c). NULL without osd. */
static struct evidence_ocr_engine *orienter_get(void)
{
	if (orienter_tried)
		return orienter;
	orienter_tried = true;
	if (engine && evidence_ocr_model_present("osd"))
		orienter = engine->open(evidence_ocr_data_dir(), "osd");
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

/* Degrees to turn clockwise so the text reads upright, or 0 when the
 * detector is unsure (a page with little text: leave it as it is). */
static int upright_turn(const struct evidence_raster *r)
{
	if (!orienter_get())
		return 0;
	int deg = 0;
	float conf = 0;
	if (!engine->orient(orienter, r, &deg, &conf))
		deg = 0;
	/* tesseract reports the page's rotation counter-clockwise; 2.0 is
	 * its own threshold for a confident answer. */
	if (conf < 2.0f || (deg != 90 && deg != 180 && deg != 270))
		return 0;
	return deg;
}

/* tesseract's mean word confidence above which a page counts as read. */
enum { OCR_SURE = 60 };

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
	int conf = engine->read(reader, r, text, size);
	if (conf >= OCR_SURE)
		return conf;
	int deg = upright_turn(r);
	struct evidence_raster upright;
	/* Detected counter-clockwise: turn back clockwise by 360 - deg. */
	if (!deg || !evidence_decode_turn(r, 360 - deg, DECODE_SCRATCH_OCR, &upright))
		return conf;
	static char again[EVIDENCE_TEXT_MAX];
	int conf2 =
	    engine->read(reader, &upright, again, size < sizeof(again) ? size : sizeof(again));
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
	if (engine) {
		engine->close(reader);
		engine->close(orienter);
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
