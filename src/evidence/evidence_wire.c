/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_wire.c — the worker's replies, written by the worker and read by
 * the parent. A reply is a fixed-size struct; reading it checks its size,
 * its magic and kind, every enum, count and number, and terminates every
 * string, so nothing the worker sends can make the parent read out of
 * bounds or believe a value no decoder produces. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "base/base.h"
#include "evidence_wire.h"

_Static_assert(sizeof(struct evidence_wire_decode) <= 64 * 1024,
	       "a decode reply fits one socket message");

static void copy_string(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);
	memcpy(dst, src, n);
	memset(dst + n, 0, size - n);
}

void evidence_wire_encode_decode(const struct evidence_decoded *d, struct evidence_wire_decode *w)
{
	memset(w, 0, offsetof(struct evidence_wire_decode, text));
	w->magic = EVIDENCE_WIRE_MAGIC;
	w->op = EVIDENCE_WIRE_DECODE;
	w->damage = (uint32_t)d->damage;
	w->pages = d->pages;
	w->bad_page = d->bad_page;
	w->width = d->width;
	w->height = d->height;
	w->restrictions = d->restrictions;
	w->nlooks = d->nlooks;
	w->text_len = (uint32_t)(d->text_len < EVIDENCE_TEXT_MAX ? d->text_len : EVIDENCE_TEXT_MAX);
	copy_string(w->key, sizeof(w->key), d->key);
	copy_string(w->detail, sizeof(w->detail), d->detail);
	for (unsigned i = 0; i < d->nlooks && i < EVIDENCE_LOOK_PAGES; i++) {
		const struct evidence_look *l = &d->looks[i];
		struct evidence_wire_look *o = &w->looks[i];
		o->dpi = l->dpi;
		o->sharpness = l->sharpness;
		o->contrast = l->contrast;
		o->ink = l->ink;
		o->rotation = l->rotation;
		o->blank = l->blank;
		o->colour = l->colour;
		o->red_seal = l->red_seal;
		o->measured = l->measured;
		o->sideways = l->sideways;
	}
	memcpy(w->text, d->text, w->text_len);
	memset(w->text + w->text_len, 0, sizeof(w->text) - w->text_len);
}

static bool header_ok(const void *msg, size_t n, size_t want, uint32_t op)
{
	uint32_t h[2];
	if (n != want)
		return false;
	memcpy(h, msg, sizeof(h));
	return h[0] == EVIDENCE_WIRE_MAGIC && h[1] == op;
}

bool evidence_wire_parse_hello(const void *msg, size_t n, unsigned *sandbox)
{
	struct evidence_wire_hello h;
	if (!header_ok(msg, n, sizeof(h), EVIDENCE_WIRE_HELLO))
		return false;
	memcpy(&h, msg, sizeof(h));
	if (h.ok != 1 ||
	    (h.sandbox & ~(unsigned)(EVIDENCE_SANDBOX_SECCOMP | EVIDENCE_SANDBOX_LANDLOCK)))
		return false;
	*sandbox = h.sandbox;
	return true;
}

/* Only "type/subtype" made of token characters counts as a type. */
static bool mime_shaped(const char *s)
{
	const char *slash = strchr(s, '/');
	if (!slash || slash == s || !slash[1] || strchr(slash + 1, '/'))
		return false;
	for (const char *p = s; *p; p++)
		if (!(p == slash || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("+-.!#$&^_", *p)))
			return false;
	return true;
}

bool evidence_wire_parse_type(const void *msg, size_t n, char *mime, size_t size)
{
	struct evidence_wire_type t;
	mime[0] = '\0';
	if (!header_ok(msg, n, sizeof(t), EVIDENCE_WIRE_TYPE))
		return false;
	memcpy(&t, msg, sizeof(t));
	if (t.ok > 1 || !memchr(t.mime, '\0', sizeof(t.mime)))
		return false;
	/* A type libmagic could not name, or one no real type looks like,
	 * is "unknown": the file is then refused as of an unknown kind. */
	if (t.ok && mime_shaped(t.mime) && strlen(t.mime) < size)
		memcpy(mime, t.mime, strlen(t.mime) + 1);
	return true;
}

bool evidence_wire_parse_thumb(const void *msg, size_t n, struct evidence_thumb *out)
{
	memset(out, 0, sizeof(*out));
	if (!header_ok(msg, n, sizeof(struct evidence_wire_thumb), EVIDENCE_WIRE_THUMB))
		return false;
	struct evidence_wire_thumb head;
	memcpy(&head, msg, offsetof(struct evidence_wire_thumb, rgb));
	if (head.ok > 1 || head.pages > 1000000 || head.page > head.pages)
		return false;
	if (!head.ok)
		return head.width == 0 && head.height == 0;
	if (head.width < 1 || head.width > EVIDENCE_THUMB_MAX || head.height < 1 ||
	    head.height > EVIDENCE_THUMB_MAX || head.page < 1)
		return false;
	out->width = head.width;
	out->height = head.height;
	out->stride = (size_t)head.width * 3;
	out->page = head.page;
	out->pages = head.pages;
	/* A PNG must be one of this picture: its signature, then IHDR with
	 * the same size (the reviewer's browser decodes it, not ipwiz). */
	const unsigned char *png =
	    (const unsigned char *)msg + offsetof(struct evidence_wire_thumb, png);
	static const unsigned char sig[16] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
					      0,    0,	 0,   13,  'I',	 'H',  'D',  'R'};
	if (head.png_len) {
		uint32_t w = (uint32_t)png[16] << 24 | (uint32_t)png[17] << 16 |
			     (uint32_t)png[18] << 8 | png[19];
		uint32_t h = (uint32_t)png[20] << 24 | (uint32_t)png[21] << 16 |
			     (uint32_t)png[22] << 8 | png[23];
		if (head.png_len > EVIDENCE_THUMB_PNG_MAX || head.png_len < 33 ||
		    memcmp(png, sig, sizeof(sig)) != 0 || w != head.width || h != head.height)
			return false;
		out->png = xmalloc(head.png_len);
		memcpy(out->png, png, head.png_len);
		out->png_len = head.png_len;
	}
	out->rgb = xmalloc(out->stride * out->height);
	memcpy(out->rgb, (const unsigned char *)msg + offsetof(struct evidence_wire_thumb, rgb),
	       out->stride * out->height);
	return true;
}

static bool unit_ok(double v)
{
	return isfinite(v) && v >= 0.0 && v <= 1.0;
}

static bool look_ok(const struct evidence_wire_look *l)
{
	int r = l->rotation;
	return isfinite(l->dpi) && l->dpi >= 0.0 && l->dpi <= 100000.0 && unit_ok(l->sharpness) &&
	       unit_ok(l->contrast) && unit_ok(l->ink) && l->blank <= 1 && l->colour <= 1 &&
	       l->red_seal <= 1 && l->measured <= 1 && l->sideways <= 1 &&
	       (r == -1 || r == 0 || r == 90 || r == 180 || r == 270);
}

/* [a-z0-9-], terminated: the decoder's word for a fault. */
static bool key_ok(const char *k, size_t size)
{
	const char *end = memchr(k, '\0', size);
	if (!end)
		return false;
	for (const char *p = k; p < end; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

/* Printable ASCII, terminated; anything else becomes '?'. */
static void detail_copy(char *dst, size_t size, const char *src, size_t srcsize)
{
	size_t n = strnlen(src, srcsize);
	if (n >= size)
		n = size - 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	dst[n] = '\0';
}

bool evidence_wire_parse_decode(const void *msg, size_t n, struct evidence_decoded *out)
{
	if (!header_ok(msg, n, sizeof(struct evidence_wire_decode), EVIDENCE_WIRE_DECODE))
		return false;
	/* The message may not be aligned for doubles: copy the fields out. */
	struct evidence_wire_decode head;
	memcpy(&head, msg, offsetof(struct evidence_wire_decode, text));
	if (head.damage >= EVIDENCE_DAMAGE_COUNT || head.pages > 1000000 ||
	    head.bad_page > head.pages || head.nlooks > EVIDENCE_LOOK_PAGES ||
	    head.nlooks > head.pages || head.text_len > EVIDENCE_TEXT_MAX ||
	    head.restrictions & ~(uint32_t)EVIDENCE_PDF_RESTRICTIONS || head.width > 0x7fffffff ||
	    head.height > 0x7fffffff || !key_ok(head.key, sizeof(head.key)))
		return false;
	for (unsigned i = 0; i < head.nlooks; i++)
		if (!look_ok(&head.looks[i]))
			return false;
	memset(out, 0, offsetof(struct evidence_decoded, text));
	out->damage = (enum evidence_damage)head.damage;
	memcpy(out->key, head.key, sizeof(out->key));
	detail_copy(out->detail, sizeof(out->detail), head.detail, sizeof(head.detail));
	out->pages = head.pages;
	out->bad_page = head.bad_page;
	out->width = head.width;
	out->height = head.height;
	out->restrictions = head.restrictions;
	out->nlooks = head.nlooks;
	for (unsigned i = 0; i < head.nlooks; i++) {
		const struct evidence_wire_look *l = &head.looks[i];
		out->looks[i] = (struct evidence_look){.dpi = l->dpi,
						       .sharpness = l->sharpness,
						       .contrast = l->contrast,
						       .ink = l->ink,
						       .blank = l->blank,
						       .colour = l->colour,
						       .red_seal = l->red_seal,
						       .measured = l->measured,
						       .sideways = l->sideways,
						       .rotation = l->rotation};
	}
	/* Text: up to the first NUL or invalid byte, cut at a whole character. */
	size_t len = head.text_len, bad;
	const char *t = (const char *)msg + offsetof(struct evidence_wire_decode, text);
	const char *nul = memchr(t, '\0', len);
	if (nul)
		len = (size_t)(nul - t);
	if (!utf8_valid(t, len, &bad))
		len = bad;
	memcpy(out->text, t, len);
	out->text[len] = '\0';
	out->text_len = len;
	return true;
}
