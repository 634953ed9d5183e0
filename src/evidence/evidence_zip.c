/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_zip.c — what a ZIP holds, read from its central directory (the
 * table at the end that every reader uses), with every offset checked
 * against the file size. An Office file (.docx, .xlsx, .pptx) is a ZIP with
 * [Content_Types].xml and its main part; a truncated download loses the
 * directory first, so a missing or inconsistent directory means "broken". */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_internal.h"

enum {
	EOCD_SIZE = 22,
	EOCD_SEARCH = EOCD_SIZE + 65535, /* the archive comment is at most 64 KiB */
	CDIR_MAX = 8 * 1024 * 1024,	 /* larger directories are not read */
	CENTRAL_SIZE = 46,
};

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Offset of the end-of-central-directory record, or -1. */
static int64_t find_eocd(int fd, uint64_t size, unsigned char *eocd)
{
	if (size < EOCD_SIZE)
		return -1;
	size_t span = size < EOCD_SEARCH ? (size_t)size : EOCD_SEARCH;
	unsigned char *tail = xmalloc(span);
	int64_t at = -1;
	if (evidence_pread(fd, tail, span, size - span)) {
		for (size_t i = span - EOCD_SIZE + 1; i-- > 0;) {
			if (memcmp(tail + i, "PK\5\6", 4) == 0) {
				memcpy(eocd, tail + i, EOCD_SIZE);
				at = (int64_t)(size - span + i);
				break;
			}
		}
	}
	free(tail);
	return at;
}

struct zip_parts {
	bool content_types, word, excel, powerpoint;
};

static void note_part(struct zip_parts *z, const unsigned char *name, size_t len)
{
	static const struct {
		const char *name;
		size_t off;
	} parts[] = {
	    {"[Content_Types].xml", offsetof(struct zip_parts, content_types)},
	    {"word/document.xml", offsetof(struct zip_parts, word)},
	    {"xl/workbook.xml", offsetof(struct zip_parts, excel)},
	    {"ppt/presentation.xml", offsetof(struct zip_parts, powerpoint)},
	};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strlen(parts[i].name) == len && memcmp(parts[i].name, name, len) == 0)
			*((bool *)((char *)z + parts[i].off)) = true;
}

/* Walk the directory; false when an entry runs past its end or points
 * past the directory. */
static bool walk_directory(const unsigned char *cd, size_t size, unsigned entries,
			   uint64_t cd_offset, struct zip_parts *z)
{
	size_t pos = 0;
	for (unsigned i = 0; i < entries; i++) {
		if (size - pos < CENTRAL_SIZE || memcmp(cd + pos, "PK\1\2", 4) != 0)
			return false;
		size_t name = le16(cd + pos + 28), extra = le16(cd + pos + 30),
		       comment = le16(cd + pos + 32);
		uint32_t local = le32(cd + pos + 42);
		if (local != 0xffffffffu && local >= cd_offset)
			return false;
		if (size - pos - CENTRAL_SIZE < name + extra + comment)
			return false;
		note_part(z, cd + pos + CENTRAL_SIZE, name);
		pos += CENTRAL_SIZE + name + extra + comment;
	}
	return true;
}

const char *evidence_zip_kind(int fd, uint64_t size)
{
	unsigned char eocd[EOCD_SIZE];
	int64_t at = find_eocd(fd, size, eocd);
	if (at < 0)
		return NULL;
	unsigned entries = le16(eocd + 10);
	uint32_t cd_size = le32(eocd + 12), cd_offset = le32(eocd + 16);
	if (cd_size == 0xffffffffu || cd_offset == 0xffffffffu || entries == 0xffff)
		return "application/zip"; /* ZIP64: too large to be an Office file */
	if ((uint64_t)cd_offset + cd_size > (uint64_t)at)
		return NULL;
	if (cd_size > CDIR_MAX)
		return "application/zip";
	unsigned char *cd = xmalloc(cd_size ? cd_size : 1);
	struct zip_parts z = {0};
	bool ok = evidence_pread(fd, cd, cd_size, cd_offset) &&
		  walk_directory(cd, cd_size, entries, cd_offset, &z);
	free(cd);
	if (!ok)
		return NULL;
	if (z.content_types && z.word)
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	if (z.content_types && z.excel)
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	if (z.content_types && z.powerpoint)
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
	return "application/zip";
}
