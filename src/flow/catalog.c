/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalog.c — the data directory and the installed flows. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "catalog.h"

static void entry_free(struct catalog_entry *e)
{
	free(e->id);
	free(e->path);
	free(e->title);
	free(e->description);
	free(e->version);
	free(e->checked);
	free(e->platform);
}

void catalog_entries_free(struct catalog_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry_free(&v[i]);
	free(v);
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct catalog_entry *)a)->id, ((const struct catalog_entry *)b)->id);
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

static char *dupnull(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

int catalog_list(struct catalog_entry **out, size_t *nout, struct ipw_error *err)
{
	char *dirpath = xasprintf("%s/flows", install_data_dir());
	DIR *d = opendir(dirpath);
	*out = NULL;
	*nout = 0;
	if (!d) {
		int r =
		    ipw_error_set(err, IPW_EENV,
				  _("Cannot read the flows directory %s (%s); check IPWIZ_DATADIR, "
				    "or reinstall ipwiz."),
				  dirpath, strerror(errno));
		free(dirpath);
		return r;
	}
	struct catalog_entry *v = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!is_yaml(de->d_name))
			continue;
		char *path = xasprintf("%s/%s", dirpath, de->d_name);
		struct ipw_diags diags = {0};
		struct flow *f = flow_load_file(path, &diags);
		ipw_diags_free(&diags);
		if (!f) {
			free(path);
			continue;
		}
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n] = (struct catalog_entry){
		    .id = xstrdup(f->id),
		    .path = path,
		    .title = dupnull(f->title),
		    .description = dupnull(f->description),
		    .version = dupnull(f->version),
		    .checked = dupnull(f->checked),
		    .platform = dupnull(f->platform),
		};
		n++;
		flow_free(f);
	}
	closedir(d);
	free(dirpath);
	if (n > 1)
		qsort(v, n, sizeof(*v), entry_cmp);
	*out = v;
	*nout = n;
	return IPW_OK;
}

static bool looks_like_path(const char *s)
{
	return strchr(s, '/') || is_yaml(s);
}

static struct flow *load_reporting(const char *path, struct ipw_error *err)
{
	struct ipw_diags diags = {0};
	struct flow *f = flow_load_file(path, &diags);
	if (!f) {
		const struct ipw_diag *g = NULL;
		for (size_t i = 0; i < diags.n && !g; i++)
			if (diags.v[i].severity == IPW_SEV_ERROR)
				g = &diags.v[i];
		if (g)
			ipw_error_at(err, IPW_EUSER, g->file, g->line, g->column, "%s", g->msg);
		else
			ipw_error_set(err, IPW_EUSER, _("The flow %s cannot be loaded."), path);
	}
	ipw_diags_free(&diags);
	return f;
}

struct flow *catalog_load(const char *id_or_path, struct ipw_error *err)
{
	if (looks_like_path(id_or_path))
		return load_reporting(id_or_path, err);
	return catalog_load_installed(id_or_path, err);
}

struct flow *catalog_load_installed(const char *id, struct ipw_error *err)
{
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_')) {
			ipw_error_set(err, IPW_EUSAGE,
				      _("“%s” is not a flow name; `ipwiz flows` lists them."), id);
			return NULL;
		}
	char *path = xasprintf("%s/flows/%s.yaml", install_data_dir(), id);
	struct stat sb;
	if (stat(path, &sb) != 0) {
		ipw_error_set(err, IPW_EUSAGE,
			      _("There is no flow called “%s”; `ipwiz flows` lists the installed "
				"ones."),
			      id);
		free(path);
		return NULL;
	}
	struct flow *f = load_reporting(path, err);
	if (!f && err && err->status == IPW_EUSER) {
		/* Not the seller's mistake: the installed file is damaged. */
		size_t n = strlen(err->msg);
		/* "…(YAML syntax)" has no full stop of its own. */
		const char *stop = n && err->msg[n - 1] != '.' ? "." : "";
		snprintf(err->msg + n, sizeof(err->msg) - n, "%s %s", stop,
			 _("This installed flow is damaged: reinstall ipwiz, or tell the flow's "
			   "author."));
	}
	free(path);
	return f;
}
