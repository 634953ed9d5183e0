/* SPDX-License-Identifier: GPL-3.0-or-later */
/* install_dirs.c — the data and locale directories (see install_dirs.h). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "install_dirs.h"

bool install_in_build_tree(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	char real[PATH_MAX];
	if (!realpath(BUILDDIR, real))
		return false;
	return strcmp(exe, real) == 0;
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
