/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_reading.c — what the worker found in a file, kept by the
 * caller's store (struct evidence_cache) under the file's SHA-256, so the
 * same bytes are not decoded and read with OCR again: a second `ipwiz
 * check` of a case costs a hash per file.
 *
 * A reading is two strings: "found" is the type on its first line, then,
 * when the file was decoded, the worker's reply (struct
 * evidence_wire_decode up to its text) in hex; "text" is the text that was
 * read. A stored reading is as untrusted as a worker's reply — a shared
 * database has other writers — so it is parsed back by the same
 * evidence_wire_parse_decode, and anything else than what
 * evidence_reading_encode writes is no reading at all (the file is decoded
 * again). The reader's identity names everything that changes what a
 * reading holds: the program's version and EVIDENCE_READING_REVISION, the
 * reply's layout, and for OCR the models installed. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_internal.h"
#include "evidence_ocr.h"
#include "evidence_wire.h"

/* Raise it when the decoders or the measures change what they report for
 * the same bytes: stored readings of older revisions are then ignored. */
#define EVIDENCE_READING_REVISION 4 /* 4: photos at 3/8, OCR on the luminance, no turns */

static const size_t head_size = offsetof(struct evidence_wire_decode, text);

void evidence_reader_id(bool read, char *buf, size_t size)
{
	char models[64] = "";
	if (read)
		evidence_ocr_models(models, sizeof(models));
	const uint16_t probe = 1;
	snprintf(buf, size, "ipwiz %s reading %d wire %zu %s%s%s", PACKAGE_VERSION,
		 EVIDENCE_READING_REVISION, head_size, *(const uint8_t *)&probe ? "le" : "be",
		 read ? " ocr " : "", read ? (models[0] ? models : "none") : "");
}

static bool mime_ok(const char *s, size_t n)
{
	if (n == 0 || n >= EVIDENCE_WIRE_MIME || !memchr(s, '/', n))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '.' ||
		      c == '+' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

char *evidence_reading_encode(const char *mime, const struct evidence_decoded *d)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_addf(&b, "%s\n", mime);
	if (d) {
		struct evidence_wire_decode *w = xmalloc(sizeof(*w));
		evidence_wire_encode_decode(d, w);
		static const char hex[] = "0123456789abcdef";
		const unsigned char *p = (const unsigned char *)w;
		for (size_t i = 0; i < head_size; i++) {
			char two[3] = {hex[p[i] >> 4], hex[p[i] & 15], '\0'};
			strbuf_add(&b, two);
		}
		free(w);
	}
	return strbuf_detach(&b);
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

bool evidence_reading_parse(const char *found, const char *text, char *mime, size_t msize,
			    struct evidence_decoded *d, bool *decoded)
{
	*decoded = false;
	const char *nl = found ? strchr(found, '\n') : NULL;
	if (!nl || !mime_ok(found, (size_t)(nl - found)) || (size_t)(nl - found) >= msize)
		return false;
	const char *hex = nl + 1;
	size_t hn = strlen(hex);
	if (hn == 0) { /* typed, not decoded */
		snprintf(mime, msize, "%.*s", (int)(nl - found), found);
		return true;
	}
	if (hn != 2 * head_size)
		return false;
	struct evidence_wire_decode *w = xcalloc(1, sizeof(*w));
	unsigned char *p = (unsigned char *)w;
	bool ok = true;
	for (size_t i = 0; i < head_size && ok; i++) {
		int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
		ok = hi >= 0 && lo >= 0;
		if (ok) /* a negative nibble must not be shifted */
			p[i] = (unsigned char)(hi << 4 | lo);
	}
	if (ok) {
		/* The text comes from its own column, cut to what a reply holds. */
		size_t tn = text ? strlen(text) : 0;
		if (tn > EVIDENCE_TEXT_MAX)
			tn = EVIDENCE_TEXT_MAX;
		memcpy(w->text, text ? text : "", tn);
		w->text_len = (uint32_t)tn;
		ok = evidence_wire_parse_decode(w, sizeof(*w), d);
	}
	free(w);
	if (!ok)
		return false;
	snprintf(mime, msize, "%.*s", (int)(nl - found), found);
	*decoded = true;
	return true;
}
