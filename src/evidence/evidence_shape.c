/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_shape.c — does the file hold together? libmagic looks at the
 * first bytes only; a reviewer's viewer needs the end too. A PDF needs its
 * trailer (startxref, %%EOF) and no encryption, a JPEG its EOI marker, a PNG
 * its IEND chunk, an Office file its ZIP directory. Images report their
 * pixel size so a thumbnail is caught. Every read is a bounded pread. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "evidence_internal.h"

enum {
	PDF_TAIL = 2048, /* startxref and %%EOF sit in the last lines */
	PDF_XREF = 4096, /* an xref stream's dictionary, read at startxref */
	JPEG_TAIL = 32,	 /* EOI, allowing a little padding after it */
	JPEG_SEGMENTS = 4096,
	SCAN_CHUNK = 64 * 1024,
};

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The last occurrence of needle in buf[0..n), or NULL. */
static const unsigned char *find_last(const unsigned char *buf, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (memcmp(buf + i, needle, k) == 0)
			return buf + i;
	return NULL;
}

/* "/Encrypt" as a whole name (not "/EncryptMetadata") in buf[0..n). */
static bool has_encrypt_key(const unsigned char *buf, size_t n)
{
	static const char key[] = "/Encrypt";
	size_t k = sizeof(key) - 1;
	for (size_t i = 0; i + k < n; i++) {
		if (memcmp(buf + i, key, k) != 0)
			continue;
		unsigned char c = buf[i + k];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return true;
	}
	return false;
}

/* An xref stream keeps the trailer entries in its dictionary, which ends
 * where the stream's (binary) data begins. */
static bool xref_stream_encrypted(int fd, uint64_t size, uint64_t xref)
{
	unsigned char buf[PDF_XREF];
	size_t n = size - xref < sizeof(buf) ? (size_t)(size - xref) : sizeof(buf);
	if (!evidence_pread(fd, buf, n, xref))
		return false;
	const unsigned char *stream = NULL;
	for (size_t i = 0; i + 6 <= n && !stream; i++)
		if (memcmp(buf + i, "stream", 6) == 0)
			stream = buf + i;
	return has_encrypt_key(buf, stream ? (size_t)(stream - buf) : n);
}

static void check_pdf(int fd, uint64_t size, struct evidence_shape *out)
{
	unsigned char head[1024];
	size_t hn = size < sizeof(head) ? (size_t)size : sizeof(head);
	if (!evidence_pread(fd, head, hn, 0) || !find_last(head, hn, "%PDF-")) {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	unsigned char tail[PDF_TAIL + 1];
	size_t tn = size < PDF_TAIL ? (size_t)size : PDF_TAIL;
	if (!evidence_pread(fd, tail, tn, size - tn)) {
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
		return;
	}
	tail[tn] = '\0';
	const unsigned char *sx = find_last(tail, tn, "startxref");
	if (!sx || !find_last(sx, tn - (size_t)(sx - tail), "%%EOF")) {
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
		return;
	}
	char *end;
	unsigned long long xref = strtoull((const char *)sx + 9, &end, 10);
	if (end == (const char *)sx + 9 || xref >= size) {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	/* A classic trailer dictionary precedes startxref in the tail. */
	if (has_encrypt_key(tail, (size_t)(sx - tail)) || xref_stream_encrypted(fd, size, xref))
		out->flaw = EVIDENCE_FLAW_ENCRYPTED;
}

/* Is there an FF D9 anywhere from off on? For JPEGs with data appended
 * after the image (motion photos, maker trailers). */
static bool jpeg_eoi_after(int fd, uint64_t size, uint64_t off)
{
	unsigned char *buf = xmalloc(SCAN_CHUNK + 1);
	bool found = false;
	unsigned char prev = 0;
	while (off < size && !found) {
		size_t n = size - off < SCAN_CHUNK ? (size_t)(size - off) : SCAN_CHUNK;
		if (!evidence_pread(fd, buf, n, off))
			break;
		for (size_t i = 0; i < n && !found; i++) {
			found = prev == 0xff && buf[i] == 0xd9;
			prev = buf[i];
		}
		off += n;
	}
	free(buf);
	return found;
}

static bool jpeg_is_sof(unsigned m)
{
	return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
}

/* Walk the marker segments up to the frame header (SOFn): its size. */
static void check_jpeg(int fd, uint64_t size, struct evidence_shape *out)
{
	unsigned char b[9];
	uint64_t pos = 2;
	bool frame = false;
	for (int i = 0; i < JPEG_SEGMENTS && !frame; i++) {
		if (!evidence_pread(fd, b, 2, pos)) {
			out->flaw = EVIDENCE_FLAW_TRUNCATED;
			return;
		}
		if (b[0] != 0xff) {
			out->flaw = EVIDENCE_FLAW_CORRUPT;
			return;
		}
		unsigned m = b[1];
		if (m == 0xff) { /* fill byte */
			pos++;
			continue;
		}
		if (m == 0x01 || (m >= 0xd0 && m <= 0xd7)) {
			pos += 2;
			continue;
		}
		if (m == 0xd9 || m == 0xda) /* end or scan data before any frame */
			break;
		if (!evidence_pread(fd, b, jpeg_is_sof(m) ? 9 : 4, pos)) {
			out->flaw = EVIDENCE_FLAW_TRUNCATED;
			return;
		}
		if (jpeg_is_sof(m)) {
			out->height = be16(b + 5);
			out->width = be16(b + 7);
			frame = true;
		}
		pos += 2 + be16(b + 2);
	}
	if (!frame) {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	unsigned char tail[JPEG_TAIL];
	size_t tn = size < JPEG_TAIL ? (size_t)size : JPEG_TAIL;
	if (evidence_pread(fd, tail, tn, size - tn))
		for (size_t i = 0; i + 1 < tn; i++)
			if (tail[i] == 0xff && tail[i + 1] == 0xd9)
				return;
	if (!jpeg_eoi_after(fd, size, pos))
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
}

static void check_png(int fd, uint64_t size, struct evidence_shape *out)
{
	static const unsigned char iend[12] = {0,   0,	 0,    0,    'I',  'E',
					       'N', 'D', 0xae, 0x42, 0x60, 0x82};
	unsigned char h[24];
	if (!evidence_pread(fd, h, sizeof(h), 0) || memcmp(h + 8, "\0\0\0\rIHDR", 8) != 0) {
		out->flaw = EVIDENCE_FLAW_CORRUPT;
		return;
	}
	out->width = be32(h + 16);
	out->height = be32(h + 20);
	unsigned char t[64];
	size_t tn = size < sizeof(t) ? (size_t)size : sizeof(t);
	/* IEND is the last chunk: length 0, type, CRC — whole, inside the tail. */
	const unsigned char *at = NULL;
	if (evidence_pread(fd, t, tn, size - tn))
		at = find_last(t, tn, "IEND");
	size_t off = at ? (size_t)(at - t) : 0;
	if (!at || off < 4 || off + 8 > tn || memcmp(at - 4, iend, sizeof(iend)) != 0)
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
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
	if (strcmp(mime, "application/pdf") == 0)
		check_pdf(fd, size, out);
	else if (strcmp(mime, "image/jpeg") == 0)
		check_jpeg(fd, size, out);
	else if (strcmp(mime, "image/png") == 0)
		check_png(fd, size, out);
	else if (strcmp(mime, "image/gif") == 0)
		check_gif(fd, size, out);
	else if (strcmp(mime, "image/bmp") == 0 || strcmp(mime, "image/x-ms-bmp") == 0)
		check_bmp(fd, size, out);
	else if (strncmp(mime, "application/vnd.openxmlformats-officedocument.", 46) == 0 &&
		 !evidence_zip_kind(fd, size))
		out->flaw = EVIDENCE_FLAW_TRUNCATED;
}
