/* SPDX-License-Identifier: GPL-3.0-or-later */
/* install_dirs.c — the data and locale directories (see install_dirs.h). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "install_dirs.h"

/* The folder of the running program into dir, and the build tree's real
 * path into build; false when either is unknown. */
static bool exe_and_build_dirs(char *dir, char *build)
{
	ssize_t n = readlink("/proc/self/exe", dir, PATH_MAX - 1);
	if (n <= 0)
		return false;
	dir[n] = '\0';
	char *slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return realpath(BUILDDIR, build) != NULL;
}

bool install_in_build_tree(void)
{
	char exe[PATH_MAX], real[PATH_MAX];
	return exe_and_build_dirs(exe, real) && strcmp(exe, real) == 0;
}

/* The running program is the build tree's, or below it (the unit tests). */
static bool in_or_below_build_tree(void)
{
	char exe[PATH_MAX], real[PATH_MAX];
	if (!exe_and_build_dirs(exe, real))
		return false;
	size_t n = strlen(real);
	return strncmp(exe, real, n) == 0 && (exe[n] == '\0' || exe[n] == '/');
}

const char *install_worker_path(void)
{
	return in_or_below_build_tree() ? BUILDDIR "/ipwiz-worker" : PKGLIBEXECDIR "/ipwiz-worker";
}

const char *install_ocr_module_path(void)
{
	return in_or_below_build_tree() ? BUILDDIR "/ipwiz-ocr.so" : PKGLIBEXECDIR "/ipwiz-ocr.so";
}

const char *install_data_dir(void)
{
	static const char *dir;
	if (dir)
		return dir;
	const char *env = getenv("IPWIZ_DATADIR");
	if (env && *env)
		dir = env;
	else if (install_in_build_tree())
		dir = SRCDATADIR;
	else
		dir = PKGDATADIR;
	return dir;
}

const char *install_locale_dir(void)
{
	return install_in_build_tree() ? BUILDDIR "/locale" : LOCALEDIR;
}
