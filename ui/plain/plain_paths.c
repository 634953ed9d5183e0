/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plain_paths.c — file names typed at an evidence prompt. There is no Tab
 * completion on a plain line, so the line mode does the next best thing a
 * screen reader can follow: a folder typed instead of a file is listed, and
 * a name that does not exist is answered with the names in that folder that
 * begin the same way. Nothing is recorded for either. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "plain_internal.h"

#define LISTED_MAX 20

char *plain_path_clean(const char *typed)
{
	char *t = plain_trim(xstrdup(typed));
	size_t n = strlen(t);
	if (n >= 2 && (t[0] == '\'' || t[0] == '"') && t[n - 1] == t[0]) {
		memmove(t, t + 1, n - 2);
		t[n - 2] = '\0';
	}
	struct strbuf b;
	strbuf_init(&b);
	const char *home = getenv("HOME");
	const char *s = t;
	if (home && s[0] == '~' && s[1] == '/') {
		strbuf_add(&b, home);
		s++;
	}
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == ' ')
			s++;
		strbuf_addc(&b, *s);
	}
	free(t);
	return strbuf_detach(&b);
}

char *plain_path_absolute(const char *path)
{
	char *real = realpath(path, NULL);
	if (real)
		return real;
	char cwd[PATH_MAX];
	if (path[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	return xasprintf("%s/%s", cwd, path);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *dir, const struct dirent *e)
{
	if (e->d_type != DT_UNKNOWN)
		return e->d_type == DT_DIR;
	char *path = xasprintf("%s/%s", dir, e->d_name);
	struct stat st;
	bool yes = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	return yes;
}

/* Names in dir (not hidden) that start with prefix, sorted; at most
 * LISTED_MAX are kept, *more tells whether there were others. */
static size_t names_in(const char *dir, const char *prefix, char ***out, bool *more)
{
	char **v = NULL;
	size_t n = 0;
	*more = false;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strncasecmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		if (n == LISTED_MAX) {
			*more = true;
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof(*v));
		/* Folders end in "/", as ls -F shows them, so one can go on down. */
		v[n++] = xasprintf("%s%s", e->d_name, is_dir(dir, e) ? "/" : "");
	}
	if (d)
		closedir(d);
	qsort(v, n, sizeof(*v), by_name);
	*out = v;
	return n;
}

static void say_names(struct plain *p, const char *dir, const char *prefix)
{
	char **v;
	bool more;
	size_t n = names_in(dir, prefix, &v, &more);
	for (size_t i = 0; i < n; i++) {
		plain_printf(p, "  %s\n", plain_safe(p, v[i]));
		free(v[i]);
	}
	free(v);
	if (more)
		plain_printf(p, "  %s\n", _("… and more: type the first letters to see fewer."));
	if (!n)
		plain_printf(p, "  %s\n", _("(nothing)"));
}

bool plain_path_guide(struct plain *p, const char *path)
{
	struct stat st, lst;
	if (stat(path, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			return false;
		plain_printf(p, "%s\n", _("This is a folder. It holds:"));
		say_names(p, path, "");
		plain_printf(p, "%s\n", _("Type the path of one of these files."));
		return true;
	}
	/* A dangling link or an unreadable name gets the checker's sentence. */
	if ((errno != ENOENT && errno != ENOTDIR) || lstat(path, &lst) == 0)
		return false;
	const char *slash = strrchr(path, '/');
	char *dir =
	    slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	const char *base = slash ? slash + 1 : path;
	plain_printf(p, _("There is no file “%s”. Nothing was attached.\n"), plain_safe(p, path));
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && *base) {
		plain_printf(p, _("In %s, the names that begin with “%s” are:\n"),
			     plain_safe(p, dir), plain_safe(p, base));
		say_names(p, dir, base);
	}
	free(dir);
	return true;
}
