/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the parent's reading of the worker's replies
 * (evidence_wire_parse_*), which must hold against a worker that has been
 * taken over by a hostile file. The first byte picks the kind of message and
 * whether its header is made right (so the fuzzer reaches the fields); the
 * rest fills the message, which is given to the parser at its own length and
 * at the exact size of the kind. The same input is also a stored reading
 * (evidence_reading_parse: the store's "found" and "text", split at the
 * first NUL), which another writer of a shared database may have made. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evidence/evidence_internal.h"
#include "evidence/evidence_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct evidence_decoded out;
	static union {
		struct evidence_wire_hello hello;
		struct evidence_wire_type type;
		struct evidence_wire_decode decode;
		struct evidence_wire_thumb thumb;
		unsigned char
		    bytes[sizeof(struct evidence_wire_thumb) + sizeof(struct evidence_wire_decode)];
	} msg;
	if (size < 1)
		return 0;
	/* As a stored reading: "found" NUL "text". */
	char *found = malloc(size + 1);
	memcpy(found, data, size);
	found[size] = '\0';
	size_t fl = strlen(found);
	const char *text = fl < size ? found + fl + 1 : "";
	char rmime[128];
	bool decoded;
	if (evidence_reading_parse(found, text, rmime, sizeof(rmime), &out, &decoded) &&
	    (!memchr(rmime, '\0', sizeof(rmime)) || !strchr(rmime, '/') ||
	     (decoded && (out.text_len > EVIDENCE_TEXT_MAX || out.text[out.text_len] != '\0'))))
		abort();
	free(found);
	unsigned pick = data[0] % 4, fix_header = data[0] & 4;
	data++;
	size--;
	size_t want = pick == 0	  ? sizeof(struct evidence_wire_hello)
		      : pick == 1 ? sizeof(struct evidence_wire_type)
		      : pick == 2 ? sizeof(struct evidence_wire_decode)
				  : sizeof(struct evidence_wire_thumb);
	struct evidence_thumb thumb;
	/* As sent: the input's own length. */
	size_t n = size < sizeof(msg.bytes) ? size : sizeof(msg.bytes);
	memcpy(msg.bytes, data, n);
	unsigned sandbox;
	char mime[EVIDENCE_WIRE_MIME];
	evidence_wire_parse_hello(msg.bytes, n, &sandbox);
	evidence_wire_parse_type(msg.bytes, n, mime, sizeof(mime));
	evidence_wire_parse_decode(msg.bytes, n, &out);
	if (evidence_wire_parse_thumb(msg.bytes, n, &thumb))
		evidence_thumb_free(&thumb);
	/* At the kind's size, the input repeated over it. */
	memset(msg.bytes, 0, want);
	for (size_t i = 0; size && i < want; i += size)
		memcpy(msg.bytes + i, data, want - i < size ? want - i : size);
	if (fix_header) {
		uint32_t head[2] = {EVIDENCE_WIRE_MAGIC, pick == 0   ? EVIDENCE_WIRE_HELLO
							 : pick == 1 ? EVIDENCE_WIRE_TYPE
							 : pick == 2 ? EVIDENCE_WIRE_DECODE
								     : EVIDENCE_WIRE_THUMB};
		memcpy(msg.bytes, head, sizeof(head));
	}
	switch (pick) {
	case 0:
		evidence_wire_parse_hello(msg.bytes, want, &sandbox);
		break;
	case 1:
		if (evidence_wire_parse_type(msg.bytes, want, mime, sizeof(mime)) &&
		    strlen(mime) >= sizeof(mime))
			abort();
		break;
	case 3:
		if (evidence_wire_parse_thumb(msg.bytes, want, &thumb)) {
			/* Every byte of the picture is inside what was received. */
			if (thumb.rgb && (thumb.width > EVIDENCE_THUMB_MAX ||
					  thumb.height > EVIDENCE_THUMB_MAX ||
					  thumb.stride != (size_t)thumb.width * 3))
				abort();
			if (thumb.rgb)
				memset(thumb.rgb, 0, thumb.stride * thumb.height);
			evidence_thumb_free(&thumb);
		}
		break;
	default:
		if (evidence_wire_parse_decode(msg.bytes, want, &out) &&
		    (out.text_len > EVIDENCE_TEXT_MAX || out.text[out.text_len] != '\0' ||
		     out.nlooks > EVIDENCE_LOOK_PAGES || out.damage >= EVIDENCE_DAMAGE_COUNT ||
		     !memchr(out.detail, '\0', sizeof(out.detail))))
			abort();
	}
	return 0;
}
