/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_hash.c — SHA-256 (nettle) of the bytes of the descriptor that
 * was typed and checked, read with pread so no file offset is shared with
 * the libmagic worker. */
#include "config.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <unistd.h>

#include "evidence_internal.h"

enum { HASH_CHUNK = 256 * 1024 };

bool evidence_pread(int fd, void *buf, size_t n, uint64_t off)
{
	size_t done = 0;
	while (done < n) {
		ssize_t r = pread(fd, (char *)buf + done, n - done, (off_t)(off + done));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		done += (size_t)r;
	}
	return true;
}

int evidence_sha256(int fd, uint64_t size, char hex[65])
{
	static unsigned char buf[HASH_CHUNK]; /* ipwiz checks files on one thread */
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	uint64_t off = 0;
	while (off < size) {
		size_t want = size - off < HASH_CHUNK ? (size_t)(size - off) : HASH_CHUNK;
		ssize_t n = pread(fd, buf, want, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO; /* shorter than fstat said: changed while reading */
		sha256_update(&ctx, (size_t)n, buf);
		off += (uint64_t)n;
	}
	/* Longer than fstat said: it is being written right now. */
	char extra;
	if (pread(fd, &extra, 1, (off_t)size) == 1)
		return EIO;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof(digest), digest);
	for (size_t i = 0; i < sizeof(digest); i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return 0;
}
