/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_place.c — the folder a database lives in and the files SQLite keeps
 * beside it. SQLite refuses a symbolic link anywhere in the path when asked
 * not to follow one (SQLITE_OPEN_NOFOLLOW), so the folders are resolved
 * first and only the file itself must not be a link (/home -> var/home, as
 * on Fedora Silverblue, is no attack). A folder every user may write lets
 * anybody put a WAL beside the database — forged answers read as real, new
 * ones written where the attacker reads them — so such a folder is refused,
 * and so is a WAL, shared-memory or journal file that is not the user's (or,
 * for a team's database, a member's) or that others may read. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"

/* "dir/name" → "dir" (or "." and "/"), in a new string. */
static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *store_real_path(const char *path)
{
	char *dir = folder_of(path);
	char *real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *out = xasprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
	free(real);
	return out;
}

int store_check_folder(const char *path, struct ipw_error *err)
{
	char *dir = folder_of(path);
	struct stat sb;
	int r = IPW_OK;
	/* The sticky bit (/tmp's 1777) stops others deleting our files, not
	 * creating a WAL where none is yet: it does not help here. */
	bool open_to_all = stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & S_IWOTH);
	if (open_to_all && sb.st_uid != geteuid() && (sb.st_mode & S_ISVTX)) {
		/* Everybody's scratch folder (/tmp): it stays open, whoever owns it. */
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("The folder %s is open for every user of this computer to write (like "
		      "/tmp), so anyone could put files beside the case database %s to read or "
		      "change your cases; ipwiz will not use it there. Move the database to a "
		      "folder only you (or your team's group) may write, such as one made with "
		      "`mkdir -m 700 ~/cases`."),
		    dir, path);
	} else if (open_to_all && sb.st_uid != geteuid()) {
		/* Only the folder's owner may chmod it: say whom to ask. */
		char *owner = store_user_name(sb.st_uid);
		char *me = store_my_name();
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("The folder %s can be written by every user of this computer, so anyone "
		      "could put files beside the case database %s to read or change your "
		      "cases; ipwiz will not use it there. The folder belongs to %s, not to "
		      "you (%s), so only %s can make it private: ask %s to run `chmod o-w "
		      "%s`, or move the database to a folder only you (or your team's group) "
		      "may write."),
		    dir, path, owner, me, owner, owner, dir);
		free(owner);
		free(me);
	} else if (open_to_all)
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("The folder %s can be written by every user of this computer, so anyone "
		      "could put files beside the case database %s to read or change your "
		      "cases; ipwiz will not use it there. Move it to a folder only you (or "
		      "your team's group) may write, such as one made with `mkdir -m 700 "
		      "~/cases`, or make this one private with `chmod o-w %s`."),
		    dir, path, dir);
	free(dir);
	return r;
}

/* Is uid in group gid (as its primary group or a listed member)? */
static bool member_of(uid_t uid, gid_t gid)
{
	struct passwd *pw = getpwuid(uid);
	if (!pw)
		return false;
	if (pw->pw_gid == gid)
		return true;
	struct group *gr = getgrgid(gid);
	for (char **m = gr ? gr->gr_mem : NULL; m && *m; m++)
		if (strcmp(*m, pw->pw_name) == 0)
			return true;
	return false;
}

/* One file SQLite keeps beside the database (path + suffix), when there. */
static int check_beside(const char *path, const char *suffix, const struct stat *db,
			struct ipw_error *err)
{
	char *side = xasprintf("%s%s", path, suffix);
	struct stat sb;
	int r = IPW_OK;
	if (lstat(side, &sb) != 0) {
		free(side);
		return IPW_OK;
	}
	/* A team's database (0660 in a 2770 folder): any member opens it
	 * first and owns the WAL; it has the database's group. */
	bool shared = db->st_mode & S_IRWXG;
	bool ours = sb.st_uid == geteuid() || sb.st_uid == db->st_uid ||
		    (shared && sb.st_gid == db->st_gid && member_of(sb.st_uid, db->st_gid));
	if (!S_ISREG(sb.st_mode)) {
		r = ipw_error_set(err, IPW_EENV,
				  _("%s, beside the case database %s, is not a plain file (a link "
				    "or a folder), so ipwiz will not open the database. Remove it "
				    "and try again."),
				  side, path);
	} else if (!ours) {
		char *who = store_user_name(sb.st_uid);
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("Beside the case database %s is %s, which belongs to another user of "
		      "this computer (%s), not to you or your team's group: somebody may have "
		      "put it there to forge answers or to read new ones, so ipwiz will not "
		      "open the database. Look at it, and remove it if no ipwiz is running."),
		    path, side, who);
		free(who);
	} else if (sb.st_mode & S_IRWXO) {
		r = ipw_error_set(err, IPW_EENV,
				  _("%s, beside the case database %s, can be read or changed by "
				    "every user of this computer, so ipwiz will not open the "
				    "database. Make it private with `chmod o-rwx %s`, or remove it "
				    "if no ipwiz is running."),
				  side, path, side);
	}
	free(side);
	return r;
}

int store_check_beside(const char *path, const struct stat *db, struct ipw_error *err)
{
	static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		int r = check_beside(path, suffixes[i], db, err);
		if (r != IPW_OK)
			return r;
	}
	return IPW_OK;
}
