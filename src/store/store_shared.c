/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_shared.c — `ipwiz init-shared DIR --group GROUP`: a setgid 2770
 * folder of the team's group and a 0660 database in it. Often run as root,
 * so nothing is followed and nothing is touched before everything is
 * known: DIR is made by mkdir alone, or an existing empty folder is opened
 * with O_DIRECTORY | O_NOFOLLOW and changed through that descriptor (never
 * through a name that could meanwhile point at /etc); a folder that holds
 * a database already, or any file, is refused as it is. What really
 * changed is reported, and a failure half-way puts back what was done. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"

#define SHARED_DB_NAME "cases.db"

static char *group_name(gid_t gid)
{
	struct group *gr = getgrgid(gid);
	return gr ? xstrdup(gr->gr_name) : xasprintf("%lld", (long long)gid);
}

/* Does the folder open at fd hold anything (but . and ..)? */
static bool has_entries(int fd)
{
	int d = dup(fd);
	DIR *dir = d >= 0 ? fdopendir(d) : NULL;
	if (!dir) {
		if (d >= 0)
			close(d);
		return true; /* cannot tell: treat as not empty */
	}
	bool any = false;
	struct dirent *e;
	while (!any && (e = readdir(dir)))
		any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(dir);
	return any;
}

static int cannot_make(const char *dir, int e, struct ipw_error *err)
{
	char *parent = xstrdup(dir);
	char *slash = strrchr(parent, '/');
	if (slash && slash != parent)
		*slash = '\0';
	int r = ipw_error_set(err, IPW_EENV,
			      _("Cannot create the directory %s: %s. Create %s first, or choose "
				"another directory."),
			      dir, strerror(e), parent);
	free(parent);
	return r;
}

/* Open DIR (made now, or there before) without following a link, and
 * refuse what init-shared must not turn into the team's folder. */
static int open_folder(const char *dir, bool made, int *out, struct ipw_error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		struct stat sb;
		if (lstat(dir, &sb) == 0 && S_ISLNK(sb.st_mode))
			return ipw_error_set(
			    err, IPW_EUSER,
			    _("%s is a symbolic link; init-shared makes the team's "
			      "folder only by its real name. Nothing was changed."),
			    dir);
		if (e == ENOTDIR)
			return ipw_error_set(
			    err, IPW_EUSER,
			    _("%s exists and is not a directory; nothing was changed."), dir);
		return ipw_error_set(err, IPW_EENV, _("Cannot open the folder %s: %s."), dir,
				     strerror(e));
	}
	struct stat db;
	int r = IPW_OK;
	if (fstatat(fd, SHARED_DB_NAME, &db, AT_SYMLINK_NOFOLLOW) == 0) {
		struct stat sb;
		char *g = fstat(fd, &sb) == 0 ? group_name(sb.st_gid) : xstrdup("?");
		r = ipw_error_set(err, IPW_EUSER,
				  _("%s already holds a case database (%s/%s, group %s); nothing "
				    "was changed."),
				  dir, dir, SHARED_DB_NAME, g);
		free(g);
	} else if (!made && has_entries(fd)) {
		r = ipw_error_set(
		    err, IPW_EUSER,
		    _("%s is not empty; init-shared makes the team's folder from a new "
		      "or an empty one, so that no file already in it is shared by "
		      "surprise. Nothing was changed."),
		    dir);
	}
	if (r != IPW_OK) {
		close(fd);
		return r;
	}
	*out = fd;
	return IPW_OK;
}

/* The database file, made in the folder open at fd. */
static int make_db_file(int fd, const char *path, gid_t gid, struct ipw_error *err)
{
	int f =
	    openat(fd, SHARED_DB_NAME, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (f < 0)
		return ipw_error_set(err, IPW_EENV, _("Cannot create %s: %s."), path,
				     strerror(errno));
	int r = IPW_OK;
	if (fchown(f, (uid_t)-1, gid) != 0 || fchmod(f, 0660) != 0) {
		r = ipw_error_set(err, IPW_EENV, _("Cannot give %s to the group: %s."), path,
				  strerror(errno));
		unlinkat(fd, SHARED_DB_NAME, 0);
	}
	close(f);
	return r;
}

int store_init_shared(const char *dir, const char *group, struct shared_setup *out,
		      struct ipw_error *err)
{
	memset(out, 0, sizeof *out);
	struct group *gr = getgrnam(group);
	if (!gr)
		return ipw_error_set(err, IPW_EUSER,
				     _("there is no group “%s”; create it first (groupadd %s)."),
				     group, group);
	gid_t gid = gr->gr_gid;
	/* Private until it is ready: nobody enters a half-made team folder. */
	bool made = mkdir(dir, 0700) == 0;
	if (!made && errno != EEXIST)
		return cannot_make(dir, errno, err);
	int fd = -1;
	int r = open_folder(dir, made, &fd, err);
	if (r != IPW_OK) {
		if (made)
			rmdir(dir);
		return r;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		r = ipw_error_set(err, IPW_EENV, _("Cannot open the folder %s: %s."), dir,
				  strerror(errno));
		close(fd);
		if (made)
			rmdir(dir);
		return r;
	}
	out->made_dir = made;
	out->group_changed = !made && sb.st_gid != gid;
	out->mode_changed = !made && (sb.st_mode & 07777) != 02770;
	out->old_group = group_name(sb.st_gid);
	out->old_mode = (unsigned)(sb.st_mode & 07777);
	if ((sb.st_gid != gid && fchown(fd, (uid_t)-1, gid) != 0) || fchmod(fd, 02770) != 0) {
		r = ipw_error_set(err, IPW_EENV,
				  _("Cannot give %s to the group: %s (run this as the directory's "
				    "owner or as root); nothing was changed."),
				  dir, strerror(errno));
		goto undo;
	}
	out->db_path = xasprintf("%s/%s", dir, SHARED_DB_NAME);
	r = make_db_file(fd, out->db_path, gid, err);
	if (r == IPW_OK) {
		/* The tables, through the one way every database is opened. */
		struct store *st = NULL;
		r = store_open(out->db_path, STORE_CREATE, &st, err);
		store_close(st);
		if (r != IPW_OK)
			unlinkat(fd, SHARED_DB_NAME, 0);
	}
	if (r == IPW_OK) {
		close(fd);
		return IPW_OK;
	}
undo:
	/* Put the folder back as it was, so that "nothing was changed" holds. */
	if (made) {
		close(fd);
		rmdir(dir);
	} else {
		(void)!fchown(fd, (uid_t)-1, sb.st_gid);
		fchmod(fd, sb.st_mode & 07777);
		close(fd);
	}
	shared_setup_clear(out);
	return r;
}
