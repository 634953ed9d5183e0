/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store_access.c — "no access" in words a team member can act on. On a
 * shared host the usual reason is a team folder (2770, see `ipwiz
 * init-shared`) whose group the user is not in: say which group, and the
 * command an administrator runs. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"

static bool in_group(gid_t gid)
{
	if (getegid() == gid)
		return true;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	gid_t *v = xcalloc((size_t)n, sizeof *v);
	n = getgroups(n, v);
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = v[i] == gid;
	free(v);
	return found;
}

/* The deepest existing folder on the way to path that we may not enter,
 * or path itself when the folders are open but the file is not. */
static char *blocking_place(const char *path, struct stat *sb)
{
	char *p = xstrdup(path);
	char *slash = p;
	while ((slash = strchr(slash + 1, '/'))) {
		*slash = '\0';
		if (*p && stat(p, sb) == 0 && S_ISDIR(sb->st_mode) && access(p, X_OK) != 0)
			return p;
		*slash = '/';
	}
	if (stat(p, sb) == 0)
		return p;
	free(p);
	return NULL;
}

char *store_user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);
	return pw && pw->pw_name ? utf8_sanitize(pw->pw_name)
				 : xasprintf(_("uid %lld"), (long long)uid);
}

char *store_my_name(void)
{
	return store_user_name(geteuid());
}

int store_no_access(const char *path, struct ipw_error *err)
{
	struct stat sb;
	char *place = blocking_place(path, &sb);
	struct group *gr = place ? getgrgid(sb.st_gid) : NULL;
	struct passwd *pw = getpwuid(geteuid());
	const char *me = pw ? pw->pw_name : "?";
	int r;
	if (gr && (sb.st_mode & S_IRWXG) && !in_group(sb.st_gid))
		r = ipw_error_set(
		    err, IPW_EENV,
		    _("You have no access to the case database %s: %s belongs to the "
		      "team group “%s”, and you (%s) are not in it. Ask the "
		      "administrator to run `usermod -a -G %s %s`, then log in again."),
		    path, place, gr->gr_name, me, gr->gr_name, me);
	else
		r = ipw_error_set(err, IPW_EENV,
				  _("You have no access to the case database %s (%s may not be "
				    "opened by %s); ask its owner for access, or use --db PATH."),
				  path, place ? place : path, me);
	free(place);
	return r;
}
