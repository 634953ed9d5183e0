/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_open.c — reach the file without trusting it: stat before open so
 * no device or pipe is ever opened, open without blocking or acquiring a
 * terminal, then fstat the descriptor itself so what is checked is what was
 * opened, even if the name is swapped meanwhile. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "evidence_internal.h"

/* ENOENT on a name that is itself a link: say where the link points. */
static void report_missing(const char *path, struct evidence_result *res)
{
	struct stat lst;
	char target[PATH_MAX];
	ssize_t n;
	if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) &&
	    (n = readlink(path, target, sizeof(target) - 1)) >= 0) {
		target[n] = '\0';
		char *safe = utf8_sanitize(target);
		evidence_set(res, EVIDENCE_REJECT, "dangling-link",
			     _("Find where the document is now and attach it from there."),
			     _("This is a link to “%s”, which does not exist (any more)."), safe);
		free(safe);
		return;
	}
	evidence_set(res, EVIDENCE_REJECT, "not-found",
		     _("Check the folder and the spelling of the name, then attach it again."),
		     _("There is no file with this name."));
}

static void report_errno(const char *path, int e, struct evidence_result *res)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
		report_missing(path, res);
		break;
	case ELOOP:
		evidence_set(res, EVIDENCE_REJECT, "link-loop",
			     _("Attach the document itself instead of the link."),
			     _("This is a link that leads back to itself (a loop of links)."));
		break;
	case EACCES:
	case EPERM:
		evidence_set(res, EVIDENCE_REJECT, "not-readable",
			     _("Copy the file into your own folder (or ask its owner to let you "
			       "read it) and attach the copy."),
			     _("This file is not readable: %s."), strerror(e));
		break;
	default:
		evidence_set(res, EVIDENCE_REJECT, "not-readable",
			     _("Copy the file to a local folder and attach the copy."),
			     _("This file is not readable: %s."), strerror(e));
	}
}

/* Anything but a regular file gets a sentence; nothing is read from it. */
static bool report_kind(mode_t mode, struct evidence_result *res)
{
	if (S_ISREG(mode))
		return false;
	if (S_ISDIR(mode))
		evidence_set(res, EVIDENCE_REJECT, "directory",
			     _("Open the folder and attach the documents inside it one by one."),
			     _("This is a folder, not a file."));
	else if (S_ISFIFO(mode))
		evidence_set(res, EVIDENCE_REJECT, "not-regular",
			     _("Save the document as an ordinary file first, then attach that "
			       "file."),
			     _("This is a pipe (FIFO), not a file; ipwiz does not read from it."));
	else if (S_ISCHR(mode) || S_ISBLK(mode))
		evidence_set(res, EVIDENCE_REJECT, "not-regular",
			     _("Attach the document file itself, not a device."),
			     _("This is a device, not a document."));
	else if (S_ISSOCK(mode))
		evidence_set(res, EVIDENCE_REJECT, "not-regular",
			     _("Attach the document file itself, not a socket."),
			     _("This is a network socket, not a document."));
	else
		evidence_set(res, EVIDENCE_REJECT, "not-regular",
			     _("Attach an ordinary document file."),
			     _("This is not an ordinary file."));
	return true;
}

int evidence_open(const char *path, struct stat *st, struct evidence_result *res)
{
	if (stat(path, st) != 0) {
		report_errno(path, errno, res);
		return -1;
	}
	if (report_kind(st->st_mode, res))
		return -1;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		report_errno(path, errno, res);
		return -1;
	}
	if (fstat(fd, st) != 0) {
		report_errno(path, errno, res);
		close(fd);
		return -1;
	}
	/* The name may have been swapped for a pipe between stat and open. */
	if (report_kind(st->st_mode, res)) {
		close(fd);
		return -1;
	}
	return fd;
}
