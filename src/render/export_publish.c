/* export_publish.c — putting a built package into place, and the mark that
 * tells a folder ipwiz exported into from anyone else's. `export --force`
 * replaces or removes only the files an earlier ipwiz export listed in its
 * mark: a folder of downloads holding an ISO beside its own SHA256SUMS is
 * someone else's, and ipwiz refuses rather than touch it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "export_internal.h"

/* Only ipwiz writes this first line, so a mark is never mistaken for a list
 * someone else keeps. Not translated: programs read it. */
static const char marker_head[] = "# ipwiz export package 1";

/* A mark larger than this is not one ipwiz wrote. */
#define MARKER_MAX (1024 * 1024)

struct names {
	char **v;
	size_t n;
};

static void names_free(struct names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
	ns->v = NULL;
	ns->n = 0;
}

static bool names_has(const struct names *ns, const char *name)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return true;
	return false;
}

/* A plain file name in the folder: never a path, a hidden file, or a name
 * with a control character in it. */
static bool plain_name(const char *name)
{
	if (!*name || name[0] == '.' || strlen(name) > 255)
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (*p == '/' || *p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

int export_write_marker(struct export_job *j, struct ipw_error *err)
{
	struct strbuf b;
	strbuf_init(&b);
	strbuf_addf(&b, "%s\n", marker_head);
	strbuf_add(&b, "# Written by `ipwiz export`: `ipwiz export --force` into this folder\n"
		       "# replaces or removes only the files listed here.\n");
	for (size_t i = 0; i < j->nfiles; i++)
		strbuf_addf(&b, "%s\n", j->files[i].name);
	int rc = export_write_raw(j, EXPORT_MARKER, b.s, b.len, err);
	strbuf_free(&b);
	return rc;
}

/* The files the mark of an earlier export in dir lists; false when there is
 * no mark ipwiz wrote (no file, a link, something else, another first line). */
static bool read_marker(const char *dir, struct names *out)
{
	char *path = xasprintf("%s/%s", dir, EXPORT_MARKER);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return false;
	struct stat st;
	FILE *f = NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > MARKER_MAX ||
	    !(f = fdopen(fd, "r"))) {
		close(fd);
		return false;
	}
	char line[1024];
	size_t head = sizeof(marker_head) - 1;
	bool ours = fgets(line, sizeof(line), f) && strncmp(line, marker_head, head) == 0 &&
		    strcmp(line + head, "\n") == 0;
	while (ours && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !plain_name(line) || names_has(out, line))
			continue;
		out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = xstrdup(line);
	}
	fclose(f);
	if (!ours)
		names_free(out);
	return ours;
}

static bool in_package(const struct export_job *j, const char *name)
{
	for (size_t i = 0; i < j->nfiles; i++)
		if (strcmp(j->files[i].name, name) == 0)
			return true;
	return false;
}

/* Whether name may be replaced in dir: not there at all, or a regular file
 * the earlier mark lists (the mark itself, when there is one). */
static bool replaceable(const char *dir, const char *name, const struct names *old, bool marked)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = lstat(path, &st) != 0 && errno == ENOENT;
	if (!ok && marked && S_ISREG(st.st_mode))
		ok = strcmp(name, EXPORT_MARKER) == 0 || names_has(old, name);
	free(path);
	return ok;
}

/* Every file this package writes must be new to the folder or one the earlier
 * export wrote; otherwise nothing is touched. */
static int check_replace(const struct export_job *j, const struct names *old, bool marked,
			 struct ipw_error *err)
{
	for (size_t i = 0; i <= j->nfiles; i++) {
		const char *name = i < j->nfiles ? j->files[i].name : EXPORT_MARKER;
		if (replaceable(j->dir, name, old, marked))
			continue;
		/* The name is one ipwiz chose for its own file: safe to show. */
		return ipw_error_at(
		    err, IPW_EUSER, j->dir, 0, 0,
		    _("“%s” in this folder was not written by an earlier ipwiz "
		      "export, so ipwiz will not replace it: choose an empty folder "
		      "with --out, or move that file away first."),
		    name);
	}
	return IPW_OK;
}

/* Files of the earlier package this one does not write again (an evidence
 * file removed since, say) would be uploaded by mistake: only names the
 * earlier mark lists are removed, and only regular files. */
static void remove_old_package(const struct export_job *j, const struct names *old)
{
	for (size_t i = 0; i < old->n; i++) {
		if (in_package(j, old->v[i]))
			continue;
		char *path = xasprintf("%s/%s", j->dir, old->v[i]);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
			unlink(path);
		free(path);
	}
}

static int move_in(const struct export_job *j, const char *name, struct ipw_error *err)
{
	char *from = xasprintf("%s/%s", j->stage, name);
	char *to = xasprintf("%s/%s", j->dir, name);
	int r = rename(from, to), e = errno;
	free(from);
	free(to);
	return r == 0 ? IPW_OK : export_disk_error(err, j->dir, e);
}

/* Into place: a new directory by one rename; an existing one (--force)
 * file by file, each rename replacing the old file atomically, the mark
 * last so that it lists only files that are there. */
int export_publish(struct export_job *j, struct ipw_error *err)
{
	if (!j->exists) {
		if (rename(j->stage, j->dir) != 0)
			return export_disk_error(err, j->dir, errno);
		free(j->stage);
		j->stage = NULL;
		return IPW_OK;
	}
	struct names old = {0};
	bool marked = read_marker(j->dir, &old);
	int rc = check_replace(j, &old, marked, err);
	if (rc == IPW_OK)
		remove_old_package(j, &old);
	for (size_t i = 0; i < j->nfiles && rc == IPW_OK; i++)
		rc = move_in(j, j->files[i].name, err);
	if (rc == IPW_OK)
		rc = move_in(j, EXPORT_MARKER, err);
	names_free(&old);
	if (rc != IPW_OK)
		return rc;
	rmdir(j->stage);
	free(j->stage);
	j->stage = NULL;
	return IPW_OK;
}
