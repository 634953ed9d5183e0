/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_zip.c — the package as one zip (zlib's minizip), for platforms that
 * take a single file. Entries are the finished directory's files under its
 * name, with UTF-8 names (a Chinese file name stays Chinese in every
 * unzipper) and mode 0600; the zip is created 0600 like every other file of
 * the export. minizip, not libarchive: libarchive brings libxml2, ICU and
 * libstdc++ into the wizard's memory (2 MiB of its 10) for one zip. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

#include "base/base.h"
#include "export_internal.h"

/* Bit 11 of the general purpose flags: the name is UTF-8 (APPNOTE 4.4.4). */
#define ZIP_UTF8_NAMES 0x800
/* "Made by" Unix (3), spec 2.0: readers then take the mode from the
 * external attributes' high half. */
#define ZIP_MADE_BY_UNIX ((3 << 8) | 20)

/* minizip writes through these functions; this one hands it the stream of
 * the file made with mkstemp instead of opening a path again. */
static voidpf ZCALLBACK open_ours(voidpf opaque, const void *name, int mode)
{
	(void)name;
	(void)mode;
	return opaque;
}

static int zip_failed(const char *path, struct ipw_error *err)
{
	return ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot write the zip: %s."),
			    errno ? strerror(errno) : _("the zip library refused it"));
}

static int add_entry(zipFile z, const char *dir, const char *prefix, const char *name,
		     struct ipw_error *err)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	struct tm tm;
	int rc = IPW_OK;
	if (fd < 0 || fstat(fd, &st) != 0) {
		rc = ipw_error_at(err, IPW_EENV, path, 0, 0, _("Cannot read the export back: %s."),
				  strerror(errno));
		goto out;
	}
	zip_fileinfo zi = {.external_fa = (uLong)(S_IFREG | 0600) << 16};
	if (localtime_r(&st.st_mtime, &tm)) /* zip times are local, as unzip shows them */
		zi.tmz_date = (tm_zip){(uInt)tm.tm_sec,	 (uInt)tm.tm_min, (uInt)tm.tm_hour,
				       (uInt)tm.tm_mday, (uInt)tm.tm_mon, (uInt)tm.tm_year + 1900};
	char *entry_name = xasprintf("%s/%s", prefix, name);
	errno = 0;
	if (zipOpenNewFileInZip4_64(z, entry_name, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
				    Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL,
				    Z_DEFAULT_STRATEGY, NULL, 0, ZIP_MADE_BY_UNIX, ZIP_UTF8_NAMES,
				    st.st_size >= 0xffffffffLL) != ZIP_OK) {
		rc = zip_failed(path, err);
	} else {
		char buf[65536];
		ssize_t n;
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			if (zipWriteInFileInZip(z, buf, (unsigned)n) != ZIP_OK) {
				rc = zip_failed(path, err);
				break;
			}
		if (n < 0 && rc == IPW_OK)
			rc = ipw_error_at(err, IPW_EENV, path, 0, 0,
					  _("Cannot read the export back: %s."), strerror(errno));
		if (zipCloseFileInZip(z) != ZIP_OK && rc == IPW_OK)
			rc = zip_failed(path, err);
	}
	free(entry_name);
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
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		int rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				      strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return rc;
	}
	fchmod(fd, 0600);
	const char *slash = strrchr(j->dir, '/');
	const char *prefix = slash ? slash + 1 : j->dir;
	zlib_filefunc64_def io;
	fill_fopen64_filefunc(&io);
	io.zopen64_file = open_ours;
	io.opaque = f;
	int rc = IPW_OK;
	errno = 0;
	zipFile z = zipOpen2_64(tmp, APPEND_STATUS_CREATE, NULL, &io);
	if (!z) {
		rc = zip_failed(zip_path, err);
		fclose(f);
	}
	for (size_t i = 0; z && i < j->nfiles && rc == IPW_OK; i++)
		rc = add_entry(z, j->dir, prefix, j->files[i].name, err);
	/* zipClose writes the central directory, then closes the stream. */
	errno = 0;
	if (z && zipClose(z, NULL) != ZIP_OK && rc == IPW_OK)
		rc = zip_failed(zip_path, err);
	if (rc == IPW_OK && rename(tmp, zip_path) != 0)
		rc = ipw_error_at(err, IPW_EENV, zip_path, 0, 0, _("Cannot write the zip: %s."),
				  strerror(errno));
	if (rc != IPW_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}
