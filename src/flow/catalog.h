/* SPDX-License-Identifier: GPL-3.0-or-later */
/* catalog.h — which flows are installed, in install_data_dir()/flows
 * (base/install_dirs.h says where that is). */
#ifndef IPWIZ_CATALOG_H
#define IPWIZ_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "flow.h"

struct catalog_entry {
	char *id;
	char *path;
	char *title;
	char *description;
	char *version;
	char *checked;
	char *platform;
};

/* Every loadable flow in the data directory's flows/, sorted by id. Flows
 * that fail to load are skipped (ipwiz lint reports them). */
int catalog_list(struct catalog_entry **v, size_t *n, struct ipw_error *err);
void catalog_entries_free(struct catalog_entry *v, size_t n);

/* Load the flow with this id (or a path to a .yaml file): for what the
 * person typed on the command line. */
struct flow *catalog_load(const char *id_or_path, struct ipw_error *err);
/* Load an installed flow by its id ([a-z0-9_-]+) from the data directory's
 * flows/, never a path: for ids read from the database, which a member of
 * a team sharing it could set to any file (IPW_EUSAGE when it is no id). */
struct flow *catalog_load_installed(const char *id, struct ipw_error *err);

#endif
