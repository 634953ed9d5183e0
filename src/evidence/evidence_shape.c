/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_shape.c — does a file the worker does not decode hold together?
 * libmagic looks at the first bytes only; a reviewer's viewer needs the end
 * too. A GIF needs its trailer, a BMP the size its header says, an Office
 * file its ZIP directory. Images report their pixel size so a thumbnail is
 * caught. Every read is a bounded pread. (PNG, JPEG and PDF are decoded in
 * full: evidence_decode*.c.) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_internal.h"

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void check_gif(int fd, uint64_t size, struct evidence_shape *out)
{
	unsigned char h[10], last;
	if (!evidence_pread(fd, h, sizeof(h), 0)) {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	out->width = le16(h + 6);
	out->height = le16(h + 8);
	if (!evidence_pread(fd, &last, 1, size - 1) || last != 0x3b)
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
}

static void check_bmp(int fd, uint64_t size, struct evidence_shape *out)
{
	unsigned char h[26];
	if (!evidence_pread(fd, h, sizeof(h), 0) || h[0] != 'B' || h[1] != 'M') {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	if (le32(h + 14) == 12) { /* OS/2 core header: 16-bit sizes */
		out->width = le16(h + 18);
		out->height = le16(h + 20);
	} else {
		int32_t w = (int32_t)le32(h + 18), ht = (int32_t)le32(h + 22);
		out->width = w < 0 ? 0u - (uint32_t)w : (uint32_t)w;
		out->height = ht < 0 ? 0u - (uint32_t)ht : (uint32_t)ht;
	}
	if (le32(h + 2) > size)
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
}

void evidence_shape_check(int fd, uint64_t size, const char *mime, struct evidence_shape *out)
{
	memset(out, 0, sizeof(*out));
	if (size == 0)
		return;
	if (strcmp(mime, "image/gif") == 0)
		check_gif(fd, size, out);
	else if (strcmp(mime, "image/bmp") == 0 || strcmp(mime, "image/x-ms-bmp") == 0)
		check_bmp(fd, size, out);
	else if (strncmp(mime, "application/vnd.openxmlformats-officedocument.", 46) == 0 &&
		 !evidence_zip_kind(fd, size))
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
}
