/* SPDX-License-Identifier: GPL-3.0-or-later */
/* evidence_magic.c — libmagic, in the worker process: the type of a file by
 * its content, the first gate of every check. The database is the system's
 * and is loaded once per worker; the limits keep a hostile file from making
 * libmagic read or recurse without end. */
#include "config.h"

#include <magic.h>
#include <stdlib.h>
#include <string.h>

#include "evidence_worker.h"

enum { MAGIC_BYTES = 1024 * 1024 };

void *evidence_magic_load(void)
{
	/* The system database only: never $MAGIC or ~/.magic of the user. */
	unsetenv("MAGIC");
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ELF);
	if (!m)
		return NULL;
	if (magic_load(m, magic_getpath(NULL, 0)) != 0) {
		magic_close(m);
		return NULL;
	}
	size_t bytes = MAGIC_BYTES, indir = 10, name = 30, phnum = 128, shnum = 1024, notes = 64;
	magic_setparam(m, MAGIC_PARAM_BYTES_MAX, &bytes);
	magic_setparam(m, MAGIC_PARAM_INDIR_MAX, &indir);
	magic_setparam(m, MAGIC_PARAM_NAME_MAX, &name);
	magic_setparam(m, MAGIC_PARAM_ELF_PHNUM_MAX, &phnum);
	magic_setparam(m, MAGIC_PARAM_ELF_SHNUM_MAX, &shnum);
	magic_setparam(m, MAGIC_PARAM_ELF_NOTES_MAX, &notes);
#ifdef MAGIC_PARAM_REGEX_MAX
	size_t regex = 8192;
	magic_setparam(m, MAGIC_PARAM_REGEX_MAX, &regex);
#endif
	return m;
}

bool evidence_magic_describe(void *magic, int fd, char *mime, size_t size)
{
	mime[0] = '\0';
	const char *t = magic_descriptor(magic, fd);
	if (!t || strlen(t) >= size)
		return false;
	memcpy(mime, t, strlen(t) + 1);
	return true;
}
