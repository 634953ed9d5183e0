/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contact_sheet_write.c — a contact sheet as a folder a reviewer opens
 * offline: index.html (contact_sheet.c) and a small PNG of each of the
 * first pages of every file that can be shown, drawn by the evidence
 * worker (the wizard never decodes a file). The folder is private (0700,
 * its files 0600): the pages show personal documents. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "contact_sheet.h"
#include "evidence/evidence.h"

enum { SHEET_PAGES = 6 }; /* pages drawn per file */

static int write_private(const char *path, const void *data, size_t len, struct ipw_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	int e = fd < 0 ? errno : 0;
	for (size_t off = 0; !e && off < len;) {
		ssize_t w = write(fd, (const char *)data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			e = w < 0 ? errno : ENOSPC;
		else
			off += (size_t)w;
	}
	if (fd >= 0 && close(fd) != 0 && !e)
		e = errno;
	if (e)
		return ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot write the report: %s."),
				    strerror(e));
	return IPW_OK;
}

/* The folder: made private, or an existing one of this user's that no one
 * else may write to (a report never lands where others can swap its
 * files). */
static int private_folder(const char *dir, struct ipw_error *err)
{
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return ipw_error_at(err, IPW_EUSER, dir, 0, 0, _("Cannot make the folder: %s."),
				    strerror(errno));
	struct stat st;
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ipw_error_at(err, IPW_EUSER, dir, 0, 0, "%s",
				    _("This is not a folder: give a folder for the report."));
	if (st.st_uid != geteuid() || (st.st_mode & 022))
		return ipw_error_at(err, IPW_EUSER, dir, 0, 0, "%s",
				    _("Others can write to this folder: give a folder of your own "
				      "for the report."));
	return IPW_OK;
}

/* A sheet written again (an export with --force) leaves no picture of a
 * file that is no longer in it: the names this writer uses go first. */
static void remove_earlier(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		unsigned no, page;
		char tail[8];
		bool ours = strcmp(e->d_name, "index.html") == 0 ||
			    (sscanf(e->d_name, "%3u-p%u.%4s", &no, &page, tail) == 3 &&
			     strcmp(tail, "png") == 0);
		if (ours)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

int contact_sheet_write(const char *dir, const char *title, const char *lang,
			const struct sheet_source *src, size_t n, struct ipw_error *err)
{
	int rc = private_folder(dir, err);
	if (rc != IPW_OK)
		return rc;
	remove_earlier(dir);
	struct sheet_file *files = xcalloc(n ? n : 1, sizeof(*files));
	char ***thumbs = xcalloc(n ? n : 1, sizeof(*thumbs));
	struct sheet_read **reads = xcalloc(n ? n : 1, sizeof(*reads));
	char **described = xcalloc(n ? n : 1, sizeof(*described));
	for (size_t i = 0; i < n && rc == IPW_OK; i++) {
		const struct evidence_result *res = src[i].res;
		struct sheet_file *f = &files[i];
		*f = (struct sheet_file){.group = src[i].group,
					 .name = src[i].name,
					 .verdict = evidence_verdict_name(res->verdict),
					 .message = res->message,
					 .fix = res->fix,
					 .findings = res->findings,
					 .acked = src[i].acked,
					 .nfindings = res->nfindings};
		if (res->mime[0])
			f->described = described[i] = evidence_result_describe(res);
		reads[i] = xcalloc(res->nread ? res->nread : 1, sizeof(**reads));
		for (unsigned k = 0; k < res->nread; k++)
			reads[i][k] = (struct sheet_read){res->read_label[k], res->read_state[k]};
		f->reads = reads[i];
		f->nreads = res->nread;
		if (!evidence_verdict_usable(res->verdict))
			continue;
		unsigned pages = res->pages < SHEET_PAGES ? res->pages : SHEET_PAGES;
		thumbs[i] = xcalloc(pages ? pages : 1, sizeof(**thumbs));
		for (unsigned p = 1; p <= pages && rc == IPW_OK; p++) {
			struct evidence_thumb t;
			struct ipw_error terr = {0};
			if (evidence_thumb_page(src[i].path, p, true, &t, &terr) != IPW_OK)
				break; /* the words stand without the picture */
			if (t.png) {
				char *name = xasprintf("%03zu-p%u.png", i + 1, p);
				char *path = xasprintf("%s/%s", dir, name);
				rc = write_private(path, t.png, t.png_len, err);
				free(path);
				thumbs[i][f->nthumbs++] = name;
			}
			evidence_thumb_free(&t);
		}
		f->thumbs = (const char *const *)thumbs[i];
	}
	if (rc == IPW_OK) {
		struct strbuf b;
		strbuf_init(&b);
		contact_sheet_html(&b, title, lang, files, n);
		char *path = xasprintf("%s/index.html", dir);
		rc = write_private(path, b.s, b.len, err);
		free(path);
		strbuf_free(&b);
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < files[i].nthumbs; k++)
			free(thumbs[i][k]);
		free(thumbs[i]);
		free(reads[i]);
		free(described[i]);
	}
	free(thumbs);
	free(reads);
	free(described);
	free(files);
	return rc;
}
