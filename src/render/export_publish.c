/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_publish.c — putting a built package into place, and the mark that
 * tells a folder ipwiz exported into from anyone else's. `export --force`
 * replaces or removes only the files an earlier ipwiz export listed in its
 * mark: a folder of downloads holding an ISO beside its own SHA256SUMS is
 * someone else's, and ipwiz refuses rather than touch it. Replacing an
 * earlier package is all or nothing. */
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

/* Rename name from folder a into folder b; 0 or the errno. */
static int move_name(const char *a, const char *b, const char *name)
{
	char *from = xasprintf("%s/%s", a, name);
	char *to = xasprintf("%s/%s", b, name);
	int e = rename(from, to) == 0 ? 0 : errno;
	free(from);
	free(to);
	return e;
}

/* The name of file i of the package, the mark coming last. */
static const char *package_name(const struct export_job *j, size_t i)
{
	return i < j->nfiles ? j->files[i].name : EXPORT_MARKER;
}

/* What is in dir of the earlier package: the files its mark lists and the
 * mark itself, regular files only. All of them leave, for a file of the
 * earlier package this one does not write again (an evidence file removed
 * since, say) would be uploaded by mistake. */
static void earlier_files(const char *dir, const struct names *old, bool marked, struct names *out)
{
	for (size_t i = 0; marked && i <= old->n; i++) {
		const char *name = i < old->n ? old->v[i] : EXPORT_MARKER;
		char *path = xasprintf("%s/%s", dir, name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
			out->v[out->n++] = xstrdup(name);
		}
		free(path);
	}
}

/* Over an earlier package, all or nothing: its files go aside into a
 * private folder inside dir, the new ones come in from the stage (also
 * inside dir: a rename never crosses into another file system, such as a
 * USB stick mounted there), and only then are the old ones removed. When a
 * rename fails, everything moved so far goes back where it was. */
static int replace_earlier(struct export_job *j, const struct names *earlier, struct ipw_error *err)
{
	char *aside = xasprintf("%s/.ipwiz-previous-XXXXXX", j->dir);
	if (!mkdtemp(aside)) {
		int rc = export_disk_error(err, j->dir, errno);
		free(aside);
		return rc;
	}
	size_t moved = 0, placed = 0;
	int e = 0;
	for (; moved < earlier->n && !e; moved += !e)
		e = move_name(j->dir, aside, earlier->v[moved]);
	for (; !e && placed <= j->nfiles; placed += !e)
		e = move_name(j->stage, j->dir, package_name(j, placed));
	bool restored = true;
	if (e) {
		while (placed > 0)
			restored &= move_name(j->dir, j->stage, package_name(j, --placed)) == 0;
		while (moved > 0)
			restored &= move_name(aside, j->dir, earlier->v[--moved]) == 0;
	} else {
		for (size_t i = 0; i < earlier->n; i++) {
			char *path = xasprintf("%s/%s", aside, earlier->v[i]);
			unlink(path);
			free(path);
		}
	}
	int rc = IPW_OK;
	if (e && restored)
		rc = export_disk_error(err, j->dir, e);
	else if (e)
		rc = ipw_error_at(
		    err, IPW_EENV, j->dir, 0, 0,
		    _("Cannot put the new package in place: %s. The earlier package "
		      "could not all be put back either: its missing files are in %s."),
		    strerror(e), aside);
	if (!e || restored)
		rmdir(aside);
	free(aside);
	return rc;
}

/* Into place: a new folder by one rename; an existing one (--force) only
 * when every file replaced is one the earlier export marked as its own. */
int export_publish(struct export_job *j, struct ipw_error *err)
{
	if (!j->exists) {
		if (rename(j->stage, j->dir) != 0)
			return export_disk_error(err, j->dir, errno);
		free(j->stage);
		j->stage = NULL;
		return IPW_OK;
	}
	struct names old = {0}, earlier = {0};
	bool marked = read_marker(j->dir, &old);
	int rc = check_replace(j, &old, marked, err);
	if (rc == IPW_OK) {
		earlier_files(j->dir, &old, marked, &earlier);
		rc = replace_earlier(j, &earlier, err);
	}
	names_free(&earlier);
	names_free(&old);
	if (rc != IPW_OK)
		return rc;
	rmdir(j->stage);
	free(j->stage);
	j->stage = NULL;
	return IPW_OK;
}
