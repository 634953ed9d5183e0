/* SPDX-License-Identifier: GPL-3.0-or-later */
/* session_seal.c — an affirmation only its owner can make. The fingerprint
 * (session_affirm.c) notices answers changed through ipwiz, but a team
 * member with sqlite3 could change an answer and recompute it. So the
 * affirmation also carries a seal, "<declaration>.seal":
 *
 *     1 <signer> <time> <HMAC-SHA256, hex>
 *
 * over the case, the declaration, the fingerprint recorded, the typed
 * signature, the signer and the time, keyed with 32 random bytes kept in
 * the signer's own $XDG_CONFIG_HOME/ipwiz/affirm.key (0600 in a 0700
 * folder, made at the first affirmation). Only the signer can make it and
 * only the signer can check it; anybody else is told so. What it does not
 * protect against is in HACKING.md ("Affirmations and their seal"). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/hmac.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "store/store.h"
#include "session_internal.h"

#define SEAL_SUFFIX  ".seal"
#define SEAL_VERSION "1"
#define KEY_BYTES    32

static char *config_dir(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ipwiz", xdg);
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(geteuid());
		home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
	}
	return home ? xasprintf("%s/.config/ipwiz", home) : NULL;
}

char *session_seal_key_path(void)
{
	char *dir = config_dir();
	char *p = dir ? xasprintf("%s/affirm.key", dir) : NULL;
	free(dir);
	return p;
}

/* The key, read once per process (and per path). */
static struct {
	char *path;
	uint8_t key[KEY_BYTES];
} cached;

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Read the key at path; ENOENT when there is none. */
static int read_key(const char *path, uint8_t key[KEY_BYTES], int *enoent, struct ipw_error *err)
{
	*enoent = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*enoent = errno == ENOENT;
		return ipw_error_set(err, IPW_EENV, _("Cannot read your affirmation key %s: %s."),
				     path, strerror(errno));
	}
	struct stat sb;
	char buf[2 * KEY_BYTES + 2];
	ssize_t n = -1;
	int r = IPW_OK;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid())
		r = ipw_error_set(err, IPW_EENV,
				  _("Your affirmation key %s is not a plain file of yours, so it "
				    "could sign in somebody else's name; ipwiz will not use it. "
				    "Remove it and affirm again (a new key is made)."),
				  path);
	else if (sb.st_mode & (S_IRWXG | S_IRWXO))
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("Your affirmation key %s can be read by other users, who could "
		      "then sign in your name; ipwiz will not use it. Make it private "
		      "with `chmod 600 %s`, or, if somebody may have read it, remove "
		      "it and affirm again (a new key is made)."),
		    path, path);
	else
		n = read(fd, buf, sizeof buf);
	close(fd);
	if (r != IPW_OK)
		return r;
	bool ok = n == 2 * KEY_BYTES || (n == 2 * KEY_BYTES + 1 && buf[2 * KEY_BYTES] == '\n');
	for (size_t i = 0; ok && i < KEY_BYTES; i++) {
		int hi = hexval(buf[2 * i]), lo = hexval(buf[2 * i + 1]);
		ok = hi >= 0 && lo >= 0;
		key[i] = (uint8_t)(hi << 4 | (lo & 0xf));
	}
	if (!ok)
		return ipw_error_set(
		    err, IPW_EENV,
		    _("Your affirmation key %s is damaged; move it away and affirm "
		      "again (a new key is made, and statements affirmed with the "
		      "old one must be affirmed again)."),
		    path);
	return IPW_OK;
}

/* mkdir -p with 0700 for what is missing; an existing folder stays. */
static int make_private_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int r = 0;
	for (char *s = p + 1; r == 0; s++) {
		char *slash = strchr(s, '/');
		if (slash)
			*slash = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			r = -1;
		if (!slash)
			break;
		*slash = '/';
		s = slash;
	}
	free(p);
	return r;
}

static int make_key(const char *path, struct ipw_error *err)
{
	char *dir = config_dir();
	if (!dir || make_private_dirs(dir) != 0) {
		int e = errno;
		free(dir);
		return ipw_error_set(err, IPW_EENV, _("Cannot make your affirmation key %s: %s."),
				     path, strerror(e));
	}
	free(dir);
	uint8_t key[KEY_BYTES];
	if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key)
		return ipw_error_set(err, IPW_EENV, _("Cannot make your affirmation key %s: %s."),
				     path, strerror(errno));
	char hex[2 * KEY_BYTES + 1];
	for (size_t i = 0; i < KEY_BYTES; i++)
		snprintf(hex + 2 * i, 3, "%02x", key[i]);
	hex[2 * KEY_BYTES] = '\n';
	/* Written aside and linked into place, so that another ipwiz never
	 * reads half a key; link fails on a key made meanwhile, which wins. */
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	bool ok = fd >= 0 && fchmod(fd, 0600) == 0 && write(fd, hex, sizeof hex) == sizeof hex &&
		  fsync(fd) == 0;
	int e = errno;
	if (fd >= 0 && close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (ok && link(tmp, path) != 0 && errno != EEXIST) {
		ok = false;
		e = errno;
	}
	if (fd >= 0)
		unlink(tmp);
	free(tmp);
	if (!ok)
		return ipw_error_set(err, IPW_EENV, _("Cannot make your affirmation key %s: %s."),
				     path, strerror(e));
	return IPW_OK;
}

/* The user's key: to sign (create), read now and made when there is none;
 * to check, read once per process. */
static int get_key(bool create, const uint8_t **out, struct ipw_error *err)
{
	char *path = session_seal_key_path();
	if (!path)
		return ipw_error_set(err, IPW_EENV,
				     _("Cannot find a place for your affirmation key: set HOME or "
				       "XDG_CONFIG_HOME."));
	/* Checking many cases (a listing) reads the key once; signing reads
	 * it again, so a key made unsafe meanwhile is never used. */
	if (!create && cached.path && strcmp(cached.path, path) == 0) {
		free(path);
		*out = cached.key;
		return IPW_OK;
	}
	int enoent;
	uint8_t key[KEY_BYTES];
	int r = read_key(path, key, &enoent, err);
	if (r != IPW_OK && enoent && create) {
		ipw_error_clear(err);
		r = make_key(path, err);
		if (r == IPW_OK)
			r = read_key(path, key, &enoent, err);
	}
	if (r == IPW_OK) {
		free(cached.path);
		cached.path = path;
		memcpy(cached.key, key, sizeof key);
		*out = cached.key;
	} else {
		free(path);
	}
	return r;
}

int session_seal_key_ready(struct ipw_error *err)
{
	const uint8_t *key;
	return get_key(true, &key, err);
}

static char *seal_path(const struct flow_field *decl)
{
	return xasprintf("%s%s", decl->path, SEAL_SUFFIX);
}

static void mac_field(struct hmac_sha256_ctx *ctx, const char *v)
{
	hmac_sha256_update(ctx, strlen(v ? v : "") + 1, (const uint8_t *)(v ? v : ""));
}

/* The HMAC of an affirmation, hex. */
static void seal_mac(const struct session *s, const struct flow_field *decl, const uint8_t *key,
		     const char *signer, long long when, char out[2 * SHA256_DIGEST_SIZE + 1])
{
	struct hmac_sha256_ctx ctx;
	hmac_sha256_set_key(&ctx, KEY_BYTES, key);
	char num[32];
	mac_field(&ctx, "ipwiz affirmation " SEAL_VERSION);
	snprintf(num, sizeof num, "%lld", (long long)s->case_id);
	mac_field(&ctx, num);
	mac_field(&ctx, decl->path);
	mac_field(&ctx, session_get(s, decl->path));
	char *fp = session_fingerprint_path(decl);
	mac_field(&ctx, fp ? session_get(s, fp) : NULL);
	free(fp);
	char *name = xasprintf("%s.name", decl->path);
	mac_field(&ctx, decl->signature ? session_get(s, name) : NULL);
	free(name);
	mac_field(&ctx, signer);
	snprintf(num, sizeof num, "%lld", when);
	mac_field(&ctx, num);
	uint8_t digest[SHA256_DIGEST_SIZE];
	hmac_sha256_digest(&ctx, sizeof digest, digest);
	for (size_t i = 0; i < sizeof digest; i++)
		snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

int session_seal_value(struct session *s, const struct flow_field *decl, char **value,
		       struct ipw_error *err)
{
	*value = NULL;
	if (!session_get(s, decl->path))
		return IPW_OK;
	const uint8_t *key;
	int r = get_key(true, &key, err);
	if (r != IPW_OK)
		return r;
	const char *me = store_actor(s->store);
	char mac[2 * SHA256_DIGEST_SIZE + 1];
	long long when = (long long)time(NULL);
	seal_mac(s, decl, key, me, when, mac);
	*value = xasprintf(SEAL_VERSION " %s %lld %s", me, when, mac);
	return IPW_OK;
}

char *session_seal_path(const struct flow_field *decl)
{
	return seal_path(decl);
}

/* "1 li 1764000000 <64 hex>" → signer, time, mac; false when not that. */
static bool parse_seal(const char *v, char **signer, long long *when, char mac[65])
{
	if (!v || strncmp(v, SEAL_VERSION " ", 2) != 0)
		return false;
	const char *p = v + 2, *sp = strchr(p, ' ');
	if (!sp || sp == p || sp - p > 64)
		return false;
	char *end;
	errno = 0;
	long long t = strtoll(sp + 1, &end, 10);
	if (errno || end == sp + 1 || *end != ' ' || strlen(end + 1) != 64)
		return false;
	for (const char *h = end + 1; *h; h++)
		if (hexval(*h) < 0)
			return false;
	*signer = xstrndup(p, (size_t)(sp - p));
	*when = t;
	memcpy(mac, end + 1, 65);
	return true;
}

enum affirmation_state session_affirmation(const struct session *s, const char *path, char **signer)
{
	if (signer)
		*signer = NULL;
	const struct flow_field *decl = flow_find_field(s->flow, path);
	if (!decl || decl->type != FIELD_DECLARATION || !session_get(s, path))
		return AFFIRMATION_NONE;
	char *sp = seal_path(decl);
	char *who = NULL, mac[65];
	long long when = 0;
	bool sealed = parse_seal(session_get(s, sp), &who, &when, mac);
	free(sp);
	if (!sealed)
		return AFFIRMATION_UNSEALED;
	enum affirmation_state st;
	const char *me = store_actor(s->store);
	const uint8_t *key;
	struct ipw_error err = {0};
	if (s->c.owner && strcmp(s->c.owner, who) != 0)
		st = AFFIRMATION_WRONG_SIGNER;
	else if (!me || strcmp(me, who) != 0)
		st = AFFIRMATION_NOT_YOURS;
	else if (get_key(false, &key, &err) != IPW_OK)
		st = AFFIRMATION_NO_KEY;
	else {
		char now[65];
		seal_mac(s, decl, key, who, when, now);
		unsigned diff = 0; /* compared in constant time */
		for (size_t i = 0; i < 64; i++)
			diff |= (unsigned)(now[i] ^ mac[i]);
		st = diff				  ? AFFIRMATION_CHANGED
		     : session_affirmation_stale(s, path) ? AFFIRMATION_STALE
							  : AFFIRMATION_SIGNED;
	}
	if (signer)
		*signer = who;
	else
		free(who);
	return st;
}

char *session_affirmation_note(const struct session *s, const char *path)
{
	char *who = NULL;
	enum affirmation_state st = session_affirmation(s, path, &who);
	char *safe = utf8_sanitize(who ? who : "?");
	char *owner = utf8_sanitize(s->c.owner ? s->c.owner : "?");
	char *key = session_seal_key_path();
	char *note = NULL;
	switch (st) {
	case AFFIRMATION_NONE:
		break;
	case AFFIRMATION_SIGNED:
		note = xasprintf(_("signed by %s and unchanged."), safe);
		break;
	case AFFIRMATION_STALE:
		note =
		    xasprintf(_("signed by %s, but answers it covers changed since; %s must read "
				"it again and affirm it."),
			      safe, safe);
		break;
	case AFFIRMATION_CHANGED:
		note = xasprintf(_("changed after %s affirmed it."), safe);
		break;
	case AFFIRMATION_NOT_YOURS:
		note = xasprintf(_("cannot be verified by you: only %s can check %s's signature."),
				 safe, safe);
		break;
	case AFFIRMATION_NO_KEY:
		note = xasprintf(_("cannot be verified: your affirmation key %s is missing or "
				   "unreadable."),
				 key ? key : "?");
		break;
	case AFFIRMATION_UNSEALED:
		note =
		    xstrdup(_("affirmed without a seal, so nobody can tell whether it changed."));
		break;
	case AFFIRMATION_WRONG_SIGNER:
		note =
		    xasprintf(_("affirmed by %s, who is not the case's owner (%s)."), safe, owner);
		break;
	}
	free(key);
	free(owner);
	free(safe);
	free(who);
	return note;
}

char *session_affirmation_void(const struct session *s, const char *path)
{
	char *who = NULL;
	enum affirmation_state st = session_affirmation(s, path, &who);
	char *safe = utf8_sanitize(who ? who : "?");
	char *owner = utf8_sanitize(s->c.owner ? s->c.owner : "?");
	char *why = NULL;
	switch (st) {
	case AFFIRMATION_NONE:
	case AFFIRMATION_SIGNED:
		break;
	case AFFIRMATION_NOT_YOURS:
		/* Only the signer can check the seal, but anybody can see that
		 * the answers it covers changed. */
		if (session_affirmation_stale(s, path))
			why = xstrdup(_("the answers it covers changed"));
		break;
	case AFFIRMATION_STALE:
		why = xstrdup(_("the answers it covers changed"));
		break;
	case AFFIRMATION_CHANGED:
		why = xasprintf(_("changed outside ipwiz after %s affirmed it"), safe);
		break;
	case AFFIRMATION_NO_KEY:
		why = xstrdup(_("your affirmation key is missing, so it cannot be verified"));
		break;
	case AFFIRMATION_UNSEALED:
		why = xstrdup(_("affirmed without a seal"));
		break;
	case AFFIRMATION_WRONG_SIGNER:
		why = xasprintf(_("affirmed by %s, who is not the case's owner (%s)"), safe, owner);
		break;
	}
	free(owner);
	free(safe);
	free(who);
	return why;
}

const struct flow_field *session_affirmation_tampered(const struct session *s, char **note)
{
	*note = NULL;
	for (size_t i = 0; i < s->flow->nindex; i++) {
		const struct flow_field *f = s->flow->index[i];
		if (f->type != FIELD_DECLARATION)
			continue;
		enum affirmation_state st = session_affirmation(s, f->path, NULL);
		if (st == AFFIRMATION_CHANGED || st == AFFIRMATION_WRONG_SIGNER) {
			*note = session_affirmation_note(s, f->path);
			return f;
		}
	}
	return NULL;
}
