/* catalog.h — where data lives and which flows are installed.
 * Data directory: $IPWIZ_DATADIR, else the source tree's data/ when the
 * program runs from its build tree (so ./run.sh needs no install), else
 * $(pkgdatadir). */
#ifndef IPWIZ_CATALOG_H
#define IPWIZ_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/base.h"
#include "flow.h"

const char *catalog_data_dir(void);
/* True when the program runs from its build tree (not installed). */
bool catalog_in_build_tree(void);

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

/* Load the flow with this id (or a path to a .yaml file). */
struct flow *catalog_load(const char *id_or_path, struct ipw_error *err);

#endif
