/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_ocr_models.c — which OCR models are installed, by looking at the
 * files alone. The worker loads these; the wizard names them in the
 * identity of a stored reading, so installing a model reads scans again. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evidence_ocr.h"

/* Languages in the order tesseract weighs them. */
static const char *const wanted[] = {"chi_sim", "eng", "ind"};

const char *evidence_ocr_data_dir(void)
{
	const char *p = getenv("TESSDATA_PREFIX");
	return p && *p ? p : "/usr/share/tesseract-ocr/5/tessdata";
}

bool evidence_ocr_model_present(const char *lang)
{
	char path[512];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s.traineddata", evidence_ocr_data_dir(), lang);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void evidence_ocr_models(char *buf, size_t size)
{
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof(wanted) / sizeof(wanted[0]); i++) {
		if (!evidence_ocr_model_present(wanted[i]))
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? "+" : "", wanted[i]);
		if (n < 0 || (size_t)n >= size - len) {
			buf[len] = '\0'; /* a whole name or none */
			return;
		}
		len += (size_t)n;
	}
}
