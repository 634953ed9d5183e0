/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_wire.h — the messages between the parent and the worker process,
 * one SOCK_SEQPACKET message each, of a fixed size and layout. The parent
 * never trusts the worker (it parsed hostile bytes and may be anything by
 * now): a reply of another size, an unknown value, a string without its NUL,
 * a number out of range, text that is not UTF-8 — each is refused or cut by
 * evidence_wire_parse_*, the one place that reads a reply. */
#ifndef IPWIZ_EVIDENCE_WIRE_H
#define IPWIZ_EVIDENCE_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "evidence_internal.h"

enum {
	EVIDENCE_WIRE_MAGIC = 0x69707764, /* "ipwd" */
	EVIDENCE_WIRE_HELLO = 1,	  /* worker → parent, once, when it is ready */
	EVIDENCE_WIRE_TYPE = 2,		  /* type one file with libmagic */
	EVIDENCE_WIRE_DECODE = 3,	  /* decode one file */
	EVIDENCE_WIRE_THUMB = 4,	  /* one page of a file, small, for a preview */
	EVIDENCE_WIRE_MIME = 128,
};

/* Parent → worker, with the file's descriptor as SCM_RIGHTS. */
/* Every message starts with magic, op and seq: the request's number, which
 * its reply repeats. */
struct evidence_wire_request {
	uint32_t magic, op, seq;
	uint32_t format;  /* enum evidence_format, for a decode */
	uint32_t seconds; /* the file's CPU budget */
	uint32_t read; /* decode: 1 = OCR the pages without a text layer; thumb: 1 = as PNG too */
	uint32_t page; /* thumb: the 1-based page */
};

struct evidence_wire_hello {
	uint32_t magic, op, seq;
	uint32_t ok;	  /* 1: libmagic loaded, the decoders ready */
	uint32_t sandbox; /* EVIDENCE_SANDBOX_* */
};

struct evidence_wire_type {
	uint32_t magic, op, seq;
	uint32_t ok;
	char mime[EVIDENCE_WIRE_MIME];
};

struct evidence_wire_look {
	double dpi, sharpness, contrast, ink;
	int32_t rotation;
	uint8_t blank, colour, red_seal, measured, sideways, pad[3];
};

struct evidence_wire_decode {
	uint32_t magic, op, seq;
	uint32_t damage, pages, bad_page, width, height, restrictions, nlooks, text_len;
	char key[32];
	char detail[128];
	struct evidence_wire_look looks[EVIDENCE_LOOK_PAGES];
	char text[EVIDENCE_TEXT_MAX];
};

/* A page made small: at most EVIDENCE_THUMB_MAX pixels a side, RGB rows of
 * width * 3 bytes, and when asked the same as a PNG file (png_len bytes).
 * ok 0: the page could not be drawn (no such page, the file broken). */
enum { EVIDENCE_THUMB_PNG_MAX = EVIDENCE_THUMB_MAX * EVIDENCE_THUMB_MAX * 3 + 4096 };
struct evidence_wire_thumb {
	uint32_t magic, op, seq;
	uint32_t ok, page, pages, width, height, png_len;
	uint8_t rgb[EVIDENCE_THUMB_MAX * EVIDENCE_THUMB_MAX * 3];
	uint8_t png[EVIDENCE_THUMB_PNG_MAX];
};

/* Worker side: the reply for what the decoders found. */
void evidence_wire_encode_decode(const struct evidence_decoded *d, struct evidence_wire_decode *w);

/* Parent side: a received message of n bytes. Each returns false when it is
 * not a well-formed message of its kind; otherwise fills its output with
 * values known to be in range (strings terminated, text valid UTF-8). */
bool evidence_wire_parse_hello(const void *msg, size_t n, unsigned *sandbox);
bool evidence_wire_parse_type(const void *msg, size_t n, char *mime, size_t size);
bool evidence_wire_parse_decode(const void *msg, size_t n, struct evidence_decoded *out);
/* A thumb reply: out gets a malloc'd picture (ok) or none (ok false, the
 * page could not be drawn: out->rgb NULL). */
bool evidence_wire_parse_thumb(const void *msg, size_t n, struct evidence_thumb *out);

#endif
