/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_affirm.c — what a declaration was affirmed over. When the seller
 * affirms a statement, the session records a fingerprint (SHA-256) of the
 * answers the statement covers at that moment, at "<declaration>.fingerprint".
 * If any covered answer changes afterwards the affirmation is void and must
 * be made again: nobody can sign first and have the facts changed after. */
#include "config.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_internal.h"

#define FINGERPRINT_SUFFIX ".fingerprint"

/* Answers that belong to a declaration (its affirmation, signature and
 * fingerprint) are never covered by one. */
static bool belongs_to_declaration(const struct flow *flow, const char *path)
{
	char top[128];
	size_t n = strcspn(path, ".");
	if (n >= sizeof top)
		return false;
	memcpy(top, path, n);
	top[n] = '\0';
	const struct flow_field *f = flow_find_field(flow, top);
	return f && f->type == FIELD_DECLARATION;
}

static bool covered(const struct flow_field *decl, const struct flow *flow, const char *path)
{
	if (belongs_to_declaration(flow, path))
		return false;
	if (decl->ncovers == 0)
		return true;
	for (size_t i = 0; i < decl->ncovers; i++) {
		size_t n = strlen(decl->covers[i]);
		if (strncmp(path, decl->covers[i], n) == 0 && (path[n] == '\0' || path[n] == '.'))
			return true;
	}
	return false;
}

static void fingerprint(const struct session *s, const struct flow_field *decl, char out[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	for (size_t i = 0; i < s->answers.n; i++) { /* sorted by path: a stable order */
		const struct answer *a = &s->answers.v[i];
		if (!a->value || !covered(decl, s->flow, a->path))
			continue;
		sha256_update(&ctx, strlen(a->path) + 1, (const uint8_t *)a->path);
		sha256_update(&ctx, strlen(a->value) + 1, (const uint8_t *)a->value);
	}
	sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

static char *fingerprint_path(const struct flow_field *decl)
{
	size_t n = strlen(decl->path);
	char *p = malloc(n + sizeof FINGERPRINT_SUFFIX);
	if (p) {
		memcpy(p, decl->path, n);
		memcpy(p + n, FINGERPRINT_SUFFIX, sizeof FINGERPRINT_SUFFIX);
	}
	return p;
}

const char *session_fingerprint_value(const struct session *s, const struct flow_field *decl,
				      char buf[65])
{
	if (!session_get(s, decl->path))
		return NULL;
	fingerprint(s, decl, buf);
	return buf;
}

char *session_fingerprint_path(const struct flow_field *decl)
{
	return fingerprint_path(decl);
}

bool session_affirmation_stale(const struct session *s, const char *path)
{
	const struct flow_field *decl = flow_find_field(s->flow, path);
	if (!decl || decl->type != FIELD_DECLARATION || !session_get(s, path))
		return false;
	char *fp_path = fingerprint_path(decl);
	const char *recorded = fp_path ? session_get(s, fp_path) : NULL;
	free(fp_path);
	char now[65];
	fingerprint(s, decl, now);
	return !recorded || strcmp(recorded, now) != 0;
}
