/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_zip.c — the package as one zip (libarchive), for platforms that take
 * a single file. Entries are the finished directory's files under its name;
 * the zip is created 0600 like every other file of the export. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/base.h"
#include "export_internal.h"

static int add_entry(struct archive *a, const char *dir, const char *prefix, const char *name,
		     struct ipw_error *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int rc = IPW_OK;
	if (fd < 0 || fstat(fd, &st) != 0) {
		rc = ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot read the export back: %s."),
				  strerror(errno));
		goto out;
	}
	struct archive_entry *e = archive_entry_new();
	char *entry_name = xasprintf("%s/%s", prefix, name);
	archive_entry_set_pathname(e, entry_name);
	archive_entry_set_size(e, st.st_size);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0600);
	archive_entry_set_mtime(e, st.st_mtime, 0);
	if (archive_write_header(a, e) != ARCHIVE_OK) {
		rc = ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot write the zip: %s."),
				  archive_error_string(a));
	} else {
		char buf[65536];
		ssize_t n;
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			if (archive_write_data(a, buf, (size_t)n) != n) {
				rc = ipw_error_at(err, IPW_EENV, path, 0, 0,
						  _("Cannot write the zip: %s."),
						  archive_error_string(a));
				break;
			}
		if (n < 0 && rc == IPW_OK)
			rc = ipw_error_at(err, IPW_EENV, path, 0, 0,
					  _("Cannot read the export back: %s."), strerror(errno));
	}
	free(entry_name);
	archive_entry_free(e);
out:
	if (fd >= 0)
		close(fd);
	free(path);
	return rc;
}

int export_write_zip(struct export_job *j, const char *zip_path, struct ipw_error *err)
{
	/* Built under a private name, then renamed over any old zip (--force). */
	char *tmp = xasprintf("%s.XXXXXX", zip_path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				      strerror(errno));
		free(tmp);
		return rc;
	}
	fchmod(fd, 0600);
	const char *slash = strrchr(j->dir, '/');
	const char *prefix = slash ? slash + 1 : j->dir;
	struct archive *a = archive_write_new();
	int rc = IPW_OK;
	if (archive_write_set_format_zip(a) != ARCHIVE_OK ||
	    archive_write_open_fd(a, fd) != ARCHIVE_OK)
		rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				  archive_error_string(a));
	for (size_t i = 0; i < j->nfiles && rc == IPW_OK; i++)
		rc = add_entry(a, j->dir, prefix, j->files[i].name, err);
	if (archive_write_close(a) != ARCHIVE_OK && rc == IPW_OK)
		rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				  archive_error_string(a));
	archive_write_free(a);
	if (close(fd) != 0 && rc == IPW_OK)
		rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				  strerror(errno));
	if (rc == IPW_OK && rename(tmp, zip_path) != 0)
		rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				  strerror(errno));
	if (rc != IPW_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}
