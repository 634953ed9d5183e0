/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_copy.c — evidence copies that are exactly what was checked: the
 * bytes are hashed as they are copied, from one descriptor, and compared
 * with the hash recorded when the file was checked. A file edited or
 * replaced since then is refused (or, with --force, exported as it is now
 * and said so in the manifest and the audit trail). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "calendar/calendar.h"
#include "export_internal.h"

/* Copy src into the staging directory as name; hex gets the hash of the
 * bytes copied. Returns IPW_OK, IPW_EUSER when src cannot be read (gone,
 * unreadable, not a regular file), IPW_EENV when the copy cannot be written.
 * Without --force, a file whose size is not the one checked has changed and
 * is refused anyway: it is not copied (hex stays empty), however large. */
static int copy_hashed(struct export_job *j, const char *src, int64_t checked_size,
		       const char *name, char hex[65], struct ipw_error *err)
{
	int in = open(src, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (in < 0)
		return IPW_EUSER;
	struct stat st;
	if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(in);
		return IPW_EUSER;
	}
	if (!j->opt->force && (int64_t)st.st_size != checked_size) {
		close(in);
		hex[0] = '\0';
		return IPW_OK;
	}
	char *dest = xasprintf("%s/%s", j->stage, name);
	int out = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	int rc = IPW_OK;
	if (out < 0) {
		rc = export_disk_error(err, dest, errno);
		close(in);
		free(dest);
		return rc;
	}
	/* Listed now, so a failure below still removes the partial copy. */
	struct export_file *f = export_add_file(j, name);
	struct sha256_ctx ctx;
	sha256_init(&ctx);
	char buf[65536];
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = IPW_EUSER;
			break;
		}
		if (n == 0)
			break;
		sha256_update(&ctx, (size_t)n, (const uint8_t *)buf);
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = export_disk_error(err, dest, w < 0 ? errno : ENOSPC);
				goto done;
			}
			off += w;
		}
	}
done:
	close(in);
	if (close(out) != 0 && rc == IPW_OK)
		rc = export_disk_error(err, dest, errno);
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_digest(&ctx, sizeof(digest), digest);
	export_sha256_hex(digest, hex);
	memcpy(f->sha256, hex, 65);
	if (rc == IPW_EUSER) {
		/* Unreadable half-way: no partial copy in the package. */
		unlink(dest);
		free(f->name);
		j->nfiles--;
	}
	free(dest);
	return rc;
}

static void checked_on(const struct evidence_row *row, char out[11])
{
	if (row->checked_at > 0)
		calendar_format_date((long)(row->checked_at / 86400), out);
	else
		strcpy(out, "?");
}

void export_note_copy(struct export_job *j, size_t i)
{
	char *name = utf8_sanitize(j->ev[i].row->path);
	char day[11];
	checked_on(j->ev[i].row, day);
	char *msg = xasprintf(j->copy[i] == EXPORT_CHANGED
				  ? _("%s: “%s” changed since it was checked on %s; "
				      "exported as it is now.")
				  : _("%s: “%s” cannot be read any more (checked on %s); "
				      "not in the package."),
			      j->ev[i].name, name, day);
	export_note_forced(j, msg);
	free(msg);
	free(name);
}

int export_copy_evidence(struct export_job *j, struct ipw_error *err)
{
	j->copy = xcalloc(j->nev ? j->nev : 1, sizeof(*j->copy));
	for (size_t i = 0; i < j->nev; i++) {
		const struct evidence_row *row = j->ev[i].row;
		/* The same re-verification as `ipwiz check` and the wizard's
		 * submission screen: a file the flow's rules refuse now is not
		 * exported, whatever --force says. */
		struct evidence_result now;
		if (evidence_case_recheck(j->s, row, &now) == RECHECK_JUDGED &&
		    !evidence_verdict_usable(now.verdict)) {
			char *name = utf8_sanitize(row->path);
			int rc = ipw_error_set(err, IPW_EUSER,
					       _("“%s” no longer passes the check: %s %s"), name,
					       now.message, now.fix);
			free(name);
			return rc;
		}
		char hex[65] = "";
		int rc = copy_hashed(j, row->path, row->size, j->ev[i].name, hex, err);
		if (rc == IPW_EENV)
			return rc;
		if (rc == IPW_OK && row->sha256 && strcasecmp(hex, row->sha256) == 0) {
			j->copy[i] = EXPORT_COPIED;
			continue;
		}
		j->copy[i] = rc == IPW_OK ? EXPORT_CHANGED : EXPORT_VANISHED;
		char *name = utf8_sanitize(row->path);
		char day[11];
		checked_on(row, day);
		if (!j->opt->force) {
			rc = ipw_error_set(
			    err, IPW_EUSER,
			    j->copy[i] == EXPORT_CHANGED
				? _("“%s” changed since it was checked on %s: "
				    "attach it again so the platform gets what was "
				    "checked, or add --force to export it as it is now.")
				: _("“%s” cannot be read any more (checked on %s): "
				    "put it back or attach it again, or add --force to "
				    "export without it."),
			    name, day);
			free(name);
			return rc;
		}
		free(name);
		export_note_copy(j, i);
	}
	return IPW_OK;
}
