/* SPDX-License-Identifier: GPL-3.0-or-later */
/* calendar_cache.c — calendar_get: each calendar parsed once per process
 * and again only when one of its files changed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "calendar_internal.h"

/* What a file was when it was read: a change of any part means read again. */
struct file_stamp {
	bool exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct cached {
	char *data_dir, *id;
	struct file_stamp shipped, user;
	struct calendar *cal; /* NULL when loading failed */
	int status;	      /* what calendar_load returned */
	struct ipw_error err;
};

static struct {
	struct cached *v;
	size_t n;
} cache;

static void stamp(const char *path, struct file_stamp *out)
{
	struct stat st;
	memset(out, 0, sizeof(*out));
	if (!path || stat(path, &st) != 0)
		return;
	*out = (struct file_stamp){true, st.st_dev, st.st_ino, st.st_size, st.st_mtim};
}

static bool same(const struct file_stamp *a, const struct file_stamp *b)
{
	return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime.tv_sec == b->mtime.tv_sec &&
	       a->mtime.tv_nsec == b->mtime.tv_nsec;
}

static struct cached *find(const char *data_dir, const char *id)
{
	for (size_t i = 0; i < cache.n; i++)
		if (strcmp(cache.v[i].data_dir, data_dir) == 0 && strcmp(cache.v[i].id, id) == 0)
			return &cache.v[i];
	cache.v = xreallocarray(cache.v, cache.n + 1, sizeof(*cache.v));
	struct cached *c = &cache.v[cache.n++];
	memset(c, 0, sizeof(*c));
	c->data_dir = xstrdup(data_dir);
	c->id = xstrdup(id);
	c->status = -1; /* never loaded */
	return c;
}

int calendar_get(const char *data_dir, const char *id, const struct calendar **out,
		 struct ipw_error *err)
{
	struct cached *c = find(data_dir, id ? id : "");
	char *shipped = xasprintf("%s/calendars/%s.yaml", data_dir, id ? id : "");
	char *user = id ? calendar_user_path(id) : NULL;
	struct file_stamp s, u;
	stamp(shipped, &s);
	stamp(user, &u);
	free(shipped);
	free(user);
	if (c->status < 0 || !same(&s, &c->shipped) || !same(&u, &c->user)) {
		calendar_free(c->cal);
		c->cal = NULL;
		ipw_error_clear(&c->err);
		c->status = calendar_load(data_dir, id, &c->cal, &c->err);
		c->shipped = s;
		c->user = u;
	}
	if (err)
		*err = c->err;
	*out = c->cal;
	return c->status;
}
